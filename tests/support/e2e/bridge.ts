/**
 * TEST-ONLY transport: the real main-process handlers over loopback HTTP, so the built renderer can
 * run in Chromium without Electron. Never imported by main/ and never packaged (electron-builder
 * packs dist/ only). It still behaves like something that holds records: loopback only, a random
 * port, a random bearer token compared in constant time, CORS for the preview origin only, a Host
 * check against DNS rebinding, and a body size limit.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIsoDate, type IsoDate } from '../../../shared/dates';
import type { IpcResult } from '../../../shared/ipc/result';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BridgeOptions {
  /** The handlers, exactly as ipcMain calls them. */
  invoke(channel: string, rawArgs: unknown): IpcResult<unknown> | Promise<IpcResult<unknown>>;
  /** Moves the app's "today" (a fixedClock's set). */
  setToday(day: IsoDate): void;
  /** The only origin whose pages may call the bridge (the vite preview server). */
  allowedOrigin: string;
}

export interface Bridge {
  url: string;
  token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function tokenMatches(header: string | undefined, token: Buffer): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '', 'utf8');
  // timingSafeEqual needs equal lengths; compare against itself first so the timing does not
  // depend on where a wrong token differs.
  if (presented.length !== token.length) {
    timingSafeEqual(token, token);
    return false;
  }
  return timingSafeEqual(presented, token);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new HttpError(413, 'body too large'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new HttpError(413, 'body too large'));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function parseJson(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, 'body is not JSON');
  }
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const tokenText = randomBytes(32).toString('hex');
  const token = Buffer.from(tokenText, 'utf8');
  let expectedHost = '';

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    return req.headers.origin === options.allowedOrigin
      ? { 'Access-Control-Allow-Origin': options.allowedOrigin, Vary: 'Origin' }
      : { Vary: 'Origin' };
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, payload: unknown): void {
    const body = JSON.stringify(payload);
    res.writeHead(status, {
      ...corsHeaders(req),
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    res.end(body);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.headers.host !== expectedHost) throw new HttpError(421, 'wrong host');
    const origin = req.headers.origin;
    // Browsers always send Origin on a cross-origin fetch; the test process itself sends none.
    if (origin !== undefined && origin !== options.allowedOrigin) throw new HttpError(403, 'origin not allowed');

    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...corsHeaders(req),
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'authorization, content-type',
        'Access-Control-Max-Age': '600',
      });
      res.end();
      return;
    }
    if (req.method !== 'POST') throw new HttpError(405, 'POST only');
    if (!tokenMatches(req.headers.authorization, token)) throw new HttpError(401, 'bad token');

    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    const body = parseJson(await readBody(req));

    if (path === '/__test/today') {
      const today = (body as { today?: unknown } | undefined)?.today;
      if (!isIsoDate(today)) throw new HttpError(400, 'today must be YYYY-MM-DD');
      options.setToday(today);
      send(req, res, 200, { ok: true, value: { today } });
      return;
    }
    const invoke = /^\/invoke\/([^/]+)$/.exec(path);
    if (invoke?.[1]) {
      // Unknown channels are the dispatcher's to refuse (`unknown_channel`), as over IPC.
      send(req, res, 200, await options.invoke(decodeURIComponent(invoke[1]), body));
      return;
    }
    throw new HttpError(404, 'not found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      const message = error instanceof Error ? error.message : 'error';
      if (!res.headersSent) send(req, res, status, { ok: false, error: { code: 'internal', message } });
      else res.destroy();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;

  return {
    url: `http://${expectedHost}`,
    token: tokenText,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
