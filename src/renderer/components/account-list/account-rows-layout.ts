/**
 * What the account rows' virtualizer needs from the page, read without forcing a layout: the chips' text
 * widths, the scroller's size before and after its first layout, and scroll writes less the one a new
 * scroller does not need. Each forced layout in the middle of React's commit costs as much as the render.
 */
import { elementScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { DEFAULT_ROW_METRICS } from './account-order';

/**
 * The page's font family as styles.css sets it on `:root`, read from the stylesheet itself: asking for a
 * computed style lays the page out first (its container queries make style depend on layout), which in the
 * middle of a render costs as much as the render. The computed style is the fallback.
 */
function pageFontFamily(): string {
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet (there is none here); its rules cannot be read
    }
    for (const rule of rules) {
      if (rule instanceof CSSStyleRule && rule.selectorText === ':root' && rule.style.fontFamily !== '') return rule.style.fontFamily;
    }
  }
  return getComputedStyle(document.documentElement).fontFamily;
}

/**
 * A role name's width in the chips' font, from a canvas (no layout), or from its length where there is none.
 * One for the page: the font never changes, and every list shares what has been measured.
 */
export const textWidth = (() => {
  let context: CanvasRenderingContext2D | null | undefined;
  const widths = new Map<string, number>();
  return (role: string): number => {
    let width = widths.get(role);
    if (width !== undefined) return width;
    if (context === undefined) {
      context = document.createElement('canvas').getContext('2d');
      // The chips' font (account-list.css): 12.5px in the page's family.
      if (context !== null) context.font = `12.5px ${pageFontFamily()}`;
    }
    width = context === null ? DEFAULT_ROW_METRICS.textWidth(role) : context.measureText(role).width;
    widths.set(role, width);
    return width;
  };
})();

/**
 * The rows' width before any row has been measured, from the window's width and styles.css's layout (a
 * 248px sidebar, 32px padding, a panel at most 1080px wide, the card's 1px borders), read without forcing a
 * layout. A wrong guess here would put rows over each other for a frame.
 */
export function initialRowWidth(): number {
  const panel = Math.min(1080, window.innerWidth - 248 - 2 * 32);
  return panel > 0 ? panel - 2 : DEFAULT_ROW_METRICS.rowWidth;
}

/**
 * The scroller's size before it has been laid out: the rows' width, and the window's height (the scroller is
 * shorter, so the first render draws a few rows more than fit rather than fewer).
 */
export function initialScrollerRect(): Rect {
  return { width: initialRowWidth(), height: window.innerHeight };
}

/**
 * Follows the scroller's size from its ResizeObserver entries, which arrive after layout. The library's own
 * observer reads clientWidth and clientHeight the moment the list mounts, which forces the whole page to be
 * laid out in the middle of React's commit and then laid out again for the rows it renders.
 */
export function observeRectAfterLayout(instance: Virtualizer<HTMLDivElement, Element>, onRect: (rect: Rect) => void): () => void {
  const element = instance.scrollElement;
  if (element === null) return () => undefined;
  const observer = new ResizeObserver(([entry]) => {
    const box = entry?.contentBoxSize[0];
    if (box !== undefined) onRect({ width: Math.round(box.inlineSize), height: Math.round(box.blockSize) });
  });
  // The content box is the scroller's clientWidth and clientHeight: it has no padding, and neither counts
  // the scrollbar or the top border.
  observer.observe(element, { box: 'content-box' });
  return () => observer.disconnect();
}

type ScrollTo = (offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<HTMLDivElement, Element>) => void;

/**
 * Scroll writes, less the one the virtualizer makes as a new scroller mounts: it writes the top (0) to an
 * element that is already there, and writing a scroll position forces the page to be laid out in the
 * middle of React's commit. Only until the list's first frame: after that every write goes through.
 */
export function useScrollWrites(): ScrollTo {
  const fresh = useRef(true);
  useEffect(() => {
    const frame = requestAnimationFrame(() => (fresh.current = false));
    return () => cancelAnimationFrame(frame);
  }, []);
  return useCallback<ScrollTo>((offset, options, instance) => {
    if (fresh.current && offset + (options.adjustments ?? 0) === 0) return;
    fresh.current = false;
    elementScroll(offset, options, instance);
  }, []);
}

