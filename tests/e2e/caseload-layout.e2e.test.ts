/**
 * The caseload table's width in a real browser (Chromium lays it out; jsdom cannot): on the demo
 * caseload, at 1280×800 the table fits its container with no sideways scrolling and every flag
 * reason lies inside the window; at 1024×768 too; at 640×400 (1280×800 at 200% zoom) the page itself
 * still does not scroll sideways (the table may, inside its own container, as data tables may under
 * WCAG 1.4.10). axe runs at each width and a screenshot of each is kept.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { axeViolations, describeViolations, launchApp, SCREENSHOT_DIR, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { waitForHeading } from '../support/e2e/journey';
import { setUpDemo } from '../support/e2e/seed';

const CAPTION = 'My open cases';

let suite: Suite;
let app: E2eApp;

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: '2026-11-16',
    setup: (services) => setUpDemo(services),
  });
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
});

interface TableLayout {
  /** The table's scroll container: how wide its content is, and how wide it shows. */
  containerScrollWidth: number;
  containerClientWidth: number;
  /** The page's own sideways overflow. */
  pageScrollWidth: number;
  pageClientWidth: number;
  reasons: number;
  /** Flag reasons reaching past the window's or the container's right edge, with their right edge. */
  reasonsCut: string[];
}

/**
 * In the page (self-contained for evaluate, and typed with the little of the DOM it touches, as in
 * support/in-page.ts: these specs compile without the DOM library): where the caseload table and its
 * flag reasons lie.
 */
const tableLayout = (caption: string): TableLayout => {
  interface Rect {
    left: number;
    right: number;
  }
  interface El {
    textContent: string | null;
    parentElement: El | null;
    scrollWidth: number;
    clientWidth: number;
    querySelector(selector: string): El | null;
    querySelectorAll(selector: string): ArrayLike<El>;
    getBoundingClientRect(): Rect;
    getClientRects(): ArrayLike<Rect>;
  }
  const w = globalThis as unknown as { innerWidth: number; document: El & { documentElement: El } };
  const table = Array.from(w.document.querySelectorAll('table')).find((t) => t.querySelector('caption')?.textContent?.trim() === caption);
  if (!table?.parentElement) throw new Error(`no table "${caption}"`);
  const container = table.parentElement;
  const edge = Math.min(w.innerWidth, container.getBoundingClientRect().right);
  const reasons = Array.from(table.querySelectorAll('.flag-list__reason'));
  const reasonsCut = reasons
    .filter((r) => Array.from(r.getClientRects()).some((line) => line.right > edge + 0.5 || line.left < 0))
    .map((r) => `${Math.round(r.getBoundingClientRect().right)}px > ${Math.round(edge)}px: ${r.textContent ?? ''}`);
  return {
    containerScrollWidth: container.scrollWidth,
    containerClientWidth: container.clientWidth,
    pageScrollWidth: w.document.documentElement.scrollWidth,
    pageClientWidth: w.document.documentElement.clientWidth,
    reasons: reasons.length,
    reasonsCut,
  };
};

async function showCaseload(page: Page, width: number, height: number): Promise<TableLayout> {
  await page.setViewportSize({ width, height });
  await waitForHeading(page, 'My caseload');
  await page.getByRole('table', { name: CAPTION }).getByRole('row').nth(1).waitFor();
  // A frame for the resize to be laid out (and the rows near the viewport to be measured again).
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  return page.evaluate(tableLayout, CAPTION);
}

async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, describeViolations(screen, violations)).toEqual([]);
}

describe('the caseload table fits the page', () => {
  it('at 1280×800: no sideways scrolling, and every flag reason inside the window', async () => {
    onTestFailed(async () => void (await app?.screenshot('caseload-layout-1280-failure').catch(() => undefined)));
    const layout = await showCaseload(app.page, 1280, 800);
    await app.screenshot('caseload-layout-1280');
    expect(layout.reasons).toBeGreaterThan(3);
    expect(layout.containerScrollWidth).toBeLessThanOrEqual(layout.containerClientWidth);
    expect(layout.pageScrollWidth).toBeLessThanOrEqual(layout.pageClientWidth);
    expect(layout.reasonsCut).toEqual([]);
    await expectNoAxeViolations(app.page, 'caseload at 1280×800');
  });

  it('at 1024×768 as well', async () => {
    const layout = await showCaseload(app.page, 1024, 768);
    await app.screenshot('caseload-layout-1024');
    expect(layout.containerScrollWidth).toBeLessThanOrEqual(layout.containerClientWidth);
    expect(layout.pageScrollWidth).toBeLessThanOrEqual(layout.pageClientWidth);
    expect(layout.reasonsCut).toEqual([]);
  });

  it('at 200% zoom (640×400 CSS pixels) the page reflows; only the table scrolls sideways, inside its container', async () => {
    const layout = await showCaseload(app.page, 640, 400);
    // The window only: rows far below it are not rendered until scrolled to (the table is virtualised).
    await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'caseload-layout-200-percent.png') });
    expect(layout.pageScrollWidth).toBeLessThanOrEqual(layout.pageClientWidth);
    await expectNoAxeViolations(app.page, 'caseload at 200% zoom');
    await app.page.setViewportSize({ width: 1280, height: 900 });
  });
});
