/**
 * The writer the crash test kills (tests/robustness/crash.test.ts). Bundled by the test with esbuild
 * and run as its own Node process: it opens the real encrypted database through createAppServices (key
 * file), then records reviews through `invoke` in an endless loop, round-robin over the open cases that
 * have a plan, and prints "ack <reviewId>" only once `invoke` has returned ok — i.e. once the
 * transaction (review, ratings, criteria progress, Current View, audit entries) has committed.
 *
 * Usage: node crash-writer.cjs <dbPath> <keyFile> <today YYYY-MM-DD> [pauseMs]
 *
 * With pauseMs, it waits that long between reviews (the restore-during-use test,
 * tests/robustness/restore-during-use.test.ts, needs a writer that stays open but idle most of the
 * time, as the app is). A refused save is printed as "refused <error JSON>" and ends the process.
 */
import { writeSync } from 'node:fs';
import { fixedClock } from '../../shared/clock';
import type { IsoDate } from '../../shared/dates';
import type { CaseDetail } from '../../shared/ipc/types';
import { createAppServices } from '../../main/app-services';
import { reviewInput, reviewTargetOf } from './review-input';

const [dbPath, keyFile, today, pause] = process.argv.slice(2) as [string, string, IsoDate, string | undefined];
const pauseMs = Number(pause ?? 0);
if (!dbPath || !keyFile || !today) {
  writeSync(2, 'usage: crash-writer <dbPath> <keyFile> <today>\n');
  process.exit(2);
}

const services = createAppServices({ dbPath, keyFile, clock: fixedClock(today), log: (m) => writeSync(2, `log ${m}\n`) });

const caseIds = services.db
  .prepare("SELECT id FROM cases c WHERE status = 'open' AND EXISTS (SELECT 1 FROM plans p WHERE p.case_id = c.id) ORDER BY case_ref")
  .pluck()
  .all() as string[];
const targets = caseIds.map((caseId) => {
  const result = services.invoke('cases:get', { caseId });
  if (!result.ok) throw new Error(`cases:get ${caseId}: ${JSON.stringify(result.error)}`);
  return reviewTargetOf(result.value as CaseDetail);
});
if (targets.length === 0) {
  writeSync(2, 'no open cases with a plan to review\n');
  process.exit(3);
}

const versionOf = services.db.prepare('SELECT version FROM cases WHERE id = ?').pluck();

function recordOne(n: number): void {
  const target = targets[n % targets.length]!;
  const result = services.invoke('review:record', reviewInput(target, versionOf.get(target.caseId) as number, today, n, 'Crash-test review'));
  if (!result.ok) {
    writeSync(2, `refused ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  // Synchronous, so the line is in the pipe before the next write starts; never printed before commit.
  writeSync(1, `ack ${(result.value as { id: string }).id}\n`);
}

if (pauseMs > 0) {
  let n = 0;
  setInterval(() => recordOne(n++), pauseMs);
} else {
  for (let n = 0; ; n++) recordOne(n);
}
