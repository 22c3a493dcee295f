/**
 * The desktop's sign-in with a real browser as the system browser: Debian's Chromium (the one the e2e
 * tests use) driven by playwright-core, keyboard and labels only, against the local provider with its
 * own Content-Security-Policy in force. The HTTP driver (tests/support/team/browser-driver.ts) cannot
 * see what a browser enforces, such as CSP form-action on the redirects after the login form, which
 * once stopped the browser short of the app's loopback listener.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { createSignIn } from '../../main/sync/sign-in';
import { loadTokens } from '../../main/sync/token-store';
import { runAxe } from '../support/e2e/in-page';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { movableClock, startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from '../support/team/idp';

const CHROMIUM = '/usr/bin/chromium';
let idp: TestIdp;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)`);
  idp = await startIdp();
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await idp?.stop();
});

describe('signing in through Chromium', () => {
  it('shows the error beside the field, then signs in and lands on the app page', async () => {
    const page = await browser.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) cspViolations.push(m.text());
    });
    const db = openDatabase({ path: tempDbPath(), key: TEST_KEY, create: true });
    try {
      const session = createSignIn({
        db,
        clock: movableClock(),
        issuer: idp.issuer,
        clientId: idp.clientId,
        audience: TEST_AUDIENCE,
        openBrowser: (url) => void page.goto(url),
        timeoutMs: 20_000,
      });
      const signedIn = session.signIn();
      await page.getByLabel('Email').fill('bea.clinician@thrive.test');
      await page.getByLabel('Password').fill('not her password');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email or password is not right. Check them and try again.');
      expect(await page.getByLabel('Email').inputValue()).toBe('bea.clinician@thrive.test');

      await page.getByLabel('Password').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(signedIn).resolves.toMatchObject({ email: 'bea.clinician@thrive.test', name: 'Bea Okafor' });
      await page.getByText('You are signed in to THRIVE Plans; you can close this tab.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/callback');
      expect(loadTokens(db)?.person.email).toBe('bea.clinician@thrive.test');
      expect(cspViolations).toEqual([]);
    } finally {
      db.close();
      await page.close();
    }
  }, 60_000);

  it('has a sign-in page with no axe violations in a real browser, contrast included', async () => {
    // axe is injected, which the page's CSP forbids; this context alone bypasses it to look.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    try {
      await page.goto(`${idp.issuer}/auth?client_id=${idp.clientId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://127.0.0.1:40125/callback')}&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256&state=s`);
      await page.getByLabel('Password').fill('wrong');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').waitFor();
      await page.addScriptTag({ path: createRequire(__filename).resolve('axe-core/axe.min.js') });
      expect(await page.evaluate(runAxe)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
