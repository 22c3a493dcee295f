import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppRequestHandler, registerAppProtocol, registerAppScheme, resolveAppPath } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

const { protocol } = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => ({ protocol }));

// A renderer folder with a secret file beside it, which no app:// URL may reach.
let parent: string;
let root: string;
beforeAll(() => {
  parent = mkdtempSync(path.join(tmpdir(), 'thrive-protocol-'));
  root = path.join(parent, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>THRIVE Plans</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'space name.css'), 'body{}');
  writeFileSync(path.join(parent, 'secret.db'), 'records');
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://thrive/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://thrive/index.html?x=1#/caseload')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://thrive/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://thrive/assets/space%20name.css')).toBe(path.join(root, 'assets', 'space name.css'));
  });

  it.each([
    'app://thrive/../secret.db',
    'app://thrive/assets/../../secret.db',
    'app://thrive/%2e%2e/secret.db',
    'app://thrive/%2E%2E%2Fsecret.db',
    'app://thrive/assets/%2e%2e%2f%2e%2e%2fsecret.db',
    'app://thrive/..%5csecret.db',
    'app://thrive/%5c..%5c..%5csecret.db',
    'app://thrive/index.html%00.png',
    'app://thrive/%E0%A4%A',
  ])('refuses the traversal %s', (url) => {
    const resolved = resolveAppPath(root, url);
    if (resolved !== null) expect(path.relative(root, resolved).startsWith('..')).toBe(false);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    expect(resolved).not.toBe(path.join(parent, 'secret.db'));
  });

  it('returns nothing at all for encoded traversals the URL parser leaves in place', () => {
    expect(resolveAppPath(root, 'app://thrive/%2E%2E%2Fsecret.db')).toBeNull();
    expect(resolveAppPath(root, 'app://thrive/assets/%2e%2e%2f%2e%2e%2fsecret.db')).toBeNull();
    expect(resolveAppPath(root, 'app://thrive/..%5csecret.db')).toBeNull();
    expect(resolveAppPath(root, 'app://thrive/index.html%00.png')).toBeNull();
  });

  it('treats an absolute path in the URL as relative to the renderer folder', () => {
    const secret = path.join(parent, 'secret.db');
    const resolved = resolveAppPath(root, `app://thrive/${encodeURIComponent(secret)}`);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    expect(resolveAppPath(root, 'app://thrive//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://elsewhere/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://thrive/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });
});

describe('app:// request handler', () => {
  const get = (url: string, method = 'GET') => createAppRequestHandler(root)(new Request(url, { method }));

  it('serves the page with the strict CSP and its content type', async () => {
    const response = await get('app://thrive/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('THRIVE Plans');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://thrive/assets/app.js');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for traversal attempts, folders and missing files, without leaking the file', async () => {
    for (const url of ['app://thrive/%2e%2e/secret.db', 'app://thrive/assets/%2e%2e%2f%2e%2e%2fsecret.db', 'app://thrive/assets', 'app://thrive/missing.js']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('records');
    }
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get('app://thrive/index.html', 'POST')).status).toBe(405);
    expect((await get('app://thrive/index.html', 'HEAD')).status).toBe(200);
  });
});

describe('registration', () => {
  it('registers app:// as a standard, secure scheme and serves it with the handler', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    registerAppProtocol(root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('never lets app:// bypass the CSP, serve workers or be read cross-origin', () => {
    registerAppScheme();
    const [[scheme]] = protocol.registerSchemesAsPrivileged.mock.calls.at(-1) as [[{ privileges: Record<string, boolean> }]];
    for (const privilege of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'stream', 'codeCache']) {
      expect(scheme.privileges[privilege], privilege).toBeUndefined();
    }
  });
});
