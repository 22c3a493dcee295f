/**
 * The real team server (server/app.ts buildServer, a thrive_api pool, the jose token verifier against
 * the local provider's JWKS) in its own worker thread, as it runs in its own process when deployed: the
 * simulated devices' requests and the bench's timing then never queue on the server's event loop. It
 * listens on 127.0.0.1:0; the bench reaches it over real HTTP. One route is added for the floor of a
 * pull: GET /bench/ping, the least a request to this server can cost (no token, no database).
 */
import { once } from 'node:events';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { buildServer } from '../../server/app';
import { createTokenVerifier } from '../../server/auth/verify-token';
import { loadServerId } from '../../server/db/people';
import { createApiPool } from '../../server/db/with-person';

export interface ServerThreadConfig {
  role: 'team-server';
  apiUrl: string;
  issuer: string;
  jwksUri: string;
  audience: string;
  clientId: string;
}

export interface ServerThread {
  url: string;
  serverId: string;
  stop(): Promise<void>;
}

export const isServerThread = (): boolean => (workerData as ServerThreadConfig | undefined)?.role === 'team-server';

/** Runs in the worker: start, say where, and close when told. */
export async function runServerThread(): Promise<void> {
  const c = workerData as ServerThreadConfig;
  const pool = createApiPool(c.apiUrl);
  const verifyToken = createTokenVerifier({ issuer: c.issuer, audience: c.audience, jwksUri: c.jwksUri });
  const serverId = await loadServerId(pool);
  const clock = { now: () => new Date().toISOString(), today: () => new Date().toISOString().slice(0, 10) };
  const app = buildServer({ pool, verifyToken, serverId, clock, config: { issuer: c.issuer, clientId: c.clientId, audience: c.audience } });
  app.get('/bench/ping', async () => ({ ok: true }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  parentPort!.postMessage({ url, serverId });
  parentPort!.once('message', () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => parentPort!.postMessage({ stopped: true }));
  });
}

/** Starts the server thread from this same bundle (the bench file checks isServerThread first). */
export async function startServerThread(config: Omit<ServerThreadConfig, 'role'>): Promise<ServerThread> {
  const worker = new Worker(__filename, { workerData: { ...config, role: 'team-server' }, execArgv: ['--enable-source-maps'] });
  const failed = once(worker, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const [ready] = (await Promise.race([once(worker, 'message'), failed])) as [{ url: string; serverId: string }];
  return {
    url: ready.url,
    serverId: ready.serverId,
    async stop() {
      worker.postMessage('stop');
      await Promise.race([once(worker, 'message'), new Promise((r) => setTimeout(r, 5_000))]);
      await worker.terminate();
    },
  };
}
