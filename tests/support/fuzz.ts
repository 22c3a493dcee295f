/**
 * What the channel fuzzer needs besides the payload builders: arbitraries (anything, the channel's own
 * keys with hostile values, one-field mutations of a valid payload), a cheap exact "was anything
 * written?" fingerprint, and the refusal codes a channel may answer with.
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';
import type { ErrorCode } from '../../shared/ipc/result';
import type { Db } from '../../main/db/sql';

/**
 * Every code but those that mean "broken": a crash inside ('internal'), a known channel not found, or a
 * storage fault ('storage': the fuzzer's disk is healthy, so one would be a fault misnamed).
 */
export const REFUSAL_CODES = ['validation', 'not_found', 'conflict', 'read_only', 'forbidden', 'locked', 'wrong_passphrase', 'database_replaced'] as const;
type Refusal = (typeof REFUSAL_CODES)[number];
// Compile-time: a new ErrorCode must be placed here (a refusal, or not) before this suite compiles.
type _Unplaced = Exclude<ErrorCode, Refusal | 'internal' | 'unknown_channel' | 'storage'>;
const _allPlaced: [_Unplaced] extends [never] ? true : never = true;
void _allPlaced;

interface ZodDefLike {
  type: string;
  shape?: Record<string, unknown>;
  in?: unknown;
  innerType?: unknown;
}

/** The top-level keys of a channel's argument object, looking through pipes, defaults and refinements. */
export function schemaKeys(schema: z.ZodType): string[] | null {
  const def = (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'pipe' && def.in) return schemaKeys(def.in as z.ZodType);
  if (def.innerType) return schemaKeys(def.innerType as z.ZodType);
  return null;
}

/** Values that have broken parsers before: wrong types, edge numbers, impossible dates, injection text. */
const HOSTILE = [
  null,
  undefined,
  '',
  ' ',
  '\u0000',
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '30/02/2026',
  "'; DROP TABLE cases; --",
  '=HYPERLINK("http://x")',
  '../../../etc/passwd',
  'thrive-backup-20260101-000000.db',
  '01900000-0000-7000-8000-000000000000',
  'x'.repeat(5000),
  [],
  {},
  [null],
  // An own key called __proto__, as JSON.parse (and structured clone) can deliver it.
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
];

export function hostileValue(knownIds: readonly string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.anything() },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 1, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  );
}

/** An object with (some of) the channel's own keys, each holding anything, and sometimes an extra key. */
export function keyedObject(keys: readonly string[], value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const own = keys.length > 0 ? fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length }) : fc.constant({});
  return fc.tuple(own, fc.option(fc.tuple(fc.string({ maxLength: 12 }), value), { nil: undefined })).map(([o, extra]) =>
    extra ? { ...(o as object), [extra[0]]: extra[1] } : o,
  );
}

export interface Mutation {
  kind: 'none' | 'replace' | 'delete' | 'extra';
  /** Which path of the valid payload (modulo how many it has). */
  pick: number;
  value: unknown;
  extraKey: string;
}

export function mutation(value: fc.Arbitrary<unknown>): fc.Arbitrary<Mutation> {
  return fc.record({
    kind: fc.constantFrom<Mutation['kind']>('none', 'replace', 'replace', 'replace', 'delete', 'extra'),
    pick: fc.nat(),
    value,
    extraKey: fc.string({ minLength: 1, maxLength: 10 }),
  });
}

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = [], depth = 0): Path[] {
  if (value === null || typeof value !== 'object' || depth > 4) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...pathsOf(v, [...prefix, k], depth + 1)]);
}

/** The valid payload with one change: a field replaced, removed, or an unknown field added. */
export function applyMutation(valid: unknown, m: Mutation): unknown {
  if (m.kind === 'none' || valid === null || typeof valid !== 'object') return valid;
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  const paths = pathsOf(copy);
  if (m.kind === 'extra') {
    const holders = [[], ...paths].filter((p) => {
      const target = p.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy);
      return target !== null && typeof target === 'object' && !Array.isArray(target);
    });
    const at = holders[m.pick % holders.length]!;
    const target = at.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string, unknown>;
    target[m.extraKey] = m.value;
    return copy;
  }
  if (paths.length === 0) return m.kind === 'replace' ? m.value : copy;
  const path = paths[m.pick % paths.length]!;
  const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.kind === 'replace') parent[last] = m.value;
  else if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete parent[last];
  return copy;
}

/**
 * Exact "nothing written" check at low cost: SQLite's total_changes() on the one connection only moves
 * when a row is inserted, updated or deleted, so while it stands still the content digest (every row of
 * every table, the schema and user_version) is reused. When it has moved on a refused call (a handler
 * that wrote and rolled back), the digest decides. Files beside the database (backups, set-aside
 * copies, key store, status) are compared by name, size and modification time.
 */
export class Fingerprint {
  private cached: { db: Db; changes: number; digest: string } | null = null;

  constructor(
    private readonly db: () => Db,
    private readonly folder: string,
    private readonly dbFileName: string,
  ) {}

  take(): { digest: string; files: string[] } {
    return { digest: this.digest(), files: this.files() };
  }

  private digest(): string {
    const db = this.db();
    const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
    if (this.cached && this.cached.db === db && this.cached.changes === changes) return this.cached.digest;
    const hash = createHash('sha256');
    hash.update(String(db.pragma('user_version', { simple: true })));
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").raw().all() as Array<[string, string | null]>;
    for (const [name, sql] of tables) {
      hash.update(`${name}\u0000${sql ?? ''}\u0000`);
      if (sql?.startsWith('CREATE TABLE')) {
        for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate()) hash.update(JSON.stringify(row));
      }
    }
    const digest = hash.digest('hex');
    this.cached = { db, changes, digest };
    return digest;
  }

  private files(dir = this.folder, prefix = ''): string[] {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => !(prefix === '' && [this.dbFileName, `${this.dbFileName}-wal`, `${this.dbFileName}-shm`].includes(e.name)))
      .flatMap((e) => {
        const path = join(dir, e.name);
        if (e.isDirectory()) return this.files(path, `${prefix}${e.name}/`);
        const s = statSync(path);
        return [`${prefix}${e.name} ${s.size} ${s.mtimeMs}`];
      })
      .sort();
  }
}
