import { useEffect, useId, type KeyboardEvent, type RefObject } from 'react';

interface AccountSearchBoxProps {
  readonly query: string;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly listId: string;
  /** The id of the line that says how many accounts match, which describes the box. */
  readonly summaryId: string;
  readonly onChange: (query: string) => void;
  /** Moves focus into the list (ArrowDown or Enter). */
  readonly onEnterList: () => void;
}

const NOT_TEXT_INPUTS = new Set(['button', 'checkbox', 'color', 'file', 'image', 'radio', 'range', 'reset', 'submit']);

/** Whether `target` takes typed text, where Ctrl/Cmd+K may mean something else. */
function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/** Whether a `/` typed at `target` is meant for it: any form control (a select uses it to pick by name). */
function takesSlash(target: EventTarget | null): boolean {
  return takesText(target) || target instanceof HTMLSelectElement || target instanceof HTMLInputElement;
}

/** Focuses the search box on `/` or Ctrl/Cmd+K from anywhere in the window except another field. */
function useSearchShortcut(inputRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent): void => {
      const input = inputRef.current;
      if (input === null || event.defaultPrevented) return;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (!slash && !commandK) return;
      // In the search box `/` is just a character, and Ctrl/Cmd+K selects the query.
      if (slash && takesSlash(event.target)) return;
      if (commandK && event.target !== input && takesText(event.target)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inputRef]);
}

/** The search box over the account list: search as you type, `/` or Ctrl/Cmd+K to get here, Escape to clear. */
export function AccountSearchBox({ query, inputRef, listId, summaryId, onChange, onEnterList }: AccountSearchBoxProps) {
  const id = useId();
  useSearchShortcut(inputRef);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      onChange('');
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      onEnterList();
    }
  };
  return (
    <div className="account-search" role="search">
      <label htmlFor={id} className="visually-hidden">
        Search accounts and roles
      </label>
      <span className="account-search-icon" aria-hidden="true" />
      <input
        id={id}
        ref={inputRef}
        type="search"
        value={query}
        placeholder="Search by account, id, email, role or alias"
        spellCheck={false}
        autoComplete="off"
        aria-controls={listId}
        aria-describedby={summaryId}
        aria-keyshortcuts="/ Control+K Meta+K"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="account-search-hint" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
