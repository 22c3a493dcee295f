/**
 * The test bridge holds real (test) records, so it is held to the rules of anything that does:
 * loopback only, token required, one origin, bounded bodies.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBridge, type Bridge } from '../support/e2e/bridge';

const ORIGIN = 'http://127.0.0.1:4173';
const calls: Array<{ channel: string; args: unknown }> = [];
const days: string[] = [];
let bridge: Bridge;

beforeAll(async () => {
  bridge = await startBridge({
    invoke: (channel, args) => {
      calls.push({ channel, args });
      return { ok: true, value: { echoed: channel } };
    },
    setToday: (day) => days.push(day),
    allowedOrigin: ORIGIN,
  });
});
afterAll(() => bridge.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${bridge.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('e2e test bridge', () => {
  it('listens on loopback only, with a long random token', () => {
    expect(new URL(bridge.url).hostname).toBe('127.0.0.1');
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('passes a call to the handlers and returns their result', async () => {
    const response = await post('/invoke/cases%3Aopen', { caseRef: 'C-1' }, { origin: ORIGIN });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await response.json()).toEqual({ ok: true, value: { echoed: 'cases:open' } });
    expect(calls.at(-1)).toEqual({ channel: 'cases:open', args: { caseRef: 'C-1' } });
  });

  it('refuses a missing or wrong token', async () => {
    const before = calls.length;
    expect((await post('/invoke/app:state', {}, { authorization: '' })).status).toBe(401);
    expect((await post('/invoke/app:state', {}, { authorization: `Bearer ${'0'.repeat(64)}` })).status).toBe(401);
    expect((await post('/invoke/app:state', {}, { authorization: 'Bearer short' })).status).toBe(401);
    expect(calls.length).toBe(before);
  });

  it('refuses pages from any other origin, and answers their preflight without CORS headers', async () => {
    const before = calls.length;
    const response = await post('/invoke/app:state', {}, { origin: 'http://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${bridge.url}/invoke/app:state`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(calls.length).toBe(before);
  });

  it('answers the preview origin’s preflight', async () => {
    const preflight = await fetch(`${bridge.url}/invoke/app:state`, {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('refuses a body over 1 MB and a body that is not JSON', async () => {
    const before = calls.length;
    expect((await post('/invoke/app:state', `"${'x'.repeat(MAX_BODY_BYTES)}"`)).status).toBe(413);
    expect((await post('/invoke/app:state', '{not json')).status).toBe(400);
    expect(calls.length).toBe(before);
  });

  it('refuses other methods, paths and a rebinding Host header', async () => {
    expect((await fetch(`${bridge.url}/invoke/app:state`, { headers: { authorization: `Bearer ${bridge.token}` } })).status).toBe(405);
    expect((await post('/elsewhere', {})).status).toBe(404);
    // fetch will not forge a Host header; node:http will, as a DNS-rebinding page's browser would send it.
    const url = new URL(bridge.url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: '/invoke/app:state', method: 'POST', headers: { authorization: `Bearer ${bridge.token}`, host: `evil.example:${url.port}` } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
    expect(calls.some((c) => c.channel === 'app:state')).toBe(false);
  });

  it('sets the fixed clock through /__test/today, and only to a real date', async () => {
    expect((await post('/__test/today', { today: '2027-01-11' })).status).toBe(200);
    expect(days.at(-1)).toBe('2027-01-11');
    expect((await post('/__test/today', { today: '11/01/2027' })).status).toBe(400);
    expect(days).toEqual(['2027-01-11']);
  });
});
