/**
 * The process tests/sync/pull-crash.test.ts kills: it applies pulled batches to a device's file in an
 * endless loop, the same cases alternating between two versions, and prints "ack <round>" once
 * applyPulled has returned (its transaction committed). Round n carries version n of every case and the
 * cursor "r<n>"; a restart continues from the cursor the file holds.
 *
 * Usage: node pull-crash-writer.cjs <dbPath> <key> <changesFile>
 */
import { readFileSync, writeSync } from 'node:fs';
import { openDatabase } from '../../main/db/open';
import { applyPulled, getSyncState } from '../../main/sync/store';
import { fixedClock } from '../../shared/clock';
import type { CaseDocument, Change } from '../../shared/sync/protocol';

export interface CrashPlan {
  teamId: string;
  authorId: string;
  authorName: string;
  /** Per case: the document of odd rounds, then of even rounds. */
  pairs: Array<[CaseDocument, CaseDocument]>;
}

const [dbPath, key, planFile] = process.argv.slice(2) as [string, string, string];
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as CrashPlan;
const db = openDatabase({ path: dbPath, key });
const clock = fixedClock('2027-01-11');

let round = Number((getSyncState(db, 'cursor') ?? 'r0').slice(1));
for (;;) {
  round++;
  const changes: Change[] = plan.pairs.map(([odd, even], j) => ({
    seq: round * 100 + j,
    teamId: plan.teamId,
    caseId: odd.caseId,
    version: round,
    authorId: plan.authorId,
    authorName: plan.authorName,
    deviceId: 'device-ana',
    at: '2027-01-11T12:00:00.000Z',
    document: round % 2 === 1 ? odd : even,
  }));
  applyPulled(db, clock, changes, `r${round}`, '2027-01-11T12:00:00.000Z');
  writeSync(1, `ack ${round}\n`);
}
