import { useEffect, useId, type KeyboardEvent, type RefObject } from 'react';

interface AccountSearchBoxProps {
  readonly query: string;
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly listId: string;
  readonly resultText: string;
  readonly onChange: (query: string) => void;
  /** Moves focus into the list (ArrowDown or Enter). */
  readonly onEnterList: () => void;
}

/** Whether a key press is someone typing in a field, where `/` and Ctrl+K mean text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select') !== null;
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
      if (event.target === input ? slash : isTyping(event.target)) return;
      event.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [inputRef]);
}

/** The search box over the account list: search as you type, `/` or Ctrl/Cmd+K to get here, Escape to clear. */
export function AccountSearchBox({ query, inputRef, listId, resultText, onChange, onEnterList }: AccountSearchBoxProps) {
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
        aria-describedby={`${id}-results`}
        aria-keyshortcuts="/ Control+K Meta+K"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="account-search-hint" aria-hidden="true">
        /
      </kbd>
      <span id={`${id}-results`} className="visually-hidden" role="status">
        {resultText}
      </span>
    </div>
  );
}
