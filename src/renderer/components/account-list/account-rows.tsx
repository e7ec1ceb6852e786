import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, type RefObject } from 'react';
import { estimateRowHeight, type ListRow } from './account-order';
import { AccountRow } from './account-row';
import type { AccountActions } from './use-account-actions';
import { useFocusFollowing, useRowKeyboard } from './use-row-keyboard';

interface AccountRowsProps {
  readonly listId: string;
  readonly rows: readonly ListRow[];
  readonly matchCount: number;
  readonly words: readonly string[];
  readonly activeIndex: number;
  readonly editingKey: string | null;
  /** Bumped when focus should move to the active row (keyboard navigation, closing the editor). */
  readonly focusTick: number;
  /** The scrolling element, owned by the list so a new query can scroll it to the top. */
  readonly scrollerRef: RefObject<HTMLDivElement | null>;
  readonly actions: AccountActions;
  readonly onActivate: (key: string) => void;
  readonly onNavigate: (key: string) => void;
  readonly onEdit: (key: string | null) => void;
  /** Called on ArrowUp from the first row, on Escape and on typing: back to the search box. */
  readonly onLeave: () => void;
  readonly onScrolled: (scrollTop: number) => void;
}

/** The visible range plus the active and edited rows, so focus and a half-typed alias survive scrolling. */
function usePinnedRange(rows: readonly ListRow[], activeIndex: number, editingKey: string | null): (range: Range) => number[] {
  const editingIndex = useMemo(() => (editingKey === null ? -1 : rows.findIndex((row) => row.key === editingKey)), [rows, editingKey]);
  return useCallback(
    (range: Range): number[] => {
      const indexes = defaultRangeExtractor(range);
      const pinned = [activeIndex, editingIndex].filter((i) => i >= 0 && i < range.count && !indexes.includes(i));
      return pinned.length === 0 ? indexes : [...indexes, ...pinned].sort((a, b) => a - b);
    },
    [activeIndex, editingIndex],
  );
}

/**
 * The virtualized rows: only those in view (and the pinned ones) are in the DOM, each positioned by the
 * virtualizer. Rows have fixed heights in CSS that the estimates match, so typing rarely re-measures.
 */
export const AccountRows = memo(function AccountRows(props: AccountRowsProps) {
  const { listId, rows, matchCount, words, activeIndex, editingKey, focusTick, scrollerRef, actions, onActivate, onNavigate, onEdit, onLeave, onScrolled } = props;
  const rangeExtractor = usePinnedRange(rows, activeIndex, editingKey);
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here is compiled by the React Compiler; the virtualizer's methods are read fresh each render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: (index) => estimateRowHeight(rows[index]),
    // Keyed by account id, measured heights survive filtering and re-ordering.
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 3,
    rangeExtractor,
    // The default reads getBoundingClientRect when a row mounts, forcing a layout on every keystroke
    // that brings new rows in. Sizes come from the estimate (which matches the CSS) until the
    // ResizeObserver reports a real size, after layout, without forcing one.
    measureElement: (element, entry) =>
      entry?.borderBoxSize[0]?.blockSize ?? estimateRowHeight(rows[Number(element.getAttribute('data-index'))]),
  });
  useFocusFollowing(scrollerRef, virtualizer.scrollToIndex, activeIndex, focusTick);
  const onKeyDown = useRowKeyboard({ rows, activeIndex, scrollerRef, onNavigate, onLeave });
  return (
    <div ref={scrollerRef} className="account-scroller" onKeyDown={onKeyDown} onScroll={(e) => onScrolled(e.currentTarget.scrollTop)}>
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
});
