/**
 * Realistic rows written with plain SQL as each earlier schema version held them, for the upgrade
 * tests: a team, two clinicians, the profile and settings, a young person with an open case (Current
 * View, plan, goals, criteria, ratings, a review) and a closed earlier episode (with its ending), a
 * draft, and an audit trail whose hash chain verifies. When a migration changes a table, the versions
 * before it get their own fixture here; upgrade.test.ts refuses to run without one per earlier version.
 */
import { appendAuditBaseline } from '../../main/db/audit-baseline';
import type { Db } from '../../main/db/sql';
import { auditHash, GENESIS_HASH } from '../../main/db/repos/audit';
import { recordEndingOutcome } from '../../main/db/repos/outcomes';
import { ratings } from './test-app';

/** A name that must never appear in plaintext in any file. */
export const FIXTURE_NAME = 'Persephone Ashdown-Wilde';

const T = '2026-06-01T09:00:00.000Z';
const id = (n: number) => `01970000-0000-7000-8000-${String(n).padStart(12, '0')}`;
export const FIXTURE_IDS = { team: id(1), lead: id(2), colleague: id(3), youngPerson: id(4), closedCase: id(5), openCase: id(6) };

function schema10(db: Db): void {
  const { team, lead, colleague, youngPerson, closedCase, openCase } = FIXTURE_IDS;
  const cv = JSON.stringify(ratings());
  const sdm = JSON.stringify({
    participants: ['young_person', 'parent_carer'],
    otherParticipants: null,
    optionsConsidered: 'CBT-informed sessions',
    decisionAid: null,
    collaborate: { understand: 8, listen: 9, include: 7 },
  });
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run('INSERT INTO teams VALUES (?, ?, ?)', team, 'CAMHS East', T);
  run('INSERT INTO clinicians VALUES (?, ?, ?, ?, ?)', lead, 'Dr Priya Shah', 'team_lead', team, T);
  run('INSERT INTO clinicians VALUES (?, ?, ?, ?, ?)', colleague, 'Tom Okafor', 'clinician', team, T);
  run('INSERT INTO settings VALUES (?, ?, ?)', 'profileClinicianId', JSON.stringify(lead), T);
  run('INSERT INTO settings VALUES (?, ?, ?)', 'settings', JSON.stringify({ reviewIntervalWeeks: 8 }), T);
  run('INSERT INTO young_people VALUES (?, ?, ?, ?, ?, ?)', youngPerson, FIXTURE_NAME, '2011-03-09', '9434765919', T, T);

  // The first episode: opened, planned, ended.
  run(
    `INSERT INTO cases (id, case_ref, episode_no, young_person_id, referral_date, open_date, closed_date, status, lead_clinician_id,
       team_id, coordinating_agency, grouping, target_date, plan_complete, version, created_at, updated_at)
     VALUES (?, 'RIO-77', 1, ?, '2025-09-01', '2025-09-15', '2026-03-02', 'closed', ?, ?, 'CAMHS', 'thriving', '2026-02-15', 1, 6, ?, ?)`,
    closedCase, youngPerson, colleague, team, T, T,
  );
  run(`INSERT INTO current_views VALUES (?, ?, 'open', NULL, NULL, '2025-09-15', 'first_contact', 'getting_help', ?, ?, ?)`, id(10), closedCase, cv, colleague, T);
  run(
    `INSERT INTO plans VALUES (?, ?, 1, NULL, '2025-09-22', 'getting_help', 'Back at school most days', 'likely', NULL, '2026-02-15',
       'Group programme', '2025-11-17', NULL, ?, NULL, NULL, ?, ?)`,
    id(11), closedCase, sdm, T, colleague,
  );
  run(`INSERT INTO ending_criteria VALUES (?, ?, ?, 1, 'Attending school four days a week', NULL, NULL, ?)`, id(12), closedCase, id(11), T);
  run(`INSERT INTO goals VALUES (?, ?, ?, 1, 'Go to school without feeling sick', 'achieved', NULL, '2025-09-22', '2026-03-02', ?, ?)`, id(13), closedCase, id(11), T, colleague);
  run(`INSERT INTO goal_ratings VALUES (?, ?, '2025-09-22', 2, 'plan', NULL, NULL, ?, ?)`, id(14), id(13), T, colleague);
  run(`INSERT INTO current_views VALUES (?, ?, 'close', NULL, ?, '2026-03-02', 'changed_situation', 'thriving', ?, ?, ?)`, id(15), closedCase, id(16), cv, colleague, T);
  run(
    `INSERT INTO endings VALUES (?, ?, '2026-03-02', 'criteria_met', NULL, '01', NULL, 'School nurse drop-in', 'Plan kept on phone', 1, ?, ?, ?)`,
    id(16), closedCase, id(15), T, colleague,
  );
  run(`INSERT INTO goal_ratings VALUES (?, ?, '2026-03-02', 8, 'ending', NULL, ?, ?, ?)`, id(17), id(13), id(16), T, colleague);
  run(`INSERT INTO ending_criterion_status VALUES (?, ?, 'met')`, id(16), id(12));

  // The second episode: re-opened, planned, reviewed once.
  run(
    `INSERT INTO cases (id, case_ref, episode_no, previous_episode_id, young_person_id, referral_date, open_date, status, lead_clinician_id,
       team_id, coordinating_agency, grouping, next_review_date, target_date, plan_complete, version, created_at, updated_at)
     VALUES (?, 'RIO-77', 2, ?, ?, '2026-04-20', '2026-05-01', 'open', ?, ?, 'CAMHS', 'getting_more_help', '2026-08-10', '2026-10-30', 1, 5, ?, ?)`,
    openCase, closedCase, youngPerson, lead, team, T, T,
  );
  run(`INSERT INTO current_views VALUES (?, ?, 'open', NULL, NULL, '2026-05-01', 'first_contact', 'getting_help', ?, ?, ?)`, id(20), openCase, cv, lead, T);
  run(
    `INSERT INTO plans VALUES (?, ?, 1, NULL, '2026-05-05', 'getting_help', 'Sleeping through most nights', 'possible', 'Exams soon',
       '2026-10-30', 'Refer to the sleep clinic', '2026-06-15', NULL, ?, NULL, NULL, ?, ?)`,
    id(21), openCase, sdm, T, lead,
  );
  run(`INSERT INTO ending_criteria VALUES (?, ?, ?, 1, 'Sleeping six nights in seven', NULL, NULL, ?)`, id(22), openCase, id(21), T);
  run(`INSERT INTO goals VALUES (?, ?, ?, 1, 'Sleep before midnight', 'active', NULL, '2026-05-05', NULL, ?, ?)`, id(23), openCase, id(21), T, lead);
  run(`INSERT INTO goals VALUES (?, ?, ?, 2, 'Tell Dad when I am worried', 'active', NULL, '2026-05-05', NULL, ?, ?)`, id(24), openCase, id(21), T, lead);
  run(`INSERT INTO goal_ratings VALUES (?, ?, '2026-05-05', 3, 'plan', NULL, NULL, ?, ?)`, id(25), id(23), T, lead);
  run(`INSERT INTO goal_ratings VALUES (?, ?, '2026-05-05', 4, 'plan', NULL, NULL, ?, ?)`, id(26), id(24), T, lead);
  run(`INSERT INTO current_views VALUES (?, ?, 'review', ?, NULL, '2026-06-15', 'changed_understanding', 'getting_more_help', ?, ?, ?)`, id(27), openCase, id(28), cv, lead, T);
  run(
    `INSERT INTO reviews VALUES (?, ?, '2026-06-15', '["young_person","other"]', 'Aunt', 'change_grouping', NULL, NULL, '2026-08-10', 'Moved up', ?, ?, ?)`,
    id(28), openCase, id(27), T, lead,
  );
  run(`INSERT INTO goal_ratings VALUES (?, ?, '2026-06-15', 5, 'review', ?, NULL, ?, ?)`, id(29), id(23), id(28), T, lead);
  run(`INSERT INTO goal_ratings VALUES (?, ?, '2026-06-15', 4, 'review', ?, NULL, ?, ?)`, id(30), id(24), id(28), T, lead);
  run(`INSERT INTO review_criterion_progress VALUES (?, ?, 'partly')`, id(28), id(22));
  run(`INSERT INTO drafts VALUES (?, 'review', ?, '{"notes":"half typed"}', ?)`, id(31), openCase, T);

  // The audit trail, chained as main writes it.
  let prev = GENESIS_HASH;
  const entries: Array<[string, string | null, string, string, string, unknown]> = [
    ['case.open', closedCase, 'case', closedCase, T, { caseRef: 'RIO-77' }],
    ['case.close', closedCase, 'ending', id(16), T, { reason: 'criteria_met' }],
    ['case.reopen', openCase, 'case', openCase, T, { episodeNo: 2 }],
    ['review.record', openCase, 'review', id(28), T, { reviewDate: '2026-06-15' }],
    ['settings.update', null, 'settings', 'settings', T, { reviewIntervalWeeks: 8 }],
  ];
  entries.forEach(([action, caseId, entity, entityId, at, after], i) => {
    const row = {
      id: id(100 + i),
      at,
      actor_id: lead,
      case_id: caseId,
      young_person_id: caseId ? youngPerson : null,
      action,
      entity,
      entity_id: entityId,
      before: null,
      after: JSON.stringify(after),
      // Schema 10 has no row digests: hashed as such entries are (main/db/repos/audit.ts), not inserted.
      row_digests: null,
      prev_hash: prev,
    };
    const hash = auditHash(row);
    run(
      `INSERT INTO audit_log (id, at, actor_id, case_id, young_person_id, action, entity, entity_id, before, after, prev_hash, hash)
       VALUES (@id, @at, @actor_id, @case_id, @young_person_id, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
      { ...row, hash },
    );
    prev = hash;
  });
}

/** Schema 40: the same records, with the outcome its closing transaction writes for the closed episode. */
function schema40(db: Db): void {
  schema10(db);
  recordEndingOutcome(db, id(16));
}

/**
 * Schema 50: the same records, accounted for in the trail as an upgrade to 50 leaves them (its baseline
 * entries digest every row), so a database at 50 verifies clean before it is upgraded again.
 */
function schema50(db: Db): void {
  schema40(db);
  appendAuditBaseline(db, '2026-06-30T09:00:00.000Z');
}

/** Schema version → how to fill a database at that version. 0020 and 0030 changed indexes only. */
export const FIXTURES: Record<number, (db: Db) => void> = { 10: schema10, 20: schema10, 30: schema10, 40: schema40, 50: schema50 };
