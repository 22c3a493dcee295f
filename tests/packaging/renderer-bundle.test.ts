/**
 * The built renderer that ships (dist/renderer), read as files: it loads nothing remote and holds no
 * inline script, style or event handler, so the strict CSP (main/security.ts, sent by app://) never
 * has anything to block. tests/e2e/strict-csp.e2e.test.ts proves the same at run time in Chromium.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(repoRoot, 'dist', 'renderer');

let html = '';
let stylesheets: string[] = [];

beforeAll(() => {
  // `npm test` builds first; a standalone run builds the renderer once here.
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--config', 'vite.config.mts'], { cwd: repoRoot, stdio: 'inherit' });
  }
  html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  stylesheets = readdirSync(path.join(rendererDir, 'assets'))
    .filter((f) => f.endsWith('.css'))
    .map((f) => readFileSync(path.join(rendererDir, 'assets', f), 'utf8'));
}, 120_000);

/** The value of every src= and href= in the page. */
function references(): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? '');
}

describe('the built renderer (dist/renderer)', () => {
  it('loads its script and stylesheet from its own folder and nothing from anywhere else', () => {
    const refs = references();
    expect(refs.some((r) => r.endsWith('.js'))).toBe(true);
    expect(refs.some((r) => r.endsWith('.css'))).toBe(true);
    for (const ref of refs) {
      // Relative to the page (served from app://thrive/), or the empty data: icon that stops a favicon request.
      expect(ref === 'data:,' || /^\.?\/?assets\/[\w.-]+$/.test(ref), ref).toBe(true);
    }
    expect(html).not.toMatch(/(?:https?:|wss?:|file:)?\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
  });

  it('holds no inline script, style block, style attribute or event handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs = '', body = ''] of scripts) {
      expect(attrs, 'every script is a file').toMatch(/\ssrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it("carries its own CSP meta tag, with no unsafe source and nothing remote", () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBeDefined();
    const directives = new Map(
      (meta ?? '').split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(meta).not.toMatch(/unsafe-|\*|https?:|wss?:|blob:/);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('has stylesheets that import nothing and fetch no remote fonts or images', () => {
    expect(stylesheets.length).toBeGreaterThan(0);
    for (const css of stylesheets) {
      expect(css).not.toMatch(/@import/i);
      expect(css).not.toMatch(/url\(\s*['"]?(?:https?:|\/\/)/i);
    }
  });
});
