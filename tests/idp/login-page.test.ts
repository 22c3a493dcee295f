// @vitest-environment jsdom
/**
 * The local provider's sign-in page (server/idp/login-page.ts) is accessible as it is and with an
 * error: axe-core finds nothing, each input has its label, and the error is tied to the fields it
 * concerns. (The e2e test signs in through it in Chromium; contrast is checked there.)
 */
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { loginPage } from '../../server/idp/login-page';

// tsconfig.node.json has no DOM types (main/ must not use them); the few this test touches, typed here.
interface El {
  textContent: string | null;
  value: string;
  nextElementSibling: El | null;
  getAttribute(name: string): string | null;
}
interface Doc {
  documentElement: { innerHTML: string; lang: string };
  getElementById(id: string): El | null;
  querySelector(selector: string): El | null;
}
type Parser = new () => { parseFromString(html: string, type: string): { documentElement: { innerHTML: string } } };
const document = (globalThis as unknown as { document: Doc }).document;
const DOMParser = (globalThis as unknown as { DOMParser: Parser }).DOMParser;
type HTMLInputElement = El;
// axe-core probes for a canvas (icon ligatures); jsdom has none and would print a warning per call.
(globalThis as unknown as { HTMLCanvasElement: { prototype: { getContext: () => null } } }).HTMLCanvasElement.prototype.getContext = () => null;

function show(html: string): void {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  document.documentElement.lang = 'en';
}

async function violations(): Promise<string[]> {
  const results = await axe.run(document as never, { resultTypes: ['violations'] });
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

describe('the sign-in page', () => {
  it('labels every input and passes axe', async () => {
    show(loginPage({ action: '/interaction/abc/login' }));
    expect(await violations()).toEqual([]);
    for (const id of ['email', 'password']) {
      const input = document.getElementById(id) as HTMLInputElement;
      expect(document.querySelector(`label[for="${id}"]`)?.textContent).toBe(id === 'email' ? 'Email' : 'Password');
      expect(input.getAttribute('aria-invalid')).toBeNull();
    }
    expect(document.querySelector('button[type="submit"]')?.textContent).toBe('Sign in');
  });

  it('says what went wrong beside the fields, keeps the email typed and passes axe', async () => {
    show(loginPage({ action: '/interaction/abc/login', email: 'alex@thrive.test', error: 'The email or password is not right.' }));
    expect(await violations()).toEqual([]);
    const error = document.getElementById('password-error')!;
    expect(error.textContent).toBe('The email or password is not right.');
    expect(error.getAttribute('role')).toBe('alert');
    expect((document.getElementById('password') as HTMLInputElement).nextElementSibling).toBe(error);
    for (const id of ['email', 'password']) {
      expect(document.getElementById(id)!.getAttribute('aria-describedby')).toBe('password-error');
      expect(document.getElementById(id)!.getAttribute('aria-invalid')).toBe('true');
    }
    expect((document.getElementById('email') as HTMLInputElement).value).toBe('alex@thrive.test');
  });

  it('escapes what it echoes back', () => {
    show(loginPage({ action: '/interaction/abc/login', email: '"><script>alert(1)</script>', error: '<b>x</b>' }));
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });
});
