/**
 * The keyboard in the account rows: arrows, Home/End and Page keys move the active row, Escape or typing
 * goes back to the search box, and focus follows the active row as it moves.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import { moveActive, type ListRow, type Move } from './account-order';

const moves: Readonly<Record<string, Move>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
};

/** A one-line account row's height, for how far a page key jumps. */
const ROW_HEIGHT = 55;

/** A printable character typed on a row itself (not in the editor or on one of the row's buttons). */
function isTypeToSearch(event: KeyboardEvent<HTMLElement>): boolean {
  const target = event.target;
  const onRow = target instanceof HTMLElement && target.getAttribute('role') === 'listitem';
  return onRow && event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey;
}

interface RowKeyboardOptions {
  readonly rows: readonly ListRow[];
  readonly activeIndex: number;
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly onNavigate: (key: string) => void;
  readonly onLeave: () => void;
}

/** The rows' keydown handler. The alias editor stops its own keys, so arrows there move its radios. */
export function useRowKeyboard({ rows, activeIndex, scrollerRef, onNavigate, onLeave }: RowKeyboardOptions): (event: KeyboardEvent<HTMLElement>) => void {
  return (event) => {
    const move = moves[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
    } else if (isTypeToSearch(event)) {
      // Typing on a row searches: focus moves before the key's character is inserted, so it lands in the box.
      onLeave();
    } else if (move !== undefined && activeIndex >= 0) {
      event.preventDefault();
      const pageSize = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 0) / ROW_HEIGHT));
      const next = moveActive(rows, activeIndex, move, pageSize);
      if (move === 'previous' && next === activeIndex) onLeave();
      else onNavigate(rows[next]?.key ?? '');
    }
  };
}

/**
 * Moves focus to the active row when asked (a new `focusTick`), and keeps the focused row in view when it
 * moves (opening an account makes it recent, so it moves up the list).
 */
export function useFocusFollowing(
  scrollerRef: RefObject<HTMLDivElement | null>,
  scrollToIndex: (index: number, options: { align: 'auto' }) => void,
  activeIndex: number,
  focusTick: number,
): void {
  const handledTick = useRef(focusTick);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const asked = handledTick.current !== focusTick;
    handledTick.current = focusTick;
    if (scroller === null || activeIndex < 0) return;
    if (!asked && !scroller.contains(document.activeElement)) return;
    scrollToIndex(activeIndex, { align: 'auto' });
    // The active row is always rendered (see the rows' rangeExtractor), so it is there to focus now.
    if (asked) scroller.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  }, [scrollerRef, scrollToIndex, activeIndex, focusTick]);
}
