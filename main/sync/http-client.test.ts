/** What each kind of answer from a team server (or something pretending to be one) comes to. */
import { describe, expect, it } from 'vitest';
import { pushAcceptedSchema } from '../../shared/sync/protocol';
import { classify, MESSAGES } from './http-client';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  [new Response(null, { status, headers }), typeof body === 'string' ? body : JSON.stringify(body)] as const;
const refusal = (code: string, message: string) => ({ error: { code, message } });

describe('classify', () => {
  it.each<[string, readonly [Response, string], object]>([
    ['an accepted push', json(201, { caseId: 'c1', version: 1, seq: 4, at: 'now', replayed: false }), { kind: 'ok', status: 201 }],
    ['a 2xx the device cannot read', json(200, { caseId: 'c1' }), { kind: 'refused', message: MESSAGES.unreadable }],
    ['HTML from a proxy', json(200, '<html>portal</html>'), { kind: 'refused', message: MESSAGES.unreadable }],
    ['an expired token', json(401, refusal('unauthenticated', 'expired')), { kind: 'signed_out' }],
    ['an old client', json(426, refusal('client_too_old', 'Update the app.')), { kind: 'refused', message: 'Update the app.' }],
    ['a server down', json(503, refusal('unavailable', 'down'), { 'retry-after': '30' }), { kind: 'unavailable', retryAfterMs: 30_000 }],
    ['a gateway error page', json(502, '<html>bad gateway</html>'), { kind: 'unavailable', retryAfterMs: null }],
    ['another team', json(403, refusal('forbidden', 'Not your team.')), { kind: 'rejected', status: 403, code: 'forbidden', message: 'Not your team.' }],
    ['a 412 without the server copy', json(412, refusal('conflict', 'moved on')), { kind: 'refused' }],
    ['a 4xx the device cannot read', json(400, 'nope'), { kind: 'refused', message: MESSAGES.unreadable }],
  ])('%s', (_, [response, text], expected) => {
    expect(classify(response, text, pushAcceptedSchema)).toMatchObject(expected);
  });
});
