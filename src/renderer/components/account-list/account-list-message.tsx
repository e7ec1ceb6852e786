import type { ReactNode } from 'react';

interface MessageProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly action: string;
  readonly onAction: () => void;
  readonly alert?: boolean;
}

/** A centred message in the list's place, with its one next step. */
export function AccountListMessage({ title, children, action, onAction, alert = false }: MessageProps) {
  return (
    <div className={`account-message${alert ? ' failed' : ''}`} role={alert ? 'alert' : 'status'}>
      <p className="account-message-title">{title}</p>
      <p className="muted">{children}</p>
      <button type="button" className="secondary-button compact" onClick={onAction}>
        {action}
      </button>
    </div>
  );
}
