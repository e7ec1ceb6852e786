import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ACCOUNT_COLOURS, type AccountColour } from '../../../shared/accounts';
import type { AccountLook } from './use-account-actions';

/** The longest alias main accepts. */
export const ALIAS_MAX_LENGTH = 64;

const colourNames: Readonly<Record<AccountColour, string>> = {
  red: 'Red',
  orange: 'Orange',
  yellow: 'Yellow',
  green: 'Green',
  teal: 'Teal',
  blue: 'Blue',
  purple: 'Purple',
  grey: 'Grey',
};

/** The name of a colour for people and screen readers. */
export function colourName(colour: AccountColour): string {
  return colourNames[colour];
}

interface AccountEditorProps {
  readonly id: string;
  readonly accountName: string;
  readonly alias: string | undefined;
  readonly colour: AccountColour | undefined;
  readonly onSave: (look: AccountLook) => Promise<boolean>;
  readonly onClose: () => void;
}

/** The inline form for an account's alias and colour; Escape or Cancel closes it without saving. */
export function AccountEditor({ id, accountName, alias, colour, onSave, onClose }: AccountEditorProps) {
  const [aliasText, setAliasText] = useState(alias ?? '');
  const [chosen, setChosen] = useState<AccountColour | null>(colour ?? null);
  const [saving, setSaving] = useState(false);
  const aliasId = useId();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setSaving(true);
    const trimmed = aliasText.trim();
    const saved = await onSave({ alias: trimmed === '' ? null : trimmed, colour: chosen });
    setSaving(false);
    if (saved) onClose();
  };
  const clear = (): void => {
    setAliasText('');
    setChosen(null);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    // The list's own keys (arrows, Escape to the search box) must not act while the form is open.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <form id={id} className="account-editor" aria-label={`Alias and colour of ${accountName}`} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <div className="account-editor-field">
        <label htmlFor={aliasId}>Alias</label>
        <input id={aliasId} type="text" value={aliasText} maxLength={ALIAS_MAX_LENGTH} placeholder={accountName} autoFocus spellCheck={false} autoComplete="off" onChange={(e) => setAliasText(e.target.value)} />
      </div>
      <fieldset className="account-editor-field colour-swatches">
        <legend>Colour</legend>
        {ACCOUNT_COLOURS.map((c) => (
          <label key={c} className={`swatch colour-${c}`} title={colourName(c)}>
            <input type="radio" name={`${id}-colour`} value={c} checked={chosen === c} aria-label={colourName(c)} onChange={() => setChosen(c)} />
          </label>
        ))}
      </fieldset>
      <div className="account-editor-actions">
        <button type="button" className="link-button" onClick={clear} disabled={aliasText === '' && chosen === null}>
          Clear
        </button>
        <button type="button" className="secondary-button compact" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary-button compact" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
