import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWindowRows } from './use-window-rows';

/**
 * jsdom has no layout, so these tests give it one: every row is `rowHeight` px tall and the table
 * body's top sits `bodyTop` px from the top of the viewport (negative once the page is scrolled past it).
 */
let rowHeight = 40;
let bodyTop = 0;

function rect(top: number, height: number): DOMRect {
  return { top, height, bottom: top + height, left: 0, right: 0, width: 0, x: 0, y: top, toJSON: () => ({}) };
}

beforeEach(() => {
  rowHeight = 40;
  bodyTop = 0;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    if (this.tagName === 'TBODY') return rect(bodyTop, 0);
    if (this.tagName === 'TR' && this.dataset.rowIndex !== undefined) return rect(0, this.textContent?.startsWith('new') ? 60 : rowHeight);
    return rect(0, 0);
  });
});

afterEach(() => vi.restoreAllMocks());

const KEYS = Array.from({ length: 1000 }, (_, i) => `case-${i}`);

function Table({ keys = KEYS, pinned = null }: { keys?: readonly string[]; pinned?: number | null }) {
  const v = useWindowRows({ keys, estimate: 100, pinnedIndex: pinned });
  return (
    <table aria-rowcount={keys.length + 1} aria-label="Cases">
      <tbody ref={v.bodyRef} data-page-size={v.pageSize}>
        {v.items.map((item) =>
          item.kind === 'gap' ? (
            <tr key={item.key} data-gap={Math.round(item.height)} aria-hidden="true">
              <td />
            </tr>
          ) : (
            <tr key={keys[item.index]} data-row-index={item.index}>
              <td>{keys[item.index]}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

const renderedIndexes = () => Array.from(document.querySelectorAll('tr[data-row-index]')).map((tr) => Number(tr.getAttribute('data-row-index')));
const gaps = () => Array.from(document.querySelectorAll('tr[data-gap]')).map((tr) => Number(tr.getAttribute('data-gap')));

function scrollTo(top: number) {
  bodyTop = top;
  act(() => {
    window.dispatchEvent(new Event('scroll'));
  });
}

describe('useWindowRows (a page-scrolled table with rows of any height)', () => {
  it('renders the rows over the viewport and its margin, measured, with one spacer for the rest', () => {
    render(<Table />);
    const shown = renderedIndexes();
    // jsdom's viewport is 768 px, the margin 800 px each way: 1,568 px of 40 px rows.
    expect(shown[0]).toBe(0);
    expect(shown).toHaveLength(40);
    // The spacer is sized from measured heights (40 px), not the first estimate (100 px).
    expect(gaps()).toEqual([(1000 - 40) * 40]);
    expect(screen.getByRole('table').querySelector('tbody')?.getAttribute('data-page-size')).toBe(String(Math.floor(768 / 40)));
  });

  it('follows the page scroll, keeping the total height for the scroll bar', () => {
    render(<Table />);
    scrollTo(-20_000);
    const shown = renderedIndexes();
    // Row 500 is at the viewport's top; 800 px of margin is 20 rows before it.
    expect(shown[0]).toBe(480);
    expect(shown.at(-1)).toBeGreaterThanOrEqual(500 + Math.ceil((768 + 800) / 40) - 1);
    const [above = 0, below = 0] = gaps();
    expect(above).toBe(480 * 40);
    expect(above + shown.length * 40 + below).toBe(1000 * 40);
  });

  it('always renders the pinned row (the Tab stop), however far from the viewport', () => {
    render(<Table pinned={999} />);
    expect(renderedIndexes().at(-1)).toBe(999);
    expect(renderedIndexes()[0]).toBe(0);
    // Rows 40–998 stand behind one spacer between the window and the pinned row.
    expect(gaps()).toEqual([(999 - 40) * 40]);
  });

  it('remembers heights by key, and gives rows never measured the average of those that were', () => {
    const { rerender } = render(<Table />);
    // A new search: 20 cases never shown before (60 px tall), then all the others (40 px).
    const filtered = [...Array.from({ length: 20 }, (_, i) => `new-${i}`), ...KEYS];
    rerender(<Table keys={filtered} />);
    const shown = renderedIndexes();
    // 1,568 px: the 20 new rows (1,200 px), then 40 px rows.
    expect(shown).toHaveLength(20 + Math.ceil((1568 - 1200) / 40));
    // Rows of the first 40 cases were measured before the search (40 px); the rest are assumed to be
    // the average of the 60 rows measured so far.
    const average = (40 * 40 + 20 * 60) / 60;
    const unrendered = filtered.length - shown.length;
    const remembered = 40 - (shown.length - 20);
    expect(gaps()).toHaveLength(1);
    expect(gaps()[0]).toBeCloseTo(remembered * 40 + (unrendered - remembered) * average, -1);
  });
});
