/**
 * The writer the crash test kills (tests/robustness/crash.test.ts). Bundled by the test with esbuild
 * and run as its own Node process: it opens the real encrypted database through createAppServices (key
 * file), then records reviews through `invoke` in an endless loop, round-robin over the open cases that
 * have a plan, and prints "ack <reviewId>" only once `invoke` has returned ok — i.e. once the
 * transaction (review, ratings, criteria progress, Current View, audit entries) has committed.
 *
 * Usage: node crash-writer.cjs <dbPath> <keyFile> <today YYYY-MM-DD>
 */
import { writeSync } from 'node:fs';
import { fixedClock } from '../../shared/clock';
import { addDaysTo, type IsoDate } from '../../shared/dates';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../shared/domain/current-view';
import type { ArgsOf } from '../../shared/ipc/contract';
import type { CaseDetail } from '../../shared/ipc/types';
import { createAppServices } from '../../main/app-services';

const [dbPath, keyFile, today] = process.argv.slice(2) as [string, string, IsoDate];
if (!dbPath || !keyFile || !today) {
  writeSync(2, 'usage: crash-writer <dbPath> <keyFile> <today>\n');
  process.exit(2);
}

const services = createAppServices({ dbPath, keyFile, clock: fixedClock(today), log: (m) => writeSync(2, `log ${m}\n`) });

/** What a review of one case needs, read once: its goals and criteria in force do not change here. */
interface Target {
  caseId: string;
  goalIds: string[];
  criterionIds: string[];
}

function targetOf(detail: CaseDetail): Target {
  return {
    caseId: detail.summary.id,
    goalIds: detail.goals.filter((g) => g.status === 'active').map((g) => g.id),
    criterionIds: detail.criteria.filter((c) => c.retiredAt === null).map((c) => c.id),
  };
}

const caseIds = services.db
  .prepare("SELECT id FROM cases c WHERE status = 'open' AND EXISTS (SELECT 1 FROM plans p WHERE p.case_id = c.id) ORDER BY case_ref")
  .pluck()
  .all() as string[];
const targets = caseIds.map((caseId) => {
  const result = services.invoke('cases:get', { caseId });
  if (!result.ok) throw new Error(`cases:get ${caseId}: ${JSON.stringify(result.error)}`);
  return targetOf(result.value as CaseDetail);
});
if (targets.length === 0) {
  writeSync(2, 'no open cases with a plan to review\n');
  process.exit(3);
}

const versionOf = services.db.prepare('SELECT version FROM cases WHERE id = ?').pluck();
const ratings: CurrentViewRatings = {};
for (const item of CURRENT_VIEW_ITEMS) ratings[item.code] = item.scale === 'severity' ? 1 : 'no';
const nextReviewDate = addDaysTo(today, 42);

function reviewOf(target: Target, n: number): ArgsOf<'review:record'> {
  return {
    caseId: target.caseId,
    caseVersion: versionOf.get(target.caseId) as number,
    reviewDate: today,
    attendees: ['young_person', 'parent_carer'],
    otherAttendees: null,
    goalRatings: target.goalIds.map((goalId, i) => ({ goalId, score: (n + i) % 11 })),
    criteriaProgress: target.criterionIds.map((criterionId) => ({ criterionId, status: 'partly' as const })),
    currentView: { reason: 'changed_understanding', grouping: 'getting_help', ratings: { ...ratings, p9: n % 4 } as CurrentViewRatings },
    decision: 'continue',
    // Always given, so the "goal stuck" rule never refuses a review of ratings that happen not to move.
    explicitDiscussion: `Review ${n}: agreed to carry on with the plan.`,
    endingPlan: null,
    nextReviewDate,
    notes: `Crash-test review ${n}`,
  };
}

for (let n = 0; ; n++) {
  const target = targets[n % targets.length]!;
  const result = services.invoke('review:record', reviewOf(target, n));
  if (!result.ok) {
    writeSync(2, `refused ${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  // Synchronous, so the line is in the pipe before the next write starts; never printed before commit.
  writeSync(1, `ack ${(result.value as { id: string }).id}\n`);
}
