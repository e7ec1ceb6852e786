import { useId } from 'react';
import { useModalDialog } from './default-profile-dialog';
import type { ForeignSectionConfirmation } from './use-account-actions';

interface ForeignSectionDialogProps {
  readonly confirmation: ForeignSectionConfirmation;
  readonly accountLabel: string;
  readonly onReplace: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before "Keep in ~/.aws/credentials" replaces a section of the same name that Rolecall did not
 * write: names the section and the file, and says a copy of the whole file is saved first.
 */
export function ForeignSectionDialog({ confirmation, accountLabel, onReplace, onCancel }: ForeignSectionDialogProps) {
  const dialog = useModalDialog();
  const titleId = useId();
  const section = `[${confirmation.profileName}]`;
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} onCancel={onCancel}>
      <h2 id={titleId}>Replace {section} in your credentials file?</h2>
      <p>
        To keep <strong>{accountLabel}</strong> as <strong>{confirmation.roleName}</strong> in <span className="mono">{confirmation.file}</span>, Rolecall would
        replace the section <span className="mono">{section}</span>, which Rolecall did not write.
      </p>
      <p className="muted">Rolecall first saves the whole file beside it as a backup. Every other section stays byte for byte.</p>
      <div className="dialog-buttons">
        <button type="button" className="secondary-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary-button" onClick={onReplace}>
          Replace {section}, keep a backup
        </button>
      </div>
    </dialog>
  );
}
