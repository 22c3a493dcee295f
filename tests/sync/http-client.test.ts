/**
 * The device's HTTP client (main/sync/http-client.ts) against a real local HTTP server: a server that
 * never answers is unreachable after the timeout, and the app locking stops a request at once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSyncHttp } from '../../main/sync/http-client';
import { PROTOCOL_VERSION, type ServerConfig } from '../../shared/sync/protocol';

const CONFIG: ServerConfig = {
  serverId: 'server-test',
  protocol: PROTOCOL_VERSION,
  oldestAcceptedProtocol: PROTOCOL_VERSION,
  issuer: 'https://idp.test',
  clientId: 'thrive-desktop',
  audience: 'https://thrive-team.test/api',
};

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server that answers /v1/config, or, when `silent`, takes every request and never answers. */
async function serve(silent: boolean): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = http.createServer((_req, res) => {
    requests++;
    if (silent) return;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(CONFIG));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests };
}

describe("the device's HTTP client", () => {
  it('reads an answer given well within its timeout, request after request', async () => {
    const server = await serve(false);
    const client = createSyncHttp({ baseUrl: server.url, deviceId: 'device-1', timeoutMs: 200 });
    for (let i = 0; i < 5; i++) {
      expect(await client.config()).toMatchObject({ kind: 'ok', value: CONFIG });
      // The timer of an answered request never fires later and cuts the next one short.
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect(server.requests()).toBe(5);
  });

  it('takes a server that never answers for unreachable after its timeout, trying once more first', async () => {
    const server = await serve(true);
    const client = createSyncHttp({ baseUrl: server.url, deviceId: 'device-1', timeoutMs: 150 });
    const started = performance.now();
    expect(await client.config()).toMatchObject({ kind: 'offline' });
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
    expect(server.requests()).toBe(2);
  });

  it('stops at once when the app stops syncing (locking, quitting), without trying again', async () => {
    const server = await serve(true);
    const stop = new AbortController();
    const client = createSyncHttp({ baseUrl: server.url, deviceId: 'device-1', timeoutMs: 60_000, signal: stop.signal });
    const answer = client.config();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    stop.abort();
    expect(await answer).toMatchObject({ kind: 'offline' });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(server.requests()).toBe(1);
    // Already stopped: nothing is sent at all.
    expect(await client.config()).toMatchObject({ kind: 'offline' });
    expect(server.requests()).toBe(1);
  });
});
