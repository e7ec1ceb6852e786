import { useEffect, useId, useRef } from 'react';
import type { DefaultConfirmation } from './use-account-actions';

interface DefaultProfileDialogProps {
  readonly confirmation: DefaultConfirmation;
  readonly accountLabel: string;
  readonly onReplace: () => void;
  readonly onCancel: () => void;
}

/** A `<dialog>` shown modal while the component is mounted, closed when it goes. */
export function useModalDialog(): React.RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return dialog;
}

/**
 * Asks before "Use in terminal" replaces a `[default]` profile Rolecall did not write: shows what is
 * there now, says a backup is kept, and what stays (settings such as `output`).
 */
export function DefaultProfileDialog({ confirmation, accountLabel, onReplace, onCancel }: DefaultProfileDialogProps) {
  const dialog = useModalDialog();
  const titleId = useId();
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} onCancel={onCancel}>
      <h2 id={titleId}>Replace your [default] profile?</h2>
      <p>
        To make <strong>{accountLabel}</strong> as <strong>{confirmation.roleName}</strong> the AWS CLI’s default, Rolecall would change this section of{' '}
        <span className="mono">{confirmation.configFile}</span>, which Rolecall did not write:
      </p>
      <pre className="config-excerpt">{confirmation.current}</pre>
      <p className="muted">
        Rolecall first saves the whole file beside it as a backup. Its credential settings are replaced; other settings in the section, such as
        <span className="mono"> output</span>, stay. Every other section stays byte for byte.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary-button" onClick={onReplace}>
          Replace [default], keep a backup
        </button>
      </div>
    </dialog>
  );
}
