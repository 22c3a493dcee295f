/**
 * Windowing for a long table: only the rows near the viewport are rendered; spacer rows stand in for
 * the rest, so the scroll bar keeps the list's true length. The row holding the keyboard's Tab stop is
 * always rendered too, so focus is never dropped. It serves both case tables: the caseload scrolls with
 * the page and its rows differ in height (flag reasons in full, which is what works best zoomed in);
 * the team table scrolls inside its own box under a sticky header.
 *
 * Heights are measured after each render and remembered per row key (a filter that brings a row back
 * knows its height); rows never rendered are assumed to be the average of those measured so far, or
 * `estimate` before any. jsdom has no layout: nothing measures, the estimate stands, the viewport is
 * the window's height, and revealing a row moves a scroll position this hook keeps for itself.
 */
import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';

export type VirtualItem = { kind: 'row'; index: number } | { kind: 'gap'; key: string; height: number };

interface Options {
  /** One stable key per row, in order (the case id). */
  keys: readonly string[];
  /** Height (px) assumed for a row until any row has been measured. */
  estimate: number;
  /** Pixels rendered beyond each edge of the viewport, so a quick scroll does not show blank space. */
  overscan?: number;
  /** A row to render wherever the viewport is (the roving Tab stop); null for none. */
  pinnedIndex?: number | null;
  /** A new value scrolls the scroll box back to its top (a new search: its results start at the first row). */
  resetKey?: unknown;
}

export interface WindowRows {
  /** The table body: its rows carry `data-row-index`. */
  bodyRef: RefObject<HTMLTableSectionElement | null>;
  /** The table's own scroll box, if it has one (else the page scrolls). */
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** A header that stays at the top of the scroll box, covering the rows that pass under it. */
  headRef: RefObject<HTMLTableSectionElement | null>;
  items: VirtualItem[];
  /** Rows in about one screenful, for PageUp / PageDown. */
  pageSize: number;
  /** Scrolls just enough for row `index` (rendered) to be wholly visible, below a sticky header. */
  reveal(index: number): void;
}

interface View {
  /** Top of the viewport, in px from the top of the table body (negative while the body is below it). */
  top: number;
  height: number;
  /** Pixels at the viewport's top under a sticky header. */
  covered: number;
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

/** The rendered rows in order, with one gap (sized from the offsets) for each run of rows left out. */
function itemsOf(offsets: Float64Array, count: number, range: Range, pinnedIndex: number | null): VirtualItem[] {
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
}

/** How far to scroll for [top, bottom) to be wholly inside [from, to): 0 when it already is. */
function scrollNeeded(top: number, bottom: number, from: number, to: number): number {
  if (top < from) return top - from;
  if (bottom > to) return bottom - to;
  return 0;
}

/** Where the viewport (the scroll box, else the window) is over the table body, laid out. */
function viewOver(body: HTMLElement, scroller: HTMLElement | null, head: HTMLElement | null): View {
  return {
    top: (scroller?.getBoundingClientRect().top ?? 0) - body.getBoundingClientRect().top,
    height: (scroller ? scroller.clientHeight : 0) || windowHeight(),
    covered: head?.getBoundingClientRect().height ?? 0,
  };
}

/** Scrolls the box (else the page) just enough for `row` to be wholly visible below `head`; whether it moved. */
function scrollToShow(row: Element, scroller: HTMLElement | null, head: HTMLElement | null): boolean {
  const r = row.getBoundingClientRect();
  const boxTop = scroller?.getBoundingClientRect().top ?? 0;
  const covered = head?.getBoundingClientRect().height ?? 0;
  const by = scrollNeeded(r.top, r.bottom, boxTop + covered, scroller ? boxTop + scroller.clientHeight : windowHeight());
  if (by === 0) return false;
  if (scroller) scroller.scrollTop += by;
  else window.scrollBy(0, by);
  return true;
}

const sameRange = (a: Range, b: Range): boolean => a.start === b.start && a.end === b.end;
const windowHeight = (): number => (typeof window === 'undefined' ? 800 : window.innerHeight || 800);

/**
 * Each row's offset from the top of the body: heights measured after every render (layout is due
 * before this frame's paint anyway) and remembered per key; `settled` runs after a render that
 * changed none. hasLayout: whether the browser lays rows out (not jsdom), that is, a row has been measured.
 */
function useRowHeights(keys: readonly string[], estimate: number, bodyRef: RefObject<HTMLTableSectionElement | null>, settled: () => void) {
  const heights = useRef(new Map<string, number>());
  const measured = useRef({ sum: 0, count: 0 });
  // Bumped when a measurement changes a height: the offsets below depend on the map, not on state.
  const [version, setVersion] = useState(0);

  const offsets = useMemo(() => {
    const { sum, count } = measured.current;
    const assumed = count > 0 ? sum / count : estimate;
    const out = new Float64Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) out[i + 1] = (out[i] ?? 0) + (heights.current.get(keys[i] ?? '') ?? assumed);
    return out;
    // `version` stands for the heights map, which a ref holds.
  }, [keys, estimate, version]);

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
    else settled();
  });

  return { offsets, hasLayout: (): boolean => measured.current.count > 0 };
}

export function useWindowRows({ keys, estimate, overscan = 800, pinnedIndex = null, resetKey }: Options): WindowRows {
  const bodyRef = useRef<HTMLTableSectionElement | null>(null);
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const headRef = useRef<HTMLTableSectionElement | null>(null);
  // The view as state changes only when it changes which rows are rendered; viewRef is always the latest.
  const [view, setView] = useState<View>(() => ({ top: 0, height: windowHeight(), covered: 0 }));
  const viewRef = useRef(view);

  // After every render, once the heights are measured: follow where the body now sits (text above it,
  // such as the count line, may have moved it).
  const { offsets, hasLayout } = useRowHeights(keys, estimate, bodyRef, () => {
    if (hasLayout()) follow(readView());
  });
  const range = rangeOf(offsets, keys.length, view, overscan);

  // The latest of each, for the listeners and effects registered once.
  const latest = useRef({ offsets, count: keys.length, range, overscan });
  latest.current = { offsets, count: keys.length, range, overscan };

  const readView = (): View | null => (bodyRef.current ? viewOver(bodyRef.current, scrollerRef.current, headRef.current) : null);

  const follow = (next: View | null): void => {
    if (!next) return;
    viewRef.current = next;
    const l = latest.current;
    if (!sameRange(rangeOf(l.offsets, l.count, next, l.overscan), l.range)) setView(next);
  };
  const followRef = useRef(follow);
  followRef.current = follow;

  useLayoutEffect(() => {
    const onChange = () => {
      if (hasLayout()) followRef.current(readView());
    };
    const scrolled: HTMLElement | Window = scrollerRef.current ?? window;
    scrolled.addEventListener('scroll', onChange, { passive: true });
    window.addEventListener('resize', onChange, { passive: true });
    return () => {
      scrolled.removeEventListener('scroll', onChange);
      window.removeEventListener('resize', onChange);
    };
    // readView and hasLayout read only refs.
  }, []);

  const lastResetKey = useRef(resetKey);
  useLayoutEffect(() => {
    if (Object.is(lastResetKey.current, resetKey)) return;
    lastResetKey.current = resetKey;
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
    follow(hasLayout() ? readView() : { ...viewRef.current, top: 0 });
  });

  const reveal = (index: number): void => {
    const scroller = scrollerRef.current;
    const row = bodyRef.current?.querySelector(`tr[data-row-index="${index}"]`);
    if (!hasLayout() || !row) {
      // No layout: move the position kept here, from the offsets.
      const v = viewRef.current;
      const o = latest.current.offsets;
      const by = scrollNeeded(o[index] ?? 0, o[index + 1] ?? 0, v.top + v.covered, v.top + v.height);
      if (by !== 0) follow({ ...v, top: v.top + by });
      return;
    }
    if (scrollToShow(row, scroller, headRef.current)) follow(readView());
  };

  const items = useMemo(() => itemsOf(offsets, keys.length, range, pinnedIndex), [offsets, keys.length, range.start, range.end, pinnedIndex]);

  const rendered = Math.max(1, range.end - range.start);
  const average = ((offsets[range.end] ?? 0) - (offsets[range.start] ?? 0)) / rendered || estimate;
  const pageSize = Math.max(1, Math.floor((view.height - view.covered) / average));

  return { bodyRef, scrollerRef, headRef, items, pageSize, reveal };
}
