/**
 * The built renderer under the app's own Content Security Policy (main/security.ts), nothing bypassed:
 * every screen must render and work with no inline script or style and no other source. The other
 * specs bypass CSP in their browser context so the page may call the loopback bridge; this one
 * proves that bypass hides nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { launchApp, startSuite, type E2eApp, type Suite } from '../support/e2e/harness';
import { setUpDemo } from '../support/e2e/seed';

let suite: Suite;
let app: E2eApp;

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor({ state: 'visible', timeout: 10_000 });
}

beforeAll(async () => {
  suite = await startSuite();
  app = await launchApp(suite, {
    today: '2026-11-16',
    csp: 'enforce',
    setup: (services) => setUpDemo(services, 'team_lead'),
  });
});

afterAll(async () => {
  await app?.close();
  await suite?.close();
});

describe('the app under its strict Content Security Policy', () => {
  it('is served with the same policy app:// sends', async () => {
    const response = await fetch(suite.baseUrl);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('renders and works on every screen with no CSP violation', async () => {
    const { page } = app;
    await heading(page, 'My caseload');
    const table = page.getByRole('table', { name: 'My open cases' });
    await table.getByRole('row').nth(1).waitFor();
    // The stylesheet applied (a CSP-blocked sheet would leave the browser's default 8px body margin).
    expect(await page.evaluate('getComputedStyle(document.body).margin')).not.toBe('8px');
    await app.screenshot('20-strict-csp-caseload');

    const firstCase = table.getByRole('row').nth(1).getByRole('link').first();
    const name = (await firstCase.textContent())?.trim() ?? '';
    await firstCase.click();
    await heading(page, name);
    await app.screenshot('21-strict-csp-case');
    await page.getByRole('link', { name: 'Back to caseload' }).click();
    await heading(page, 'My caseload');

    await page.getByRole('button', { name: 'Open a case' }).click();
    await heading(page, 'Open a case');
    await page.getByRole('button', { name: 'Open case', exact: true }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();

    await page.getByRole('link', { name: 'Settings' }).click();
    await heading(page, 'Settings');

    // A library probing for eval (as zod 4 does unless configured jitless) shows up here as "script-src blocked eval".
    expect(await app.cspViolations(), 'CSP violations reported by the page').toEqual([]);
    expect(app.pageErrors, 'console errors (CSP warnings included)').toEqual([]);
  });

  it('would report a violation (the recorder is live)', async () => {
    await app.page.evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.head.append(s); })()`);
    await expect.poll(async () => (await app.cspViolations()).some((v) => v === 'script-src-elem blocked inline')).toBe(true);
    expect(await app.page.evaluate('window.__inline')).toBeUndefined();
  });
});
