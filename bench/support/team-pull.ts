/**
 * Figures 2 and 3 of the team-server bench: a team lead's first sync into an empty device, and an
 * incremental pull with nothing new. The device is a real encrypted SQLite file opened as the app opens
 * it (createAppServices) with the real sync engine (main/sync/engine.ts) and HTTP client
 * (main/sync/http-client.ts); only the sign-in is replaced by the token of a real sign-in made earlier.
 * Floors: the same change-log rows read with one SELECT over one connection; the same documents applied
 * to another empty device with no network (main/sync/store.ts applyPulled, batch by batch); a round trip
 * to the server's trivial route (GET /bench/ping).
 */
import path from 'node:path';
import type pg from 'pg';
import { createAppServices, type AppServices } from '../../main/app-services';
import { createSyncEngine, type SyncEngine } from '../../main/sync/engine';
import { DEFAULT_PULL_LIMIT } from '../../main/sync/engine-round';
import { deviceIdOf } from '../../main/sync/sync-state';
import { createSyncHttp, type SyncHttp } from '../../main/sync/http-client';
import { applyDirectory, applyPulled, getSyncState } from '../../main/sync/store';
import { fixedClock } from '../../shared/clock';
import { DEVICE_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, type Change } from '../../shared/sync/protocol';
import { BENCH_KEY, BENCH_TODAY } from './scale-db';
import type { Member } from './team-world';

export interface FirstSync {
  /** The engine's whole first round: config, directory, every page pulled and applied. */
  syncMs: number;
  casesOnDevice: number;
  changes: number;
  /** Floor: the same change-log rows, one SELECT, one connection (pg parsing the jsonb). */
  selectMs: number;
  /** Floor: the same pages applied to another empty device with no network. */
  applyMs: number;
  /** The cursor the device holds after its first sync (for the incremental pull). */
  cursor: string;
}

const noTimers = { setTimeout: () => null, clearTimeout: () => undefined };

function openDevice(dir: string, name: string, sync?: (db: () => AppServices['db']) => SyncEngine): AppServices {
  const clock = fixedClock(BENCH_TODAY);
  return createAppServices({
    dbPath: path.join(dir, `${name}.db`),
    key: BENCH_KEY,
    create: true,
    clock,
    log: () => undefined,
    ...(sync ? { sync: (open: { db: () => AppServices['db'] }) => sync(open.db) } : {}),
  });
}

/** The lead's device: the app's engine, signed in with the token of a real sign-in. */
function leadDevice(dir: string, name: string, lead: Member): { services: AppServices; engine: SyncEngine } {
  let engine: SyncEngine | undefined;
  const clock = fixedClock(BENCH_TODAY);
  const services = openDevice(dir, name, (db) => {
    const deviceId = () => deviceIdOf(db(), clock.now());
    engine = createSyncEngine({
      db,
      clock,
      deviceId,
      http: (url, signal) => createSyncHttp({ baseUrl: url, deviceId: deviceId(), signal, timeoutMs: 60_000 }),
      auth: { getAccessToken: async () => lead.token, isSignedIn: () => true, signIn: async () => undefined, signOut: async () => undefined },
      timers: noTimers,
      log: (message) => console.log(`lead device: ${message}`),
    });
    return engine;
  });
  return { services, engine: engine! };
}

const count = (services: AppServices, sql: string): number => services.db.prepare(sql).pluck().get() as number;

/** Every page the server sends the lead from the start, untimed (for the apply floor). */
async function allPages(http: SyncHttp, token: string): Promise<Array<{ changes: Change[]; cursor: string; asOf: string }>> {
  const pages: Array<{ changes: Change[]; cursor: string; asOf: string }> = [];
  let cursor: string | null = null;
  for (;;) {
    // The engine's own page size, so the floor applies the same batches the engine applied.
    const page = await http.pull(token, cursor, DEFAULT_PULL_LIMIT);
    if (page.kind !== 'ok') throw new Error(`pull for the apply floor: ${page.kind}`);
    pages.push({ changes: page.value.changes, cursor: page.value.cursor, asOf: page.value.asOf });
    cursor = page.value.cursor;
    if (!page.value.more) return pages;
  }
}

export async function firstSync(dir: string, label: string, baseUrl: string, lead: Member, owner: pg.ClientBase, teamId: string): Promise<FirstSync> {
  const { services, engine } = leadDevice(dir, `lead-${label}`, lead);
  try {
    await engine.connect(baseUrl);
    const started = performance.now();
    const status = await engine.syncOnce();
    const syncMs = performance.now() - started;
    if (status.state !== 'up_to_date') throw new Error(`the first sync ended ${status.state}: ${status.message ?? ''}`);
    const changes = count(services, `SELECT count(*) FROM audit_log WHERE action = 'sync.receive'`);
    const casesOnDevice = count(services, 'SELECT count(*) FROM cases');
    const cursor = getSyncState(services.db, 'cursor')!;

    const t = performance.now();
    const { rows } = await owner.query(
      `SELECT c.seq, c.team_id, c.case_id, c.version, c.author_id, coalesce(p.name, '') AS author_name, c.device_id, c.at, c.document
         FROM change_log c LEFT JOIN people p ON p.id = c.author_id WHERE c.team_id = $1 ORDER BY c.seq`,
      [teamId],
    );
    const selectMs = performance.now() - t;
    if (rows.length !== changes) throw new Error(`the floor SELECT read ${rows.length} rows, the device applied ${changes}`);

    const applyMs = await applyFloor(dir, label, baseUrl, lead);
    return { syncMs, casesOnDevice, changes, selectMs, applyMs, cursor };
  } finally {
    services.close();
  }
}

async function applyFloor(dir: string, label: string, baseUrl: string, lead: Member): Promise<number> {
  const http = createSyncHttp({ baseUrl, deviceId: 'bench-apply-floor', timeoutMs: 60_000 });
  const me = await http.me(lead.token);
  if (me.kind !== 'ok') throw new Error(`me for the apply floor: ${me.kind}`);
  const pages = await allPages(http, lead.token);
  const device = openDevice(dir, `apply-${label}`);
  const clock = fixedClock(BENCH_TODAY);
  try {
    const t = performance.now();
    applyDirectory(device.db, clock, me.value);
    for (const page of pages) applyPulled(device.db, clock, page.changes, page.cursor, page.asOf);
    return performance.now() - t;
  } finally {
    device.close();
  }
}

export interface PullTimes {
  pullMs: number[];
  pingMs: number[];
}

/** An incremental pull with nothing new (the device's own HTTP client) against the trivial route, interleaved. */
export async function incrementalPulls(baseUrl: string, lead: Member, cursor: string, runs: number): Promise<PullTimes> {
  const http = createSyncHttp({ baseUrl, deviceId: 'bench-lead-device' });
  const headers = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), [DEVICE_HEADER]: 'bench-lead-device', accept: 'application/json' };
  const pull = async () => {
    const page = await http.pull(lead.token, cursor, 200);
    if (page.kind !== 'ok' || page.value.changes.length !== 0) throw new Error(`an incremental pull found ${page.kind === 'ok' ? page.value.changes.length : page.kind}`);
  };
  const ping = async () => {
    const response = await fetch(`${baseUrl}/bench/ping`, { headers });
    JSON.parse(await response.text());
  };
  for (let i = 0; i < 20; i++) {
    await pull();
    await ping();
  }
  const out: PullTimes = { pullMs: [], pingMs: [] };
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await pull();
    out.pullMs.push(performance.now() - t);
    t = performance.now();
    await ping();
    out.pingMs.push(performance.now() - t);
  }
  return out;
}
