/**
 * Timing a case table in the page, from node: arm the in-page measurement (armTableMeasure in
 * in-page-team.ts), press the key, wait until the page has painted the wanted state, read back what it
 * measured. Shared by the team-scale spec and the renderer bench (bench/renderer.ts), so both time the
 * same thing the same way. A table that never reaches the wanted state fails, saying what it shows.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { armTableMeasure, measurement, measurementDone, tableContent, type TableMeasure, type TableWanted } from './in-page-team';

/** Long enough for a 5,000-case table on a slow machine; a table that never settles still fails. */
const SETTLE_TIMEOUT = 60_000;

/** Arms the in-page measurement, presses `key`, and returns what the page measured once painted. */
export async function measureKey(page: Page, label: string, key: string, wanted: TableWanted): Promise<TableMeasure> {
  await page.evaluate(armTableMeasure, { ...wanted, label, key });
  await page.keyboard.press(key);
  return awaitMeasurement(page, label, wanted);
}

/**
 * Arms a measurement of every page load in `context` from now on: from the navigation's start to the
 * frame painting the wanted table (read it with `awaitMeasurement` after each load). An init script,
 * so it is watching before the app's own script runs.
 */
export async function armOnPageLoad(context: BrowserContext, label: string, wanted: TableWanted): Promise<void> {
  await context.addInitScript({ content: `(${armTableMeasure.toString()})(${JSON.stringify({ ...wanted, label, key: null })});` });
}

/** Waits for the armed measurement's painted frame and returns it; fails saying what the table shows instead. */
export async function awaitMeasurement(page: Page, label: string, wanted: TableWanted): Promise<TableMeasure> {
  try {
    await page.waitForFunction(measurementDone, undefined, { timeout: SETTLE_TIMEOUT, polling: 50 });
  } catch {
    throw new Error(`${label}: the table "${wanted.caption}" never showed ${describeWanted(wanted)}; it shows ${await describeShown(page, wanted.caption)}`);
  }
  const m = await page.evaluate(measurement);
  if (!m || m.start === null || m.painted === null) throw new Error(`${label}: no measurement`);
  return m;
}

function describeWanted(wanted: TableWanted): string {
  return [
    wanted.rowCount === null ? null : `aria-rowcount ${wanted.rowCount}`,
    `${wanted.firstRowText} in the first row`,
    wanted.statusText === null ? null : `the status "${wanted.statusText}"`,
  ]
    .filter((part) => part !== null)
    .join(', ');
}

async function describeShown(page: Page, caption: string): Promise<string> {
  const table = page.getByRole('table', { name: caption, exact: true }).or(page.getByRole('grid', { name: caption, exact: true })).first();
  const shown = await table.evaluate(tableContent, undefined, { timeout: 1_000 }).catch(() => null);
  const statuses = await page.getByRole('status').allTextContents().catch(() => []);
  const status = statuses.map((s) => `"${s.replace(/\s+/g, ' ').trim()}"`).join(', ') || 'no status';
  if (!shown) return `no such table (status ${status})`;
  return `aria-rowcount ${shown.rowCount ?? 'none'}, first row "${shown.rows[0]?.cells.join(' | ') ?? 'none'}", status ${status}`;
}

const ms = (n: number): number => Math.round(n * 10) / 10;

/** From the event to the painted frame, in ms (one decimal). */
export const elapsedMs = (m: TableMeasure): number => ms((m.painted ?? 0) - (m.start ?? 0));

export interface FirstRenderFigures {
  totalMs: number;
  /** When the last bridge call the screen waited for had answered. */
  dataReceivedMs: number;
  /** From then to the painted frame: React and the browser's own work. */
  renderAfterDataMs: number;
  rowElements: number;
  calls: Array<{ channel: string; startMs: number; endMs: number }>;
}

/** A first render split into the bridge calls it waited for and what followed them. */
export function firstRenderFigures(m: TableMeasure): FirstRenderFigures {
  const start = m.start ?? 0;
  const calls = m.calls.map((c) => ({ channel: c.channel, startMs: ms(c.start - start), endMs: ms(c.end - start) }));
  const dataIn = Math.max(0, ...m.calls.filter((c) => c.end <= (m.settled ?? 0)).map((c) => c.end - start));
  return { totalMs: elapsedMs(m), dataReceivedMs: ms(dataIn), renderAfterDataMs: ms((m.painted ?? 0) - start - dataIn), rowElements: m.rowElements, calls };
}
