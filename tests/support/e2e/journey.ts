/**
 * Steps shared by the journeys through a case's lifecycle (docs/product.md#the-lifecycle-of-a-case): waiting for a screen,
 * checking it with axe and keeping a screenshot of it, rating the Current View grid and switching
 * the case page's tabs, all by keyboard. Failures name the screen and what has focus.
 */
import type { Locator, Page } from 'playwright-core';
import { CURRENT_VIEW_ITEMS } from '../../../shared/domain/current-view';
import { axeViolations, describeViolations, type E2eApp } from './harness';
import { hasFocusWithin } from './in-page';
import { describeFocus, isFocused, tabTo } from './keyboard';

const SCREEN_TIMEOUT = 15_000;

/** Waits for a screen by its h1 (every screen names itself with one). */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
}

/** Waits until `locator` is visible, failing with `what` rather than a bare timeout. */
export async function waitToSee(locator: Locator, what: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
  } catch {
    throw new Error(`Expected to see ${what}, but it did not appear`);
  }
}

/** The error summary at the top of a form (role=alert, heading "There is a problem"). */
export function errorSummary(page: Page): Locator {
  return page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
}

/**
 * Records axe findings and timings per screen and keeps a screenshot of each; the spec asserts at
 * the end that no screen had a finding, so one run reports every screen's problems at once.
 */
export class Journey {
  readonly axeFindings: string[] = [];
  readonly timings: Record<string, number> = {};
  readonly screenshots: string[] = [];

  constructor(private app: E2eApp) {}

  /** Carries on with the app launched again (same findings, timings and screenshots). */
  use(app: E2eApp): void {
    this.app = app;
  }

  /** axe-core on the page as it is now, and a screenshot `<name>.png`. */
  async check(name: string): Promise<void> {
    const violations = await axeViolations(this.app.page);
    if (violations.length > 0) this.axeFindings.push(describeViolations(name, violations));
    this.screenshots.push(await this.app.screenshot(name));
  }

  /** One screen: wait for its heading, check it, then drive it. */
  async step(name: string, screenHeading: string, body: () => Promise<void>): Promise<void> {
    await this.timed(name, async () => {
      await waitForHeading(this.app.page, screenHeading);
      await this.check(name);
      await body();
    });
  }

  /** Part of a screen already checked (e.g. one of its tabs, which checks itself). */
  async timed(name: string, body: () => Promise<void>): Promise<void> {
    const started = performance.now();
    await body();
    this.timings[name] = Math.round(performance.now() - started);
  }
}

/**
 * Rates all 50 Current View items from the keyboard: Tab to the first item, then one key per item
 * (the grid moves focus on by itself). `keyFor` gives the key for an item ('0'–'3', 'k', 'y', 'n').
 */
export async function rateCurrentView(page: Page, keyFor: (code: string, scale: 'severity' | 'complexity') => string): Promise<void> {
  const first = CURRENT_VIEW_ITEMS[0];
  if (!first) throw new Error('no Current View items');
  await tabTo(page, page.getByRole('radiogroup', { name: first.label, exact: true }), `the first Current View item "${first.label}"`);
  for (const item of CURRENT_VIEW_ITEMS) {
    const group = page.getByRole('radiogroup', { name: item.label, exact: true });
    if (!(await group.evaluate(hasFocusWithin)))
      throw new Error(`Expected focus on Current View item "${item.label}", but it is on ${await describeFocus(page)}`);
    await page.keyboard.press(keyFor(item.code, item.scale));
  }
  const total = CURRENT_VIEW_ITEMS.length;
  await waitToSee(page.getByText(`${total} of ${total} rated`), `"${total} of ${total} rated"`);
}

/**
 * Opens a tab of the case page the ARIA way: Tab into the tab list (focus lands on the selected
 * tab), ArrowRight to the wanted tab, Enter in case the tabs need manual activation.
 */
export async function chooseTab(page: Page, name: string): Promise<Locator> {
  const tablist = page.getByRole('tablist');
  const tab = tablist.getByRole('tab', { name, exact: true });
  await tabTo(page, tablist, 'the case page tabs');
  const count = await tablist.getByRole('tab').count();
  for (let moves = 0; moves < count && !(await isFocused(tab)); moves++) await page.keyboard.press('ArrowRight');
  if (!(await isFocused(tab))) throw new Error(`ArrowRight did not reach the "${name}" tab; focus is on ${await describeFocus(page)}`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('Enter');
  try {
    await tab.and(page.locator('[aria-selected="true"]')).waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
  } catch {
    throw new Error(`The "${name}" tab did not become selected after ArrowRight and Enter`);
  }
  const panel = page.getByRole('tabpanel', { name, exact: true });
  await waitToSee(panel, `the "${name}" tab panel (role=tabpanel labelled by its tab)`);
  return panel;
}

/**
 * From the caseload, opens a young person's case the keyboard way: Tab into the table (one row's
 * name link is in the Tab order, roving focus), Home then ArrowDown to their row, Enter.
 */
export async function openFromCaseload(page: Page, name: string): Promise<void> {
  const table = page.getByRole('table', { name: 'My open cases' });
  const link = table.getByRole('link', { name, exact: true });
  await waitToSee(link, `"${name}" on the caseload`);
  await tabTo(page, table.locator('tbody'), 'the caseload table rows');
  const rows = await table.getByRole('link').count();
  if (!(await isFocused(link))) await page.keyboard.press('Home');
  for (let moves = 0; moves < rows && !(await isFocused(link)); moves++) await page.keyboard.press('ArrowDown');
  if (!(await isFocused(link))) throw new Error(`ArrowDown did not reach "${name}" in the caseload; focus is on ${await describeFocus(page)}`);
  await page.keyboard.press('Enter');
  await waitForHeading(page, name);
}
