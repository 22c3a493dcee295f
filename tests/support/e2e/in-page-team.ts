/**
 * In-page functions for the team view specs and the renderer bench (passed to Playwright's evaluate,
 * which sends only their source: each is self-contained and types the little of the DOM it touches,
 * as in in-page.ts).
 *
 * The team and caseload tables are virtualised, so "a row" here is any `tr` / role=row in the table,
 * and a data row is one whose aria-rowindex is 2 or more (1 is the header row); in a table that is not
 * virtualised the data rows are its body rows. Timings use
 * the page's own clock (performance.now) and count a frame as painted one requestAnimationFrame after
 * the frame in which the DOM first showed the wanted state (a double frame from the event that caused it).
 */

interface El {
  tagName: string;
  isConnected: boolean;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
  getClientRects(): ArrayLike<unknown>;
  children: ArrayLike<El>;
  contains(other: unknown): boolean;
}

interface Doc {
  activeElement: El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getElementById(id: string): El | null;
}

interface TimingEntry {
  name: string;
  startTime: number;
  responseEnd: number;
}

interface Win {
  document: Doc;
  performance: { now(): number; mark(name: string): void; getEntriesByType(type: string): TimingEntry[]; clearResourceTimings(): void };
  requestAnimationFrame(cb: () => void): number;
  addEventListener(type: string, cb: (e: { key?: string; target?: unknown }) => void, opts?: unknown): void;
  removeEventListener(type: string, cb: (e: { key?: string; target?: unknown }) => void, opts?: unknown): void;
  MutationObserver: new (cb: () => void) => { observe(target: unknown, opts: unknown): void; disconnect(): void };
  __tableMeasure?: TableMeasure;
}

/** What an armed measurement has seen so far (read back with `measurement`). */
export interface TableMeasure {
  label: string;
  /** performance.now() at the keydown that started it (0, the navigation's start, when armed for a page load). */
  start: number | null;
  /** When the DOM first showed the wanted state. */
  settled: number | null;
  /** One frame after `settled`: that frame has been painted. */
  painted: number | null;
  /** What the table looked like when it was painted. */
  rowCount: string | null;
  rowElements: number;
  /** Bridge calls (resource timing) that started after `start`: channel, start, end (ms, page clock). */
  calls: Array<{ channel: string; start: number; end: number }>;
}

/** The state a table measurement waits for (see armTableMeasure). */
export interface TableWanted {
  /** The table's caption or accessible name. */
  caption: string;
  /** Its aria-rowcount (header included); null = any, as for a table that is not virtualised. */
  rowCount: number | null;
  /** Text the first data row must hold (a case reference). */
  firstRowText: string;
  /** Text a role=status element must hold exactly (whitespace collapsed), e.g. "Showing 12 that match."; null = none. */
  statusText: string | null;
}

/**
 * Arms a measurement: from the next keydown of `key` (captured on the window before the app sees it)
 * until the table `caption` names shows the wanted state (see TableWanted) and that frame has been
 * painted. `firstRowText` is looked for in the first data row present. `key` null measures a page
 * load instead, from the navigation's start: run this as an init script, before the page's own.
 */
export const armTableMeasure = (args: TableWanted & { label: string; key: string | null }): void => {
  const w = globalThis as unknown as Win;
  const m: TableMeasure = { label: args.label, start: null, settled: null, painted: null, rowCount: null, rowElements: 0, calls: [] };
  w.__tableMeasure = m;
  // The resource-timing buffer holds 250 entries and every bridge call adds one: start empty.
  w.performance.clearResourceTimings();

  const collapse = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();
  // Kept between checks while it stays in the page: each check runs inside the app's own work (the
  // observer's callback) and is timed with it, so it walks the document as little as it can.
  let found: El | null = null;
  const findTable = (): El | null => {
    if (found?.isConnected) return found;
    found = null;
    for (const t of Array.from(w.document.querySelectorAll('table, [role="table"], [role="grid"]'))) {
      const caption = t.querySelector('caption')?.textContent?.trim();
      const labelledBy = t.getAttribute('aria-labelledby');
      const name = caption ?? t.getAttribute('aria-label') ?? (labelledBy ? w.document.getElementById(labelledBy)?.textContent?.trim() : null);
      if (name === args.caption) {
        found = t;
        break;
      }
    }
    return found;
  };
  const firstDataRow = (table: El): El | null => {
    // A virtualised table says its true size (aria-rowcount) and numbers the rows it holds: the
    // first shown is the lowest number from 2 (1 is the header row).
    if (table.getAttribute('aria-rowcount') !== null) {
      let first: El | null = null;
      for (const r of Array.from(table.querySelectorAll('[aria-rowindex]'))) {
        const index = Number(r.getAttribute('aria-rowindex'));
        if (index >= 2 && (first === null || index < Number(first.getAttribute('aria-rowindex')))) first = r;
      }
      return first;
    }
    // One that is not virtualised holds every row it shows: its first body row.
    return table.querySelector('tbody tr');
  };
  const isSettled = (): boolean => {
    const table = findTable();
    if (!table) return false;
    if (args.rowCount !== null && table.getAttribute('aria-rowcount') !== String(args.rowCount)) return false;
    // Only the DOM here: whether the row is laid out is asked once the frame is painted (see check).
    if (!(firstDataRow(table)?.textContent ?? '').includes(args.firstRowText)) return false;
    return args.statusText === null || Array.from(w.document.querySelectorAll('[role="status"]')).some((s) => collapse(s.textContent) === args.statusText);
  };
  const firstRowLaidOut = (): boolean => {
    const table = findTable();
    const row = table ? firstDataRow(table) : null;
    return !!row && row.getClientRects().length > 0;
  };
  const finish = (): void => {
    const table = findTable();
    m.rowCount = table?.getAttribute('aria-rowcount') ?? null;
    m.rowElements = table ? Array.from(table.querySelectorAll('tr, [role="row"]')).length : 0;
    const start = m.start ?? 0;
    m.calls = w.performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= start && /\/invoke\//.test(e.name))
      .map((e) => ({ channel: decodeURIComponent(e.name.replace(/^.*\/invoke\//, '')), start: e.startTime, end: e.responseEnd }));
  };

  let observer: { disconnect(): void } | null = null;
  const check = (): void => {
    if (m.start === null || m.settled !== null || !isSettled()) return;
    m.settled = w.performance.now();
    observer?.disconnect();
    w.performance.mark(`${args.label}:settled`);
    // The frame now being built shows the state; the next frame's callback runs after it was painted.
    w.requestAnimationFrame(() =>
      w.requestAnimationFrame(() => {
        const painted = w.performance.now();
        // Asked only now, when layout is clean: asked from the observer, getClientRects would force
        // a layout of the whole table in the middle of the app's own work, and be timed with it.
        if (!firstRowLaidOut()) {
          m.settled = null;
          observe();
          return;
        }
        m.painted = painted;
        w.performance.mark(`${args.label}:painted`);
        finish();
      }),
    );
  };
  const observe = (): void => {
    // React commits after the event; the observer sees the commit at the next microtask checkpoint.
    // The document itself, not its body: an init script runs before there is a body.
    const mo = new w.MutationObserver(check);
    mo.observe(w.document, { subtree: true, childList: true, attributes: true, characterData: true });
    observer = mo;
    check();
  };
  if (args.key === null) {
    m.start = 0;
    observe();
    return;
  }
  const onKey = (e: { key?: string }): void => {
    if (e.key !== args.key || m.start !== null) return;
    m.start = w.performance.now();
    w.performance.mark(`${args.label}:start`);
    w.removeEventListener('keydown', onKey, true);
    observe();
  };
  w.addEventListener('keydown', onKey, true);
};

/** The armed measurement (null until armed). */
export const measurement = (): TableMeasure | null => (globalThis as unknown as Win).__tableMeasure ?? null;

/** True once the armed measurement has a painted frame. */
export const measurementDone = (): boolean => (globalThis as unknown as Win).__tableMeasure?.painted != null;

export interface TableRowText {
  rowIndex: number | null;
  cells: string[];
}

/**
 * The header names and the data rows present in the DOM of a table, in row order, with each cell's
 * text (whitespace collapsed). Rows without aria-rowindex count as data rows when they have cells and
 * no column headers (a table that is not virtualised).
 */
export const tableContent = (table: unknown): { headers: string[]; rows: TableRowText[]; rowElements: number; rowCount: string | null } => {
  const t = table as El;
  const text = (el: El): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const cellsOf = (row: El): El[] =>
    Array.from(row.children).filter((c) => /^(TH|TD)$/.test(c.tagName) || /^(cell|gridcell|rowheader|columnheader)$/.test(c.getAttribute('role') ?? ''));
  const all = Array.from(t.querySelectorAll('tr, [role="row"]'));
  const isHeader = (row: El): boolean =>
    row.getAttribute('aria-rowindex') === '1' || (!!row.querySelector('th[scope="col"], [role="columnheader"]') && row.getAttribute('aria-rowindex') === null);
  const header = all.find(isHeader);
  const rows = all
    .filter((r) => !isHeader(r) && r.getAttribute('aria-hidden') !== 'true' && cellsOf(r).length > 1)
    .map((r) => ({ rowIndex: r.getAttribute('aria-rowindex') === null ? null : Number(r.getAttribute('aria-rowindex')), cells: cellsOf(r).map(text) }));
  return { headers: header ? cellsOf(header).map(text) : [], rows, rowElements: all.length, rowCount: t.getAttribute('aria-rowcount') };
};

/** The table row holding focus: its aria-rowindex and text, or null when focus is not in a row. */
export const focusedRow = (): { rowIndex: number | null; text: string } | null => {
  const w = globalThis as unknown as Win;
  const row = w.document.activeElement?.closest('tr, [role="row"]');
  if (!row) return null;
  const index = row.getAttribute('aria-rowindex');
  return { rowIndex: index === null ? null : Number(index), text: (row.textContent ?? '').replace(/\s+/g, ' ').trim() };
};

/**
 * What a section heading introduces: the elements after it up to the next heading of the same or a
 * higher level (so an h3 inside a larger section stands for its own part only). Reports whether that
 * holds an SVG chart (role=img) and the captions of its tables; used to check every chart has a table.
 */
export const chartSection = (heading: unknown): { charts: number; tables: string[] } => {
  type Node = El & { nextElementSibling: Node | null; parentElement: Node | null; matches(s: string): boolean };
  const h = heading as Node;
  const level = Number(/^H(\d)$/.exec(h.tagName)?.[1] ?? 6);
  const stops = (el: Node): boolean => {
    const m = /^H(\d)$/.exec(el.tagName);
    return !!m && Number(m[1]) <= level;
  };
  const part: Node[] = [];
  for (let el = h.nextElementSibling; el && !stops(el); el = el.nextElementSibling) part.push(el);
  const all = (selector: string): El[] => part.flatMap((el) => [...(el.matches(selector) ? [el] : []), ...Array.from(el.querySelectorAll(selector))]);
  return {
    charts: all('svg[role="img"]').length,
    tables: all('table').map((t) => (t.querySelector('caption')?.textContent ?? t.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim()),
  };
};

/**
 * Cells of a table whose text is cut off (an ellipsis or overflow hidden): header cells, and in data
 * rows the cells of the given columns (0-based). Each as "column: text". The text is measured in the
 * cell's font, off screen (the whole text for a cell that does not wrap, else its longest word), and
 * compared with the room the cell gives it: Chromium reports neither a clipped cell's scrollWidth nor
 * an ellipsised Range at the text's full width. An ellipsis appears for a fraction of a pixel too.
 */
export const clippedCells = (table: unknown, columns: number[]): string[] => {
  type Box = El & { clientWidth: number };
  interface Probe {
    textContent: string;
    style: Record<string, string>;
    getBoundingClientRect(): { width: number };
    remove(): void;
  }
  const w = globalThis as unknown as {
    document: { createElement(tag: string): Probe; body: { append(n: unknown): void } };
    getComputedStyle(el: unknown): { paddingLeft: string; paddingRight: string; font: string; letterSpacing: string; whiteSpace: string };
  };
  const t = table as El;
  const text = (el: El): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const widthOf = (words: string, font: string, letterSpacing: string): number => {
    const probe = w.document.createElement('span');
    probe.textContent = words;
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre', font, letterSpacing });
    w.document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width;
  };
  const cut = (cell: Box): boolean => {
    const style = w.getComputedStyle(cell);
    const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const wraps = !/^(nowrap|pre)$/.test(style.whiteSpace);
    const pieces = wraps ? text(cell).split(' ') : [text(cell)];
    return pieces.some((piece) => widthOf(piece, style.font, style.letterSpacing) > room + 0.05);
  };
  const cellsOf = (row: El): Box[] => Array.from(row.children).filter((c) => /^(TH|TD)$/.test(c.tagName)) as Box[];
  const out: string[] = [];
  const header = t.querySelector('thead tr');
  const names = header ? cellsOf(header).map(text) : [];
  if (header) for (const th of cellsOf(header)) if (cut(th)) out.push(`header: ${text(th)}`);
  for (const row of Array.from(t.querySelectorAll('tbody tr[aria-rowindex]'))) {
    const cells = cellsOf(row);
    for (const i of columns) {
      const cell = cells[i];
      if (cell && cut(cell)) out.push(`${names[i] ?? i}: ${text(cell)}`);
    }
  }
  return out;
};
