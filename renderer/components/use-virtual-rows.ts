/**
 * Windowing for a long table with rows of one fixed height: only the rows near the viewport of a
 * scroll container are rendered, with spacer rows standing in for the rest so the scroll bar keeps
 * the true length. The row that holds the keyboard focus is always rendered too (even when scrolled
 * away), so focus is never dropped onto the page body.
 *
 * Heights come from layout when there is one (the first rendered row, the sticky header, the
 * container), else from the estimates given: jsdom has no layout, and the first paint needs a number.
 * Spacers are sized with SVG height attributes by the table, not inline styles (the CSP allows none).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from 'react';

export type VirtualItem = { kind: 'row'; index: number } | { kind: 'gap'; key: string; height: number };

interface Options {
  count: number;
  /** Estimate (px) until a rendered row can be measured. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport, so a fast scroll does not show blank space. */
  overscan?: number;
  /** A row to render wherever the viewport is (the roving-focus row); null for none. */
  pinnedIndex?: number | null;
  /** Viewport height (px) when the container has no layout yet. */
  fallbackViewport?: number;
  /** A new value scrolls back to the top (e.g. a new search: its results start at the first row). */
  resetKey?: unknown;
}

interface Geometry {
  scrollTop: number;
  viewport: number;
  rowHeight: number;
  /** Offset of row 0 from the top of the scrolled content (the caption and header sit above it). */
  bodyOffset: number;
  /** Height of the sticky header, which covers the top of the viewport. */
  stickyHeight: number;
}

export interface VirtualRows {
  scrollerRef: RefObject<HTMLDivElement | null>;
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  headRef: RefObject<HTMLTableSectionElement | null>;
  onScroll(event: UIEvent<HTMLElement>): void;
  items: VirtualItem[];
  /** Rows per screenful, for PageUp / PageDown. */
  pageSize: number;
  /** Scrolls just enough for row `index` to be fully visible below the sticky header. */
  scrollToIndex(index: number): void;
}

function windowOf(g: Geometry, count: number, overscan: number): { start: number; end: number } {
  const h = Math.max(1, g.rowHeight);
  const first = Math.floor((g.scrollTop + g.stickyHeight - g.bodyOffset) / h);
  const last = Math.ceil((g.scrollTop + g.viewport - g.bodyOffset) / h);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end };
}

export function useVirtualRows({
  count,
  rowHeight,
  overscan = 8,
  pinnedIndex = null,
  fallbackViewport = 640,
  resetKey,
}: Options): VirtualRows {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const bodyRef = useRef<HTMLTableSectionElement | null>(null);
  const headRef = useRef<HTMLTableSectionElement | null>(null);
  // The scroll position we last set or saw; jsdom ignores scrollTop writes, so it is not read back.
  const scrollTopRef = useRef(0);
  const [geometry, setGeometry] = useState<Geometry>({
    scrollTop: 0,
    viewport: fallbackViewport,
    rowHeight,
    bodyOffset: 0,
    stickyHeight: 0,
  });

  /** Only updates state when the rendered window (or a measurement) would change: scrolling within it costs nothing. */
  const update = useCallback(
    (next: Partial<Geometry>) => {
      setGeometry((old) => {
        const merged = { ...old, ...next };
        const a = windowOf(old, count, overscan);
        const b = windowOf(merged, count, overscan);
        const same =
          a.start === b.start &&
          a.end === b.end &&
          old.viewport === merged.viewport &&
          old.rowHeight === merged.rowHeight &&
          old.bodyOffset === merged.bodyOffset &&
          old.stickyHeight === merged.stickyHeight;
        return same ? old : merged;
      });
    },
    [count, overscan],
  );

  const measure = useCallback(() => {
    const scroller = scrollerRef.current;
    const body = bodyRef.current;
    if (!scroller || !body) return;
    const next: Partial<Geometry> = {};
    if (scroller.clientHeight > 0) next.viewport = scroller.clientHeight;
    const row = body.querySelector('tr[data-row-index]');
    const measured = row?.getBoundingClientRect().height ?? 0;
    if (measured > 0) next.rowHeight = measured;
    const box = scroller.getBoundingClientRect();
    if (box.height > 0) {
      next.bodyOffset = body.getBoundingClientRect().top - box.top + scroller.scrollTop;
      next.stickyHeight = headRef.current?.getBoundingClientRect().height ?? 0;
    }
    update(next);
  }, [update]);

  // After each render: a first measurement, and again whenever the container changes size.
  useLayoutEffect(() => {
    measure();
  });
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => measure());
    observer.observe(scroller);
    return () => observer.disconnect();
  }, [measure]);

  const lastResetKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (Object.is(lastResetKey.current, resetKey)) return;
    lastResetKey.current = resetKey;
    scrollTopRef.current = 0;
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
    update({ scrollTop: 0 });
  }, [resetKey, update]);

  const onScroll = useCallback(
    (event: UIEvent<HTMLElement>) => {
      scrollTopRef.current = event.currentTarget.scrollTop;
      update({ scrollTop: scrollTopRef.current });
    },
    [update],
  );

  const scrollToIndex = useCallback(
    (index: number) => {
      const g = geometry;
      const top = g.bodyOffset + index * g.rowHeight;
      const scroller = scrollerRef.current;
      // The browser may have scrolled natively (focus, wheel) since the last scroll event arrived.
      const current = scroller && scroller.clientHeight > 0 ? scroller.scrollTop : scrollTopRef.current;
      let next = current;
      if (top < current + g.stickyHeight) next = top - g.stickyHeight;
      else if (top + g.rowHeight > current + g.viewport) next = top + g.rowHeight - g.viewport;
      next = Math.max(0, next);
      if (next === current) return;
      scrollTopRef.current = next;
      if (scroller) scroller.scrollTop = next;
      update({ scrollTop: next });
    },
    [geometry, update],
  );

  const { start, end } = windowOf(geometry, count, overscan);
  const items = useMemo(() => {
    const segments: Array<[number, number]> = [[start, end]];
    if (pinnedIndex !== null && pinnedIndex >= 0 && pinnedIndex < count && (pinnedIndex < start || pinnedIndex >= end)) {
      segments.push([pinnedIndex, pinnedIndex + 1]);
      segments.sort((a, b) => a[0] - b[0]);
    }
    const out: VirtualItem[] = [];
    let cursor = 0;
    for (const [from, to] of segments) {
      if (from > cursor) out.push({ kind: 'gap', key: `gap-${cursor}`, height: (from - cursor) * geometry.rowHeight });
      for (let i = from; i < to; i++) out.push({ kind: 'row', index: i });
      cursor = Math.max(cursor, to);
    }
    if (cursor < count) out.push({ kind: 'gap', key: `gap-${cursor}`, height: (count - cursor) * geometry.rowHeight });
    return out;
  }, [start, end, pinnedIndex, count, geometry.rowHeight]);

  const pageSize = Math.max(1, Math.floor((geometry.viewport - geometry.stickyHeight) / Math.max(1, geometry.rowHeight)));

  return { scrollerRef, bodyRef, headRef, onScroll, items, pageSize, scrollToIndex };
}
