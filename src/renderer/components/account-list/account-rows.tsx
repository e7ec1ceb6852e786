import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import { estimateRowHeight, moveActive, type ListRow, type Move } from './account-order';
import { AccountRow } from './account-row';
import type { AccountActions } from './use-account-actions';

interface AccountRowsProps {
  readonly listId: string;
  readonly rows: readonly ListRow[];
  readonly matchCount: number;
  readonly words: readonly string[];
  readonly activeIndex: number;
  readonly editingKey: string | null;
  /** Bumped when focus should move to the active row (keyboard navigation, closing the editor). */
  readonly focusTick: number;
  /** Changes when the list should scroll back to the top (a new query). */
  readonly scrollResetKey: string;
  readonly actions: AccountActions;
  readonly onActivate: (key: string) => void;
  readonly onNavigate: (key: string) => void;
  readonly onEdit: (key: string | null) => void;
  /** Called on ArrowUp from the first row and on Escape: back to the search box. */
  readonly onLeave: () => void;
}

const moves: Readonly<Record<string, Move>> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
  PageDown: 'pageDown',
  PageUp: 'pageUp',
};

/** A typical account row's height, for how far a page key jumps. */
const ROW_HEIGHT = 64;

/**
 * The virtualized rows: only those in view (and the active and edited rows, so focus and a half-typed alias
 * survive scrolling) are in the DOM. Arrow keys, Home/End and Page keys move the active row; Escape
 * returns to the search box.
 */
export function AccountRows(props: AccountRowsProps) {
  const { listId, rows, matchCount, words, activeIndex, editingKey, focusTick, scrollResetKey, actions, onActivate, onNavigate, onEdit, onLeave } = props;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const editingIndex = useMemo(() => (editingKey === null ? -1 : rows.findIndex((row) => row.key === editingKey)), [rows, editingKey]);
  const rangeExtractor = useCallback(
    (range: Range): number[] => {
      const indexes = defaultRangeExtractor(range);
      const pinned = [activeIndex, editingIndex].filter((i) => i >= 0 && i < range.count && !indexes.includes(i));
      return pinned.length === 0 ? indexes : [...indexes, ...pinned].sort((a, b) => a - b);
    },
    [activeIndex, editingIndex],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here is compiled by the React Compiler; the virtualizer's methods are read fresh each render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => estimateRowHeight(rows[index]),
    // Keyed by account id, measured heights survive filtering and re-ordering.
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    rangeExtractor,
  });
  useFocusFollowing(scrollerRef, virtualizer.scrollToIndex, activeIndex, focusTick);
  useLayoutEffect(() => {
    scrollerRef.current?.scrollTo({ top: 0 });
  }, [scrollResetKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const move = moves[event.key];
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
    } else if (move !== undefined && activeIndex >= 0) {
      event.preventDefault();
      const pageSize = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? 0) / ROW_HEIGHT));
      const next = moveActive(rows, activeIndex, move, pageSize);
      if (move === 'previous' && next === activeIndex) onLeave();
      else onNavigate(rows[next]?.key ?? '');
    }
  };

  return (
    <div ref={scrollerRef} className="account-scroller" onKeyDown={onKeyDown}>
      <div id={listId} role="list" aria-label="Accounts" className="account-rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          if (row.kind === 'section') {
            return (
              // Section labels are visual grouping; the star's pressed state tells a screen reader what is pinned.
              <div key={item.key} ref={virtualizer.measureElement} data-index={item.index} className="account-section" aria-hidden="true" style={{ transform: `translateY(${item.start}px)` }}>
                {row.label} <span className="account-section-count">{row.count}</span>
              </div>
            );
          }
          return (
            <AccountRow
              key={item.key}
              account={row.account}
              index={item.index}
              start={item.start}
              position={row.position}
              setSize={matchCount}
              words={words}
              active={item.index === activeIndex}
              editing={row.key === editingKey}
              actions={actions}
              measureRef={virtualizer.measureElement}
              onActivate={onActivate}
              onEdit={onEdit}
            />
          );
        })}
      </div>
    </div>
  );
}

/**
 * Moves focus to the active row when asked (a new `focusTick`), and keeps the focused row in view when it
 * moves (opening an account makes it recent, so it moves up the list).
 */
function useFocusFollowing(
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
    // The active row is always rendered (see rangeExtractor), so it is there to focus now.
    if (asked) scroller.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus({ preventScroll: true });
  }, [scrollerRef, scrollToIndex, activeIndex, focusTick]);
}
