/**
 * Where the keyboard is in the account list: the query, the active row, the row being edited, and
 * requests to move focus between the search box and the rows.
 */
import { useMemo, useRef, useState, type RefObject } from 'react';

/** The list's focus state and the ways to change it; every function is stable across renders. */
export interface ListFocus {
  readonly query: string;
  readonly activeKey: string | null;
  readonly editingKey: string | null;
  /** Bumped when focus should move to the active row; the rows act on each new value. */
  readonly focusTick: number;
  readonly searchRef: RefObject<HTMLInputElement | null>;
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly search: (query: string) => void;
  readonly activate: (key: string) => void;
  readonly navigate: (key: string) => void;
  readonly focusList: () => void;
  readonly edit: (key: string | null) => void;
  readonly backToSearch: () => void;
  readonly clearSearch: () => void;
  /** The list scrolled; it remembers whether it is away from the top, so typing never reads layout. */
  readonly scrolled: (scrollTop: number) => void;
}

/** Focus state for one list. */
export function useListFocus(): ListFocus {
  const [query, setQuery] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const awayFromTop = useRef(false);
  const callbacks = useMemo(() => {
    const focusList = (): void => setFocusTick((t) => t + 1);
    const backToSearch = (): void => searchRef.current?.focus();
    const search = (next: string): void => {
      // Back to the top for the new matches. Reading or writing scrollTop here would force a layout on
      // every keystroke (the input's own change has just dirtied it), so the scroll position is known from
      // the scroll events and the list is only touched when it is away from the top.
      const scroller = scrollerRef.current;
      if (scroller !== null && awayFromTop.current) {
        scroller.scrollTop = 0;
        awayFromTop.current = false;
      }
      setQuery(next);
      // A new query starts from its best match, so typing then Enter (or ArrowDown) lands on it.
      setActiveKey(null);
    };
    return {
      search,
      scrolled: (scrollTop: number) => {
        awayFromTop.current = scrollTop > 0;
      },
      focusList,
      backToSearch,
      activate: setActiveKey,
      navigate: (key: string) => {
        setActiveKey(key);
        focusList();
      },
      edit: (key: string | null) => {
        setEditingKey(key);
        // Closing the editor puts focus back on its row rather than losing it to the page.
        if (key === null) focusList();
      },
      clearSearch: () => {
        search('');
        backToSearch();
      },
    };
  }, []);
  return { query, activeKey, editingKey, focusTick, searchRef, scrollerRef, ...callbacks };
}
