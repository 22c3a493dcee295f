/**
 * Windowing for a long table that scrolls with the page itself (no scroll box of its own) and whose
 * rows differ in height (wrapped names, flag reasons in full). Only the rows near the viewport are
 * rendered; spacer rows stand in for the rest, so the page's scroll bar keeps the list's true length.
 * The row holding the keyboard's Tab stop is always rendered too, so focus is never dropped.
 *
 * Heights are measured after each render and remembered per row key (a filter that brings a row back
 * knows its height); rows never rendered are assumed to be the average of those measured so far, or
 * `estimate` before any. jsdom has no layout: nothing measures, the estimate stands, and the viewport
 * is the window's height there too.
 *
 * Why not the team table's useVirtualRows: that one needs one fixed row height and a scroll box. The
 * caseload shows every flag's reason in full (rows grow with them) and keeps the page's own scrolling,
 * which is what a clinician's short caseload has always had and what works best zoomed in.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { VirtualItem } from './use-virtual-rows';

interface Options {
  /** One stable key per row, in order (the case id). */
  keys: readonly string[];
  /** Height (px) assumed for a row until any row has been measured. */
  estimate: number;
  /** Pixels rendered beyond each edge of the viewport, so a quick scroll does not show blank space. */
  overscan?: number;
  /** A row to render wherever the viewport is (the roving Tab stop); null for none. */
  pinnedIndex?: number | null;
}

export interface WindowRows {
  /** The table body: its rows carry `data-row-index`. */
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  items: VirtualItem[];
  /** Rows in about one screenful, for PageUp / PageDown. */
  pageSize: number;
}

interface View {
  /** Top of the viewport, in px from the top of the table body (negative while the body is below it). */
  top: number;
  height: number;
}

interface Range {
  start: number;
  end: number;
}

/** The first index whose row ends below `y`: offsets[i + 1] > y. */
function firstEndingBelow(offsets: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((offsets[mid + 1] ?? 0) > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function rangeOf(offsets: Float64Array, count: number, view: View, overscan: number): Range {
  const start = firstEndingBelow(offsets, count, view.top - overscan);
  const end = Math.max(start, Math.min(count, firstEndingBelow(offsets, count, view.top + view.height + overscan) + 1));
  return { start, end };
}

const sameRange = (a: Range, b: Range): boolean => a.start === b.start && a.end === b.end;

export function useWindowRows({ keys, estimate, overscan = 800, pinnedIndex = null }: Options): WindowRows {
  const bodyRef = useRef<HTMLTableSectionElement | null>(null);
  const heights = useRef(new Map<string, number>());
  const measured = useRef({ sum: 0, count: 0 });
  // Bumped when a measurement changes a height: the offsets below depend on the map, not on state.
  const [version, setVersion] = useState(0);
  const [view, setView] = useState<View>(() => ({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight || 800 }));

  const offsets = useMemo(() => {
    const { sum, count } = measured.current;
    const assumed = count > 0 ? sum / count : estimate;
    const out = new Float64Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) out[i + 1] = (out[i] ?? 0) + (heights.current.get(keys[i] ?? '') ?? assumed);
    return out;
    // `version` stands for the heights map, which a ref holds.
  }, [keys, estimate, version]);

  const range = rangeOf(offsets, keys.length, view, overscan);

  // The latest of each, for the scroll listener (registered once).
  const latest = useRef({ offsets, count: keys.length, range, overscan });
  latest.current = { offsets, count: keys.length, range, overscan };

  /** Where the viewport is over the body now; null without a body. */
  const readView = (): View | null => {
    const body = bodyRef.current;
    if (!body) return null;
    return { top: -body.getBoundingClientRect().top, height: window.innerHeight || 800 };
  };

  /** A new view is state only when it changes which rows are rendered: scrolling within them costs nothing. */
  const follow = (next: View | null): void => {
    if (!next) return;
    const l = latest.current;
    if (!sameRange(rangeOf(l.offsets, l.count, next, l.overscan), l.range)) setView(next);
  };
  const followRef = useRef(follow);
  followRef.current = follow;

  useLayoutEffect(() => {
    const onChange = () => followRef.current(readView());
    window.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange, { passive: true });
    return () => {
      window.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
    };
    // readView reads only refs.
  }, []);

  // After every render: measure the rows now in the DOM (layout is due before this frame's paint
  // anyway), and follow where the body now sits (text above it, such as the count line, may have moved it).
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    let changed = false;
    for (const tr of Array.from(body.querySelectorAll<HTMLTableRowElement>('tr[data-row-index]'))) {
      const key = keys[Number(tr.dataset.rowIndex)];
      const h = tr.getBoundingClientRect().height;
      if (key === undefined || !(h > 0)) continue;
      const old = heights.current.get(key);
      if (old !== undefined && Math.abs(old - h) < 0.5) continue;
      heights.current.set(key, h);
      measured.current.sum += h - (old ?? 0);
      if (old === undefined) measured.current.count += 1;
      changed = true;
    }
    if (changed) setVersion((n) => n + 1);
    else follow(readView());
  });

  const items = useMemo(() => {
    const count = keys.length;
    const segments: Array<[number, number]> = [[range.start, range.end]];
    if (pinnedIndex !== null && pinnedIndex >= 0 && pinnedIndex < count && (pinnedIndex < range.start || pinnedIndex >= range.end)) {
      segments.push([pinnedIndex, pinnedIndex + 1]);
      segments.sort((a, b) => a[0] - b[0]);
    }
    const out: VirtualItem[] = [];
    let cursor = 0;
    for (const [from, to] of segments) {
      if (from > cursor) out.push({ kind: 'gap', key: `gap-${cursor}`, height: (offsets[from] ?? 0) - (offsets[cursor] ?? 0) });
      for (let i = from; i < to; i++) out.push({ kind: 'row', index: i });
      cursor = Math.max(cursor, to);
    }
    if (cursor < count) out.push({ kind: 'gap', key: `gap-${cursor}`, height: (offsets[count] ?? 0) - (offsets[cursor] ?? 0) });
    return out;
  }, [keys.length, range.start, range.end, pinnedIndex, offsets]);

  const rendered = Math.max(1, range.end - range.start);
  const average = ((offsets[range.end] ?? 0) - (offsets[range.start] ?? 0)) / rendered || estimate;
  const pageSize = Math.max(1, Math.floor(view.height / average));

  return { bodyRef, items, pageSize };
}
