import { useId } from 'react';
import type { InstanceSummary, SignInMethod } from '../../shared/snapshot';
import { useRendererApi } from '../app-context';
import { formatClockTime, formatCountdown, useNow } from '../use-now';

/** The sign-in state of one instance, with the one next step for each state. */
export function SignInCard({ instance }: { readonly instance: InstanceSummary }) {
  const { status } = instance;
  switch (status.kind) {
    case 'checking':
      return (
        <section className="card status-card" aria-live="polite">
          <p className="muted">Checking your sign-in…</p>
        </section>
      );
    case 'signedOut':
      return <SignedOutCard instance={instance} message={status.message} />;
    case 'awaitingApproval':
      return <AwaitingApprovalCard id={instance.id} userCode={status.userCode} verificationUri={status.verificationUri} expiresAt={status.expiresAt} />;
    case 'awaitingBrowser':
      return <AwaitingBrowserCard id={instance.id} expiresAt={status.expiresAt} />;
    case 'signedIn':
      return <SignedInCard instance={instance} expiresAt={status.expiresAt} endsAt={status.endsAt} />;
  }
}

function SignedOutCard({ instance, message }: { readonly instance: InstanceSummary; readonly message: string | undefined }) {
  const api = useRendererApi();
  return (
    <section className="card status-card" aria-labelledby="status-title">
      <h2 id="status-title">Signed out</h2>
      {message !== undefined && (
        <p className="status-message" role="status">
          {message}
        </p>
      )}
      <SignInMethodChoice instance={instance} />
      <button type="button" className="primary-button" onClick={() => void api.signIn({ id: instance.id })}>
        Sign in
      </button>
    </section>
  );
}

const METHODS: readonly { readonly method: SignInMethod; readonly label: string; readonly hint: string }[] = [
  { method: 'pkce', label: 'In the browser', hint: 'Rolecall opens the AWS sign-in page; allow access there and the browser comes back to Rolecall.' },
  { method: 'device', label: 'With a device code', hint: 'Rolecall shows a code to confirm on the AWS sign-in page, on this or any other device.' },
];

/** How the instance signs in, kept with it; the choice applies from the next Sign in. */
function SignInMethodChoice({ instance }: { readonly instance: InstanceSummary }) {
  const api = useRendererApi();
  const id = useId();
  return (
    <fieldset className="sign-in-method">
      <legend>How to sign in</legend>
      {METHODS.map(({ method, label, hint }) => (
        <label key={method} className="choice">
          <input
            type="radio"
            name={`${id}-method`}
            aria-labelledby={`${id}-${method}`}
            aria-describedby={`${id}-${method}-hint`}
            checked={instance.signInMethod === method}
            onChange={() => void api.setSignInMethod({ id: instance.id, method })}
          />
          <span>
            <strong id={`${id}-${method}`}>{label}</strong>
            <span className="choice-hint" id={`${id}-${method}-hint`}>
              {hint}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

interface AwaitingProps {
  readonly id: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresAt: number;
}

function AwaitingApprovalCard({ id, userCode, verificationUri, expiresAt }: AwaitingProps) {
  const api = useRendererApi();
  const now = useNow();
  return (
    <section className="card status-card" aria-labelledby="status-title">
      <h2 id="status-title">Confirm this code in your browser</h2>
      <p className="muted">
        Rolecall opened the AWS sign-in page. Check that it shows the same code, then approve. If no page opened, go to{' '}
        <span className="mono">{verificationUri}</span> and enter the code.
      </p>
      <p className="user-code" aria-label={`Sign-in code ${userCode.split('').join(' ')}`}>
        {userCode}
      </p>
      <p className="countdown" aria-live="off">
        Expires in {formatCountdown(expiresAt - now)}
      </p>
      <div className="form-actions start">
        <button type="button" className="secondary-button" onClick={() => void api.copyUserCode({ id })}>
          Copy code
        </button>
        <button type="button" className="secondary-button" onClick={() => void api.openVerificationPage({ id })}>
          Open the page again
        </button>
        <button type="button" className="secondary-button" onClick={() => void api.cancelSignIn({ id })}>
          Cancel
        </button>
      </div>
    </section>
  );
}

function AwaitingBrowserCard({ id, expiresAt }: { readonly id: string; readonly expiresAt: number }) {
  const api = useRendererApi();
  const now = useNow();
  return (
    <section className="card status-card" aria-labelledby="status-title">
      <h2 id="status-title">Finish signing in in your browser</h2>
      <p className="muted">Rolecall opened the AWS sign-in page. Allow access there; the browser comes back to Rolecall and the sign-in finishes here.</p>
      <p className="countdown" aria-live="off">
        Rolecall waits {formatCountdown(expiresAt - now)} more
      </p>
      <div className="form-actions start">
        <button type="button" className="secondary-button" onClick={() => void api.openVerificationPage({ id })}>
          Open the page again
        </button>
        <button type="button" className="secondary-button" onClick={() => void api.cancelSignIn({ id })}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** What the card says of how long the sign-in lasts: the token, and whether refresh can extend it. */
function lifetimeText(expiresAt: number, endsAt: number | undefined): string {
  if (endsAt !== undefined && endsAt <= expiresAt) return `Valid until ${formatClockTime(endsAt)}; it cannot be renewed, so sign in again then.`;
  return `Token valid until ${formatClockTime(expiresAt)}; Rolecall renews it before then.`;
}

function SignedInCard({ instance, expiresAt, endsAt }: { readonly instance: InstanceSummary; readonly expiresAt: number; readonly endsAt: number | undefined }) {
  const api = useRendererApi();
  const shared = instance.tokenStorage === 'aws-cli';
  return (
    <section className="card status-card signed-in-bar" aria-labelledby="status-title">
      <div className="signed-in-text">
        <h2 id="status-title">
          <span className="status-dot signed-in" aria-hidden="true" /> Signed in
        </h2>
        <p className="muted">
          {lifetimeText(expiresAt, endsAt)}
          {shared && (
            <>
              {' '}
              Shared with the AWS CLI: <code>sso_session = {instance.sessionName}</code>.
            </>
          )}
          {instance.memoryOnly && ' Kept in memory only: it ends when Rolecall quits.'}
        </p>
      </div>
      <button type="button" className="secondary-button" onClick={() => void api.signOut({ id: instance.id })}>
        Sign out
      </button>
    </section>
  );
}
