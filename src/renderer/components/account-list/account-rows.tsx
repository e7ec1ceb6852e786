import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useState, type RefObject } from 'react';
import { estimateRowHeight, type ListRow, type RowMetrics } from './account-order';
import { initialRowWidth, initialScrollerRect, observeRectAfterLayout, textWidth, useScrollWrites } from './account-rows-layout';
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
 * Estimates rows for `metrics`. An account row's height depends only on its roles, and accounts with the
 * same roles share one array (accounts-wire.ts), so each set of roles is worked out once: the virtualizer
 * asks for every row of the list whenever the matches change.
 */
function createRowEstimator(metrics: RowMetrics): (row: ListRow | undefined) => number {
  const known = new WeakMap<readonly string[], number>();
  return (row) => {
    if (row?.kind !== 'account') return estimateRowHeight(row, metrics);
    const roles = row.account.roles;
    let height = known.get(roles);
    if (height === undefined) {
      height = estimateRowHeight(row, metrics);
      known.set(roles, height);
    }
    return height;
  };
}

/**
 * Row height estimates that match the rows' real heights, so a row is laid out once where it belongs: a row
 * whose estimate is off gets measured after layout and moves the rows below it in a second render and
 * layout. The rows' width comes from their ResizeObserver entries.
 */
function useRowEstimates(): { readonly estimate: (row: ListRow | undefined) => number; readonly observeWidth: (width: number) => void } {
  const [rowWidth, setRowWidth] = useState(initialRowWidth);
  const estimate = useMemo(() => createRowEstimator({ rowWidth, textWidth }), [rowWidth]);
  const observeWidth = useCallback((width: number) => setRowWidth((old) => (Math.abs(old - width) < 0.5 ? old : width)), []);
  return { estimate, observeWidth };
}

/**
 * The virtualized rows: only those in view (and the pinned ones) are in the DOM, each positioned by the
 * virtualizer. Rows have fixed heights in CSS that the estimates match, so typing rarely re-measures.
 */
export const AccountRows = memo(function AccountRows(props: AccountRowsProps) {
  const { listId, rows, matchCount, words, activeIndex, editingKey, focusTick, scrollerRef, actions, onActivate, onNavigate, onEdit, onLeave, onScrolled } = props;
  const rangeExtractor = usePinnedRange(rows, activeIndex, editingKey);
  const { estimate, observeWidth } = useRowEstimates();
  const estimateSize = useCallback((index: number) => estimate(rows[index]), [estimate, rows]);
  // Keyed by account id, measured heights survive filtering and re-ordering. Stable while the rows are, so a
  // render for anything else (the active row, say) does not re-estimate the whole list.
  const getItemKey = useCallback((index: number) => rows[index]?.key ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- nothing here is compiled by the React Compiler; the virtualizer's methods are read fresh each render
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    getItemKey,
    overscan: 3,
    rangeExtractor,
    initialRect: useMemo(initialScrollerRect, []),
    observeElementRect: observeRectAfterLayout,
    scrollToFn: useScrollWrites(),
    // The default reads getBoundingClientRect when a row mounts, forcing a layout on every keystroke
    // that brings new rows in. Sizes come from the estimate (which matches the CSS) until the
    // ResizeObserver reports a real size, after layout, without forcing one; its width keeps the
    // estimates in step with the window.
    measureElement: (element, entry) => {
      const box = entry?.borderBoxSize[0];
      if (box === undefined) return estimate(rows[Number(element.getAttribute('data-index'))]);
      observeWidth(box.inlineSize);
      return box.blockSize;
    },
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
