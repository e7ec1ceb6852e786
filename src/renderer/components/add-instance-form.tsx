import { useId, useState, type FormEvent } from 'react';
import { awsRegions } from '../../shared/aws-regions.generated';
import { deriveSessionName, type FieldErrors, type TokenStorage } from '../../shared/instance-input';
import { useRendererApi } from '../app-context';
import { TextField } from './text-field';

interface AddInstanceFormProps {
  readonly keychainAvailable: boolean;
  readonly onAdded: (id: string) => void;
  readonly onCancel: () => void;
}

const partitions = [...new Set(awsRegions.map((r) => r.partition))];

/** The form to add an Identity Center instance; main checks every field and says what to fix. */
export function AddInstanceForm({ keychainAvailable, onAdded, onCancel }: AddInstanceFormProps) {
  const api = useRendererApi();
  const [startUrl, setStartUrl] = useState('');
  const [region, setRegion] = useState('us-east-1');
  const [sessionName, setSessionName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [tokenStorage, setTokenStorage] = useState<TokenStorage>('aws-cli');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const regionId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const result = await api.addInstance({ startUrl, region, sessionName, tokenStorage });
    if (!result.ok) return setFailure(result.error.message);
    if (result.value.kind === 'invalid') return setErrors(result.value.errors);
    onAdded(result.value.id);
  };

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="add-title" noValidate>
      <h1 id="add-title">Add an Identity Center instance</h1>
      <TextField
        label="AWS access portal URL"
        hint="The start URL your administrator gave you, like https://d-1234567890.awsapps.com/start"
        value={startUrl}
        error={errors.startUrl}
        autoFocus
        onChange={(value) => {
          setStartUrl(value);
          if (!nameEdited) setSessionName(deriveSessionName(value));
        }}
      />
      <div className="field">
        <label htmlFor={regionId}>Region</label>
        <select id={regionId} value={region} onChange={(e) => setRegion(e.target.value)} aria-invalid={errors.region !== undefined}>
          {partitions.map((partition) => (
            <optgroup key={partition} label={partition}>
              {awsRegions
                .filter((r) => r.partition === partition)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} — {r.description}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {errors.region !== undefined && <p className="field-error">{errors.region}</p>}
      </div>
      <TextField
        label="Session name"
        hint="Names the [sso-session] section in ~/.aws/config"
        value={sessionName}
        error={errors.sessionName}
        onChange={(value) => {
          setSessionName(value);
          setNameEdited(true);
        }}
      />
      <fieldset className="field">
        <legend>Where to keep the sign-in</legend>
        <label className="choice">
          <input type="radio" name="storage" checked={tokenStorage === 'aws-cli'} onChange={() => setTokenStorage('aws-cli')} />
          <span>
            <strong>Share with the AWS CLI</strong> (recommended): <code>aws</code> and the SDKs use the same sign-in, no{' '}
            <code>aws sso login</code> needed.
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="storage" checked={tokenStorage === 'keychain'} onChange={() => setTokenStorage('keychain')} />
          <span>
            <strong>Keychain only</strong>: nothing under ~/.aws.
            {!keychainAvailable && ' No keychain is available here, so the sign-in lasts only while Rolecall runs.'}
          </span>
        </label>
      </fieldset>
      {failure !== null && <p className="form-error" role="alert">{failure}</p>}
      <div className="form-actions">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary-button">
          Add instance
        </button>
      </div>
    </form>
  );
}
