/**
 * The audit chain's head, anchored outside the database file. The chain inside the file shows an
 * entry changed or removed in the middle, but not its last entries removed, nor an entry edited and
 * every later hash recomputed: the file alone is consistent again. A small file beside the database
 * (thrive.db.audit-anchor) says "the chain held entry N with hash H", with an HMAC under a key derived
 * from the data key, so it cannot be written without that key.
 *
 * It is updated after each committed write that appended to the trail, in place and without fsync: a
 * save must stay well under 5 ms (docs/performance.md), and writing a new file and renaming it over the
 * old one cost 1.4 ms a save on ext4 (which flushes a file renamed over another), against 0.2 ms here.
 * The file has two fixed slots, written alternately (by the entry number's parity), so a write torn by
 * a crash spoils only the slot being written and the other still holds the anchor before it. A crash
 * between the commit and the update leaves the anchor an entry or two behind, which is still true
 * ("at least entry N"), so it never raises a false alarm; what it then cannot see is the loss of the
 * entries after N. What it does and does not protect against is in docs/security-hardening.md.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import { appendAudit, takeAppended } from './repos/audit';
import { hasUntakenWrites, trackWrites } from './row-digests';
import { setWriteHooks, stmt, type Db } from './sql';

/** Kept in main/backup/files.ts's DATABASE_FILE_SUFFIXES, so a restore moves it with its database. */
export const AUDIT_ANCHOR_SUFFIX = '.audit-anchor';
/** Bytes per slot: an anchor's JSON is about 300, padded with spaces to a whole sector. */
const SLOT = 512;

export interface AnchorHead {
  seq: number;
  hash: string;
}

interface AnchorFile extends AnchorHead {
  format: 'thrive-audit-anchor';
  version: 1;
  /**
   * How many entries the trail held when this anchor started, and when (0: from the trail's start). An
   * anchor started again (its file lost, the database restored) shows here: entries before it are
   * vouched for by the chain alone.
   */
  startedAtSeq: number;
  startedAt: string;
  mac: string;
}

export type AnchorRead = { state: 'missing' } | { state: 'invalid'; problem: string } | { state: 'ok'; anchor: AnchorFile };

interface AnchorState {
  /** null for an in-memory database: its rows are still tracked, but there is nowhere to anchor. */
  file: string | null;
  macKey: Buffer;
  startedAtSeq: number;
  startedAt: string;
  /** Why the anchor is not moved on: it disagreed with the trail at open, and is kept as the evidence. */
  broken: string | null;
}

const states = new WeakMap<Db, AnchorState>();

export function anchorPathFor(dbPath: string): string {
  return `${dbPath}${AUDIT_ANCHOR_SUFFIX}`;
}

function macKeyFor(dataKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(dataKey, 'hex'), Buffer.alloc(0), 'THRIVE Plans audit anchor v1', 32));
}

function macOf(key: Buffer, a: Omit<AnchorFile, 'mac' | 'format' | 'version'>): string {
  return createHmac('sha256', key).update(JSON.stringify(['thrive-audit-anchor', 1, a.seq, a.hash, a.startedAtSeq, a.startedAt])).digest('hex');
}

/** One slot's anchor if it parses and its HMAC is right; null for an empty, torn or forged slot. */
function slotAnchor(bytes: Buffer, macKey: Buffer): AnchorFile | null {
  let a: AnchorFile;
  try {
    a = JSON.parse(bytes.toString('utf8')) as AnchorFile;
  } catch {
    return null;
  }
  const expected = Buffer.from(macOf(macKey, a), 'utf8');
  const given = Buffer.from(String(a.mac), 'utf8');
  if (a.format !== 'thrive-audit-anchor' || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return a;
}

function readAnchor(file: string, macKey: Buffer): AnchorRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  const valid = [slotAnchor(bytes.subarray(0, SLOT), macKey), slotAnchor(bytes.subarray(SLOT, 2 * SLOT), macKey)].filter((a) => a !== null);
  if (valid.length === 0) {
    return { state: 'invalid', problem: `the anchor ${file} was not written with this database's key (changed, or copied from another database)` };
  }
  return { state: 'ok', anchor: valid.reduce((a, b) => (b.seq > a.seq ? b : a)) };
}

export function auditHead(db: Db): AnchorHead | null {
  return stmt<[], AnchorHead>(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() ?? null;
}

/** What is wrong with the trail given the anchor ("it held at least entry N with hash H"), or null. */
export function compareWithAnchor(db: Db, anchor: AnchorHead): string | null {
  const row = stmt<[number], { hash: string }>(db, 'SELECT hash FROM audit_log WHERE seq = ?').get(anchor.seq);
  if (!row) {
    const last = auditHead(db)?.seq ?? 0;
    if (last < anchor.seq) return `the trail ends at entry ${last}, but it held at least ${anchor.seq} entries: entries were removed from its end`;
    return `entry ${anchor.seq}, which the trail held, is missing`;
  }
  if (row.hash !== anchor.hash) return `entry ${anchor.seq} is not the entry the trail held: the trail was rewritten (its hashes recomputed)`;
  return null;
}

function writeAnchor(state: AnchorState, head: AnchorHead): void {
  const body = { seq: head.seq, hash: head.hash, startedAtSeq: state.startedAtSeq, startedAt: state.startedAt };
  const file: AnchorFile = { format: 'thrive-audit-anchor', version: 1, ...body, mac: macOf(state.macKey, body) };
  if (!state.file) return;
  const text = JSON.stringify(file);
  if (text.length >= SLOT) throw new Error(`audit anchor larger than its slot (${text.length} bytes)`);
  const slot = Buffer.from(`${text.padEnd(SLOT - 1)}\n`, 'utf8');
  const fd = openSync(state.file, constants.O_WRONLY | constants.O_CREAT, 0o600);
  try {
    writeSync(fd, slot, 0, SLOT, (head.seq % 2) * SLOT);
  } finally {
    closeSync(fd);
  }
}

export type AnchorCheck =
  | { state: 'none' }
  | { state: 'missing'; file: string }
  | { state: 'ok'; file: string; seq: number; startedAtSeq: number; startedAt: string }
  | { state: 'broken'; file: string; problem: string };

/**
 * The trail against its anchor as the file says now (another process may have moved it on since this
 * connection opened). 'none': an in-memory or read-only connection, which has no anchor to check.
 */
export function checkAnchor(db: Db): AnchorCheck {
  const s = states.get(db);
  if (!s?.file) return { state: 'none' };
  const read = readAnchor(s.file, s.macKey);
  if (read.state === 'missing') return { state: 'missing', file: s.file };
  if (read.state === 'invalid') return { state: 'broken', file: s.file, problem: read.problem };
  const problem = compareWithAnchor(db, read.anchor);
  if (problem) return { state: 'broken', file: s.file, problem };
  return { state: 'ok', file: s.file, seq: read.anchor.seq, startedAtSeq: read.anchor.startedAtSeq, startedAt: read.anchor.startedAt };
}

/**
 * At open, on a writable connection: starts tracking the rows each write leaves, checks the anchor
 * against the trail and keeps it moving with each write. An anchor that disagrees is never overwritten
 * (it is the evidence verify-audit reports); a missing one starts again at the current head.
 */
export function anchorAuditTrail(db: Db, dbPath: string | null, dataKey: string, now: () => string): void {
  trackWrites(db);
  const state: AnchorState = { file: dbPath ? anchorPathFor(dbPath) : null, macKey: macKeyFor(dataKey), startedAtSeq: 0, startedAt: now(), broken: null };
  const read: AnchorRead = state.file ? readAnchor(state.file, state.macKey) : { state: 'missing' };
  const head = auditHead(db);
  if (read.state === 'invalid') state.broken = read.problem;
  else if (read.state === 'ok') {
    state.startedAtSeq = read.anchor.startedAtSeq;
    state.startedAt = read.anchor.startedAt;
    state.broken = compareWithAnchor(db, read.anchor);
    if (!state.broken && head && head.seq > read.anchor.seq) writeAnchor(state, head);
  } else if (head) {
    state.startedAtSeq = head.seq;
    writeAnchor(state, head);
  }
  states.set(db, state);
  setWriteHooks(db, {
    beforeCommit() {
      // Rows written after the write's last audit entry (or by a write that records none) are still
      // put in the trail, so the records always match it.
      if (hasUntakenWrites(db)) {
        appendAudit(db, { at: now(), actorId: 'system', action: 'records.write', entity: 'records', entityId: 'rows' });
      }
    },
    afterCommit() {
      if (!takeAppended(db) || state.broken) return;
      const latest = auditHead(db);
      if (!latest) return;
      try {
        writeAnchor(state, latest);
      } catch {
        // The write is committed; a failed anchor update leaves it behind, which is never a false alarm.
      }
    },
  });
}
