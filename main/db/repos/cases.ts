/** Cases (episodes of care) with their young person: the rows behind CaseSummary. */
import type { GroupingCode } from '../../../shared/domain/groupings';
import type { CaseSummary } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { bool, stmt, type Db } from '../sql';

export interface CaseSummaryRow {
  id: string;
  case_ref: string;
  episode_no: number;
  young_person_id: string;
  name: string;
  date_of_birth: string;
  nhs_number: string | null;
  referral_date: string;
  open_date: string;
  closed_date: string | null;
  status: 'open' | 'closed';
  lead_clinician_id: string;
  lead_clinician_name: string;
  team_id: string;
  coordinating_agency: string;
  grouping: GroupingCode | null;
  next_review_date: string | null;
  target_date: string | null;
  plan_complete: number;
  version: number;
}

export const CASE_SUMMARY_COLUMNS = `c.id, c.case_ref, c.episode_no, c.young_person_id, yp.name, yp.date_of_birth,
    yp.nhs_number, c.referral_date, c.open_date, c.closed_date, c.status, c.lead_clinician_id,
    cl.name AS lead_clinician_name, c.team_id, c.coordinating_agency, c.grouping, c.next_review_date,
    c.target_date, c.plan_complete, c.version`;

export const CASE_SUMMARY_FROM = `FROM cases c
  JOIN young_people yp ON yp.id = c.young_person_id
  JOIN clinicians cl ON cl.id = c.lead_clinician_id`;

const CASE_SUMMARY_SELECT = `SELECT ${CASE_SUMMARY_COLUMNS} ${CASE_SUMMARY_FROM}`;

export function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    caseRef: row.case_ref,
    episodeNo: row.episode_no,
    youngPersonId: row.young_person_id,
    name: row.name,
    dateOfBirth: row.date_of_birth,
    nhsNumber: row.nhs_number,
    referralDate: row.referral_date,
    openDate: row.open_date,
    closedDate: row.closed_date,
    status: row.status,
    leadClinicianId: row.lead_clinician_id,
    leadClinicianName: row.lead_clinician_name,
    teamId: row.team_id,
    coordinatingAgency: row.coordinating_agency,
    grouping: row.grouping,
    nextReviewDate: row.next_review_date,
    targetDate: row.target_date,
    planComplete: bool(row.plan_complete),
    version: row.version,
  };
}

export function getCaseSummary(db: Db, id: string): CaseSummary | null {
  const row = stmt<[string], CaseSummaryRow>(db, `${CASE_SUMMARY_SELECT} WHERE c.id = ?`).get(id);
  return row ? toCaseSummary(row) : null;
}

export interface CaseFilter {
  status: 'open' | 'closed' | 'all';
  clinicianId?: string;
}

/** Newest first. Each status/clinician combination is its own statement so each can use its index. */
export function listCaseSummaries(db: Db, filter: CaseFilter): CaseSummary[] {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.clinicianId) {
    where.push('c.lead_clinician_id = ?');
    params.push(filter.clinicianId);
  }
  if (filter.status !== 'all') {
    where.push('c.status = ?');
    params.push(filter.status);
  }
  const sql = `${CASE_SUMMARY_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY c.open_date DESC, c.id DESC`;
  return stmt<string[], CaseSummaryRow>(db, sql).all(...params).map(toCaseSummary);
}

export function countCases(db: Db): number {
  return stmt<[], { n: number }>(db, 'SELECT count(*) AS n FROM cases').get()!.n;
}

/** Any episode already using this reference (references are compared ignoring case). */
export function findCaseByRef(db: Db, caseRef: string): { id: string; case_ref: string } | null {
  return stmt<[string], { id: string; case_ref: string }>(db, 'SELECT id, case_ref FROM cases WHERE case_ref = ? LIMIT 1').get(caseRef) ?? null;
}

/** The open case of a young person, if any (an NHS number may be on only one open case). */
export function findOpenCaseOfYoungPerson(db: Db, youngPersonId: string): { id: string; case_ref: string } | null {
  return (
    stmt<[string], { id: string; case_ref: string }>(
      db,
      "SELECT id, case_ref FROM cases WHERE young_person_id = ? AND status = 'open' LIMIT 1",
    ).get(youngPersonId) ?? null
  );
}

export interface NewCase {
  caseRef: string;
  youngPersonId: string;
  referralDate: string;
  openDate: string;
  leadClinicianId: string;
  teamId: string;
  coordinatingAgency: string;
  /** A re-opened case: the next episode number and the episode it follows. Default: episode 1. */
  episode?: { no: number; previousEpisodeId: string };
}

export function insertCase(db: Db, input: NewCase, at: string): string {
  const id = newId();
  const { episode, ...fields } = input;
  stmt(
    db,
    `INSERT INTO cases (id, case_ref, episode_no, previous_episode_id, young_person_id, referral_date, open_date, status,
       lead_clinician_id, team_id, coordinating_agency, plan_complete, version, created_at, updated_at)
     VALUES (@id, @caseRef, @episodeNo, @previousEpisodeId, @youngPersonId, @referralDate, @openDate, 'open',
       @leadClinicianId, @teamId, @coordinatingAgency, 0, 1, @at, @at)`,
  ).run({ id, ...fields, episodeNo: episode?.no ?? 1, previousEpisodeId: episode?.previousEpisodeId ?? null, at });
  return id;
}

/** The SQL behind getEpisodeLinks (exported for the EXPLAIN QUERY PLAN test). */
export const EPISODE_LINKS_SQL = `SELECT c.previous_episode_id,
    (SELECT n.id FROM cases n WHERE n.previous_episode_id = c.id ORDER BY n.episode_no DESC LIMIT 1) AS next_episode_id
  FROM cases c WHERE c.id = ?`;

/** The episode a case re-opened, and the latest episode that re-opened it. */
export function getEpisodeLinks(db: Db, caseId: string): { previousEpisodeId: string | null; nextEpisodeId: string | null } {
  const row = stmt<[string], { previous_episode_id: string | null; next_episode_id: string | null }>(db, EPISODE_LINKS_SQL).get(caseId);
  return { previousEpisodeId: row?.previous_episode_id ?? null, nextEpisodeId: row?.next_episode_id ?? null };
}

/** Every episode sharing a case reference: the highest episode number and any episode still open. */
export function episodesOfRef(db: Db, caseRef: string): { maxEpisodeNo: number; open: { id: string; episode_no: number } | null } {
  const max = stmt<[string], { n: number | null }>(db, 'SELECT max(episode_no) AS n FROM cases WHERE case_ref = ?').get(caseRef);
  const open = stmt<[string], { id: string; episode_no: number }>(
    db,
    "SELECT id, episode_no FROM cases WHERE case_ref = ? AND status = 'open' ORDER BY episode_no DESC LIMIT 1",
  ).get(caseRef);
  return { maxEpisodeNo: max?.n ?? 0, open: open ?? null };
}

export interface CaseChanges {
  grouping: GroupingCode;
  nextReviewDate: string | null;
  targetDate: string | null;
  planComplete: boolean;
  /** Closing the case: its status becomes closed on this date. */
  closedDate: string;
}

/**
 * Changes the case's denormalised fields (or closes it) and bumps its version, but only if the version is still the
 * one the caller read: 0 rows changed means someone else saved first.
 */
export function updateCaseDenormalised(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<CaseChanges>,
  at: string,
): boolean {
  const result = stmt(
    db,
    `UPDATE cases SET
       status = CASE WHEN @setClosed THEN 'closed' ELSE status END,
       closed_date = CASE WHEN @setClosed THEN @closedDate ELSE closed_date END,
       grouping = CASE WHEN @setGrouping THEN @grouping ELSE grouping END,
       next_review_date = CASE WHEN @setNextReview THEN @nextReviewDate ELSE next_review_date END,
       target_date = CASE WHEN @setTarget THEN @targetDate ELSE target_date END,
       plan_complete = CASE WHEN @setPlan THEN @planComplete ELSE plan_complete END,
       version = version + 1,
       updated_at = @at
     WHERE id = @id AND version = @expectedVersion`,
  ).run({
    id,
    expectedVersion,
    at,
    setClosed: changes.closedDate !== undefined ? 1 : 0,
    closedDate: changes.closedDate ?? null,
    setGrouping: changes.grouping !== undefined ? 1 : 0,
    grouping: changes.grouping ?? null,
    setNextReview: changes.nextReviewDate !== undefined ? 1 : 0,
    nextReviewDate: changes.nextReviewDate ?? null,
    setTarget: changes.targetDate !== undefined ? 1 : 0,
    targetDate: changes.targetDate ?? null,
    setPlan: changes.planComplete !== undefined ? 1 : 0,
    planComplete: changes.planComplete ? 1 : 0,
  });
  return result.changes === 1;
}

/** The open cases a clinician leads (id, version and young person: what moving them needs). */
export function listOpenCasesLedBy(db: Db, clinicianId: string): Array<{ id: string; version: number; young_person_id: string; team_id: string }> {
  return stmt<[string], { id: string; version: number; young_person_id: string; team_id: string }>(
    db,
    "SELECT id, version, young_person_id, team_id FROM cases WHERE lead_clinician_id = ? AND status = 'open'",
  ).all(clinicianId);
}

/**
 * Moves every open case a clinician leads to their new team, bumping each case's version (a form open on
 * one of them must reload rather than save over the move). Closed cases stay with the team that held
 * them, so that team's endings figures do not change.
 */
export function moveOpenCasesOfClinician(db: Db, clinicianId: string, teamId: string, at: string): number {
  return stmt(
    db,
    `UPDATE cases SET team_id = ?, version = version + 1, updated_at = ?
     WHERE lead_clinician_id = ? AND status = 'open' AND team_id <> ?`,
  ).run(teamId, at, clinicianId, teamId).changes;
}
