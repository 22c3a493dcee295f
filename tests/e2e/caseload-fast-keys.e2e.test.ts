/**
 * The caseload's search and keyboard at full typing speed (docs/clinical-safety/hazard-log.md, H40):
 * from a case page, "Back to caseload" and at once `/`, the search text, ArrowDown (once or more) and
 * Enter — every key sent with no delay, as a fast typist or a barcode-style paste would. Each round
 * must open the young person whose row was highlighted (the n-th case matching the text, in the
 * order the caseload shows), and the search box must hold every character typed. A slower round
 * (40 ms a key) checks that focus is not pulled from the search box to the page heading meanwhile.
 *
 * Every round's outcome is recorded and the spec asserts at the end, so one run reports how many
 * rounds went wrong and how, rather than stopping at the first.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { axeViolations, describeViolations, launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { focusDescription } from '../support/e2e/in-page';
import { waitForHeading } from '../support/e2e/journey';
import { matchesSearch } from '../support/e2e/search-keys';
import { call, setUpDemo } from '../support/e2e/seed';
import type { Caseload } from '../../shared/ipc/types';

const CASELOAD = 'My caseload';
const SEARCH_BOX = 'input[type="search"]#caseload-search';

let suite: Suite;
let app: E2eApp;

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, { today: '2026-11-16', setup: (services) => setUpDemo(services) });
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
});

/** The text of the page's h1 (null while there is none). */
const headingText = (): string | null => {
  const d = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
  return d.querySelector('h1')?.textContent?.trim() ?? null;
};

/** The case names in the caseload table, top to bottom, as rendered (the demo caseload is short enough to be rendered whole). */
const tableNames = (): string[] => {
  const d = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }).document;
  return Array.from(d.querySelectorAll('a[data-row-link]')).map((a) => a.textContent?.trim() ?? '');
};

/** The search box's value, or null when it is not on the page. */
const searchValue = (selector: string): string | null => {
  const d = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document;
  return d.querySelector(selector)?.value ?? null;
};

/** Waits (up to 5 s) for the screen to leave the caseload; the h1 of whatever opened, or null when nothing did. */
async function openedAfterEnter(page: Page): Promise<string | null> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const h1 = await page.evaluate(headingText);
    // "Case" is the case page's heading while its record loads.
    if (h1 && h1 !== CASELOAD && h1 !== 'Case') return h1;
    await page.waitForTimeout(25);
  }
  return null;
}

interface Round {
  query: string;
  downs: number;
  /** Per-key delay in ms; 0 = no delay at all. */
  delay: number;
  /** Select what the search box already holds before typing (the box keeps its text between visits). */
  replace: boolean;
}

interface Outcome {
  round: string;
  query: string;
  expected: string;
  opened: string | null;
  searchAfter: string | null;
  focusWhenStuck: string | null;
}

/** From a case page: Back to caseload, then at once `/`, the query, ArrowDown × downs, Enter. */
async function playRound(page: Page, r: Round, expected: string): Promise<Outcome> {
  const keys = page.keyboard;
  await page.getByRole('link', { name: 'Back to caseload' }).click();
  await keys.press('/', { delay: r.delay });
  if (r.replace) await keys.press('ControlOrMeta+A');
  await keys.type(r.query, { delay: r.delay });
  for (let i = 0; i < r.downs; i++) await keys.press('ArrowDown', { delay: r.delay });
  await keys.press('Enter');
  const opened = await openedAfterEnter(page);
  const focusWhenStuck = opened === null ? await page.evaluate(focusDescription) : null;
  // Whatever happened, back on the caseload (settled) to read what the search box holds: it keeps
  // its text between visits, so it shows whether every typed character reached it.
  if (opened !== null) await page.getByRole('link', { name: 'Back to caseload' }).click();
  await waitForHeading(page, CASELOAD);
  await page.locator(SEARCH_BOX).waitFor();
  const searchAfter = await page.evaluate(searchValue, SEARCH_BOX);
  const label = `"${r.query}" ↓×${r.downs}${r.delay ? ` at ${r.delay} ms a key` : ''}`;
  return { round: label, query: r.query, expected, opened, searchAfter, focusWhenStuck };
}

/**
 * From the caseload (settled): clicks the first row shown, to start the next round from a case page.
 * The search keeps its text, so the next round starts from a filtered list (emptied only when it shows nothing).
 */
async function openFirstCase(page: Page): Promise<void> {
  if ((await page.locator('a[data-row-link]').count()) === 0) await page.locator(SEARCH_BOX).fill('');
  await page.locator('a[data-row-link]').first().click();
  if ((await openedAfterEnter(page)) === null) throw new Error('clicking the first row opened no case');
}

describe('caseload search and keys at full speed open the highlighted case', () => {
  it('opens the n-th case matching the typed text every round, and keeps every typed character', async () => {
    const page = app.page;
    onTestFailed(async () => void (await app?.screenshot('caseload-fast-keys-failure').catch(() => undefined)));
    await waitForHeading(page, CASELOAD);
    await page.locator('a[data-row-link]').first().waitFor();
    // The order the caseload shows (most urgent first), read once with no search: what ArrowDown walks.
    const order = await page.evaluate(tableNames);
    expect(order.length).toBeGreaterThan(8);
    const rows = call<Caseload>(app.services, 'caseload:list', {}).rows;
    expect([...order].sort()).toEqual(rows.map((r) => r.name).sort());
    // The search rule restated apart from the screen (name, case ref or NHS number; every demo case ref holds "e").
    const matching = (q: string) => order.filter((n) => matchesSearch(rows.find((r) => r.name === n)!, q));

    const rounds: Round[] = [
      // The report as seen: an empty search box, one matching case.
      { query: 'kwame', downs: 1, delay: 0, replace: false },
      // Then ten more, each replacing the last search, several matching more than one case.
      ...(
        [
          ['kwame', 1],
          ['a', 2],
          ['ar', 1],
          ['e', 3],
          ['ma', 2],
          ['kwame', 1],
          ['li', 1],
          ['a', 3],
          ['o', 2],
          ['an', 1],
        ] as const
      ).map(([query, downs]) => ({ query, downs, delay: 0, replace: true })),
      // Slower, as in the second report: focus must stay in the search box while the page settles.
      ...(
        [
          ['kwame', 1],
          ['ru', 1],
          ['a', 2],
        ] as const
      ).map(([query, downs]) => ({ query, downs, delay: 40, replace: true })),
    ];
    for (const r of rounds) {
      const found = matching(r.query);
      expect(found.length, `"${r.query}" must match at least ${r.downs} demo cases`).toBeGreaterThanOrEqual(r.downs);
    }

    await openFirstCase(page);
    const outcomes: Outcome[] = [];
    for (const r of rounds) {
      const expected = matching(r.query)[r.downs - 1]!;
      const outcome = await playRound(page, r, expected);
      outcomes.push(outcome);
      // Start the next round from a case page whatever this one did.
      await openFirstCase(page);
    }
    await app.screenshot('caseload-fast-keys-case');
    await page.getByRole('link', { name: 'Back to caseload' }).click();
    await waitForHeading(page, CASELOAD);
    await page.locator(SEARCH_BOX).fill('kwame');
    await page.locator('a[data-row-link]').first().waitFor();
    await app.screenshot('caseload-fast-keys-caseload');
    // Wrong: another case (or none) opened, or a typed character did not reach the search box.
    const wrong = outcomes.filter((o) => o.opened !== o.expected || o.searchAfter !== o.query);
    const summary = outcomes
      .map(
        (o) =>
          `${o.round}: expected ${o.expected}, opened ${o.opened ?? `nothing (focus on ${o.focusWhenStuck})`}; search box then held "${o.searchAfter}"`,
      )
      .join('\n');
    console.log(`caseload fast keys: ${wrong.length} of ${outcomes.length} rounds wrong\n${summary}`);
    const violations = await axeViolations(page);
    expect(violations, describeViolations('caseload after the fast rounds', violations)).toEqual([]);
    expect(wrong, summary).toEqual([]);
  });
});
