/**
 * Bad input never gets in and never crashes anything (docs/quality.md#bad-input): every
 * channel in CHANNEL_NAMES — whatever channels exist when this runs — is sent arbitrary payloads
 * through the real dispatch on a real encrypted database holding the demo caseload and a team-lead
 * profile. For every call:
 * - `invoke` returns an IpcResult and never throws; a refusal carries a named code (never 'internal')
 *   and a message;
 * - a payload the channel's schema rejects is refused as 'validation';
 * - a refused call writes nothing: every row of every table, the schema, and the files beside the
 *   database (backups, key store, set-aside copies) are as they were;
 * and after each channel's run the database passes quick_check and foreign_key_check and its audit
 * chain verifies. Each channel starts from its own copy of the seeded database, so one channel's
 * accepted writes (a new profile, a restored backup) cannot change what another is tested against.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { contract, type Channel } from '../../shared/ipc/contract';
import { createAppServices, type AppServices } from '../../main/app-services';
import { verifyAudit } from '../../main/db/verify-audit';
import { TEST_KEY, tempDir } from '../support/temp-db';
import { Fingerprint, REFUSAL_CODES, applyMutation, hostileValue, keyedObject, mutation, schemaKeys } from '../support/fuzz';
import { validPayload, type FuzzWorld } from '../support/valid-payloads';

const TODAY = '2026-11-22';
const DB_FILE = 'thrive.db';
const SEED = Number(process.env.THRIVE_FUZZ_SEED ?? 6_2026);

/** Fewer runs where one accepted call is a whole backup, restore, import or PDF. */
const RUNS: Partial<Record<Channel, number>> = {
  'backup:create': 15,
  'backup:restore': 30,
  'import:commit': 40,
  'team:supervisionPack': 30,
  'export:casePdf': 40,
  'export:caseloadFhir': 30,
  'demo:seed': 30,
};
const DEFAULT_RUNS = 100;

/**
 * Where the unchanged valid payload is refused by design in this headless session (createAppServices
 * with a key: the app lock belongs to the app's SecureSession), or because the seeded database already
 * has cases (demo:seed loads only into an empty one).
 */
const REFUSED_HERE: Partial<Record<Channel, string>> = {
  'lock:setup': 'forbidden',
  'lock:unlock': 'forbidden',
  'lock:lock': 'forbidden',
  'lock:changePassphrase': 'forbidden',
  'lock:recover': 'forbidden',
  'demo:seed': 'conflict',
  // Team sync runs in the app, not in a headless session (main/features/sync/handlers.ts).
  'sync:connect': 'forbidden',
  'sync:signIn': 'forbidden',
  'sync:signOut': 'forbidden',
  'sync:now': 'forbidden',
  'sync:resolve': 'forbidden',
  // Joining needs a signed-in team member (main/sync/join.ts): solo, it is refused and writes nothing.
  'sync:join': 'forbidden',
  'sync:retry': 'forbidden',
};

let template: string;

beforeAll(() => {
  template = mkdtempSync(join(tmpdir(), 'thrive-fuzz-'));
  const services = createAppServices({ dbPath: join(template, DB_FILE), key: TEST_KEY, create: true, clock: fixedClock(TODAY), log: () => {} });
  try {
    expect(services.invoke('profile:setup', { name: 'Dr Morgan Ellis', role: 'team_lead', teamName: 'CAMHS North' })).toMatchObject({ ok: true });
    expect(services.invoke('demo:seed', {})).toMatchObject({ ok: true });
  } finally {
    services.close();
  }
});

afterAll(() => rmSync(template, { recursive: true, force: true }));

/** A fresh copy of the seeded database in this test's own folder. */
function world(): { w: FuzzWorld; folder: string; logs: string[]; close: () => void } {
  const folder = tempDir();
  copyFileSync(join(template, DB_FILE), join(folder, DB_FILE));
  const logs: string[] = [];
  const services: AppServices = createAppServices({ dbPath: join(folder, DB_FILE), key: TEST_KEY, clock: fixedClock(TODAY), log: (m) => logs.push(m) });
  const profile = services.invoke('app:state', {});
  if (!profile.ok) throw new Error('app:state failed on the fuzz database');
  const me = (profile.value as { profile: { id: string; name: string; teamId: string } }).profile;
  let n = 0;
  return {
    w: { services, today: TODAY, profileId: me.id, profileName: me.name, teamId: me.teamId, serial: () => ++n },
    folder,
    logs,
    close: () => services.close(),
  };
}

function knownIds(w: FuzzWorld): string[] {
  const db = w.services.db;
  return [
    w.profileId,
    w.teamId,
    ...(db.prepare("SELECT id FROM cases ORDER BY status, case_ref LIMIT 3").pluck().all() as string[]),
    ...(db.prepare('SELECT id FROM goals LIMIT 2').pluck().all() as string[]),
    ...(db.prepare('SELECT id FROM reviews LIMIT 2').pluck().all() as string[]),
  ];
}

describe('every IPC channel under arbitrary payloads', () => {
  for (const channel of CHANNEL_NAMES) {
    it(channel, { timeout: 60_000 }, () => {
      const { w, folder, logs, close } = world();
      try {
        const schema = contract[channel].args;
        const keys = schemaKeys(schema);
        const takesNoArgs = keys !== null && keys.length === 0;
        const value = hostileValue(knownIds(w));
        // 'valid' cases are built at call time from the database as it then is (case versions move).
        // The builder's payload itself first: it must be accepted, so its mutations start from "valid".
        const first = w.services.invoke(channel, validPayload(channel, w, takesNoArgs));
        const expected = REFUSED_HERE[channel];
        if (expected) expect(first).toMatchObject({ ok: false, error: { code: expected } });
        else expect(first.ok, `the valid ${channel} payload was refused: ${JSON.stringify(first)}`).toBe(true);

        const payload = fc.oneof(
          { weight: 1, arbitrary: fc.record({ from: fc.constant('anything' as const), value: fc.anything() }) },
          { weight: 1, arbitrary: fc.record({ from: fc.constant('keyed' as const), value: keyedObject(keys ?? [], value) }) },
          { weight: 2, arbitrary: fc.record({ from: fc.constant('valid' as const), value: mutation(value) }) },
        );
        const fingerprint = new Fingerprint(() => w.services.db, folder, DB_FILE);
        const tally = { accepted: 0, refused: 0 };

        fc.assert(
          fc.property(payload, (p) => {
            const args = p.from === 'valid' ? applyMutation(validPayload(channel, w, takesNoArgs), p.value) : p.value;
            const before = fingerprint.take();
            let result: ReturnType<AppServices['invoke']>;
            try {
              result = w.services.invoke(channel, args);
            } catch (error) {
              return expect.fail(`${channel} threw instead of answering: ${String(error)}`);
            }
            if (result.ok) {
              tally.accepted++;
              expect(result).toHaveProperty('value');
            } else {
              tally.refused++;
              expect(REFUSAL_CODES, JSON.stringify(result.error)).toContain(result.error.code);
              expect(result.error.message.length).toBeGreaterThan(0);
              expect(fingerprint.take(), `${channel} refused (${result.error.code}) but wrote`).toEqual(before);
            }
            if (!schema.safeParse(args).success) expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
          }),
          { numRuns: RUNS[channel] ?? DEFAULT_RUNS, seed: SEED },
        );

        const db = w.services.db;
        expect(db.pragma('quick_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        // The chain, its anchor, and every record as the trail says the app wrote it (main/db/verify-audit.ts).
        expect(verifyAudit(db)).toMatchObject({ ok: true, records: [] });
        expect(logs.filter((l) => / failed: /.test(l))).toEqual([]);
        console.info(`${channel}: ${tally.accepted} accepted, ${tally.refused} refused`);
      } finally {
        close();
      }
    });
  }
});
