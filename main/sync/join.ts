/**
 * Joining a team (docs/team-mode.md "Joining"): a clinician who used THRIVE Plans alone signs in to their
 * team server. Their cases are not pushed silently: the review lists each one, with the server's case it
 * may be the same young person as (same NHS number or case reference), and the person decides.
 * - upload: the case moves to their server team with them as lead clinician, in one transaction with an
 *   audit entry; the audit hook (main/sync/outbox.ts) adds its outbox entry, so the next push sends it
 *   as a case new to the server (If-None-Match: *).
 * - keep_server: the server's record is kept; the local case is set aside as superseded (nothing
 *   deleted, its identifiers kept in the audit entry) and the server's case, held by the pull
 *   (main/sync/join-held.ts), is applied.
 * Demo cases never reach a server and are offered nothing.
 */
import type { Clock } from '../../shared/clock';
import { AppError, validationError } from '../../shared/ipc/result';
import type { JoinCandidate, JoinChoice, JoinMatch, JoinPreview } from '../../shared/ipc/schemas/sync-join';
import type { Change } from '../../shared/sync/protocol';
import { appendAudit } from '../db/repos/audit';
import { stmt, writeTx, type Db } from '../db/sql';
import { heldChanges, markSuperseded, releaseHeld, supersededCases } from './join-held';
import { isDemoCase } from './outbox';
import { applyOne } from './pull';
import { getSyncState } from './sync-state';
import { isTeamMode } from './team-mode';

interface LocalCase {
  id: string;
  case_ref: string;
  episode_no: number;
  status: 'open' | 'closed';
  team_id: string;
  lead_clinician_id: string;
  previous_episode_id: string | null;
  young_person_id: string;
  yp_name: string;
  nhs_number: string | null;
}

/** A server case as the matching sees it: held by the pull, or already here. */
interface ServerCase {
  id: string;
  caseRef: string;
  name: string;
  nhsNumber: string | null;
  held: Change | null;
}

const LOCAL_CASE_SQL = `SELECT c.id, c.case_ref, c.episode_no, c.status, c.team_id, c.lead_clinician_id, c.previous_episode_id,
  c.young_person_id, y.name AS yp_name, y.nhs_number FROM cases c JOIN young_people y ON y.id = c.young_person_id`;

function inList(ids: string[]): string {
  return ids.length === 0 ? "('')" : `(${ids.map(() => '?').join(', ')})`;
}

/**
 * Cases made here before joining, in no server team, neither demo nor already set aside. A case the
 * server has ever held (sync_cases) is the team's, even in a team the person has since left: never offered.
 */
function localCases(db: Db, serverTeams: string[]): LocalCase[] {
  const superseded = supersededCases(db);
  const where = `c.team_id NOT IN ${inList(serverTeams)} AND NOT EXISTS (SELECT 1 FROM sync_cases s WHERE s.case_id = c.id)`;
  return stmt<string[], LocalCase>(db, `${LOCAL_CASE_SQL} WHERE ${where} ORDER BY c.case_ref, c.episode_no`)
    .all(...serverTeams)
    .filter((c) => !superseded[c.id] && !isDemoCase(db, c.id));
}

function serverCases(db: Db, serverTeams: string[]): ServerCase[] {
  const here = stmt<string[], LocalCase>(db, `${LOCAL_CASE_SQL} WHERE c.team_id IN ${inList(serverTeams)}`).all(...serverTeams);
  const held = heldChanges(db).map((ch) => {
    const c = ch.document.tables.cases[0]!;
    const nhs = ch.document.youngPerson.nhs_number;
    return { id: ch.caseId, caseRef: String(c.case_ref), name: String(ch.document.youngPerson.name), nhsNumber: nhs == null ? null : String(nhs), held: ch };
  });
  return [...held, ...here.map((c) => ({ id: c.id, caseRef: c.case_ref, name: c.yp_name, nhsNumber: c.nhs_number, held: null }))];
}

/** The same NHS number first (the same child for certain), then the same case reference. */
function matchFor(c: LocalCase, server: ServerCase[]): { match: JoinMatch; server: ServerCase } | null {
  const byNhs = c.nhs_number === null ? undefined : server.find((s) => s.nhsNumber === c.nhs_number);
  const byRef = server.find((s) => s.caseRef.toLowerCase() === c.case_ref.toLowerCase());
  const found = byNhs ?? byRef;
  if (!found) return null;
  return { match: { serverCaseId: found.id, caseRef: found.caseRef, youngPersonName: found.name, by: byNhs ? 'nhs_number' : 'case_ref' }, server: found };
}

/**
 * Uploading a matched case as a separate one is not offered: a case reference is one case's on the
 * server, and one NHS number is one young person in this file, so a second record of the same child
 * would be refused here the moment the server's copy arrived.
 */
function choicesFor(match: JoinMatch | null): JoinChoice[] {
  return match ? ['keep_server'] : ['upload'];
}

interface JoinContext {
  person: { id: string; name: string };
  teamId: string;
  teamName: string;
  serverTeams: string[];
}

function joinContext(db: Db): JoinContext | null {
  const person = getSyncState(db, 'person');
  const serverTeams = getSyncState(db, 'teams') ?? [];
  if (!isTeamMode(db) || !person || getSyncState(db, 'cursor') === null) return null;
  const team = stmt<[string], { id: string; name: string }>(db, 'SELECT t.id, t.name FROM clinicians c JOIN teams t ON t.id = c.team_id WHERE c.id = ?').get(person.id);
  if (!team || !serverTeams.includes(team.id)) return null;
  return { person, teamId: team.id, teamName: team.name, serverTeams };
}

function candidates(db: Db, ctx: JoinContext): Array<JoinCandidate & { local: LocalCase; server: ServerCase | null }> {
  const server = serverCases(db, ctx.serverTeams);
  return localCases(db, ctx.serverTeams).map((local) => {
    const found = matchFor(local, server);
    return {
      caseId: local.id,
      caseRef: local.case_ref,
      episodeNo: local.episode_no,
      youngPersonName: local.yp_name,
      status: local.status,
      match: found?.match ?? null,
      choices: choicesFor(found?.match ?? null),
      local,
      server: found?.server ?? null,
    };
  });
}

export function joinPreview(db: Db): JoinPreview {
  const ctx = joinContext(db);
  if (!ctx) {
    return { ready: false, teamName: null, message: 'Sign in to your team server and let it sync once: the cases already there are needed to match yours.', cases: [], unplaced: [] };
  }
  const all = candidates(db, ctx);
  const offered = new Set(all.map((c) => c.server?.id));
  const unplaced = heldChanges(db)
    .filter((ch) => !offered.has(ch.caseId))
    .map((ch) => ({ caseRef: String(ch.document.tables.cases[0]?.case_ref ?? ''), youngPersonName: String(ch.document.youngPerson.name) }));
  const cases = all.map(({ local: _l, server: _s, ...c }) => c);
  const n = cases.length;
  const message = n === 0 ? null : `${n === 1 ? '1 case on this computer is' : `${n} cases on this computer are`} not on the team server yet.`;
  return { ready: true, teamName: ctx.teamName, message, cases, unplaced };
}

/** Moves the case (and the team and lead its ending's outcomes copied) to the person's server team. */
function upload(db: Db, ctx: JoinContext, c: LocalCase, at: string): void {
  const previous = c.previous_episode_id;
  if (previous !== null) {
    const prevTeam = stmt<[string], string>(db, 'SELECT team_id FROM cases WHERE id = ?').pluck().get(previous);
    if (!prevTeam || !ctx.serverTeams.includes(prevTeam)) {
      throw new AppError('conflict', `Upload the earlier episode of ${c.case_ref} first: each episode points at the one before it.`);
    }
  }
  stmt(db, 'UPDATE cases SET team_id = ?, lead_clinician_id = ?, version = version + 1, updated_at = ? WHERE id = ?').run(ctx.teamId, ctx.person.id, at, c.id);
  for (const table of ['ending_outcomes', 'goal_outcomes']) {
    stmt(db, `UPDATE ${table} SET team_id = ?, lead_clinician_id = ? WHERE ending_id IN (SELECT id FROM endings WHERE case_id = ?)`).run(ctx.teamId, ctx.person.id, c.id);
  }
  appendAudit(db, {
    at,
    actorId: ctx.person.id,
    caseId: c.id,
    youngPersonId: c.young_person_id,
    action: 'sync.join_upload',
    entity: 'case',
    entityId: c.id,
    before: { teamId: c.team_id, leadClinicianId: c.lead_clinician_id },
    after: { teamId: ctx.teamId, team: ctx.teamName, leadClinicianId: ctx.person.id, leadClinician: ctx.person.name },
  });
}

/** A case reference free for the set-aside copy, so the server's case can take the original. */
function supersededRef(db: Db, c: LocalCase): string {
  const free = (ref: string) => stmt<[string, number], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM cases WHERE case_ref = ? AND episode_no = ?) AS n').get(ref, c.episode_no)!.n === 0;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '~old' : `~old${n}`;
    const ref = `${c.case_ref.slice(0, 40 - suffix.length)}${suffix}`;
    if (free(ref)) return ref;
  }
}

function keepServer(db: Db, clock: Clock, ctx: JoinContext, c: LocalCase, server: ServerCase, match: JoinMatch, at: string): void {
  const doc = server.held?.document;
  const serverNhs = doc ? doc.youngPerson.nhs_number : null;
  const serverCase = doc?.tables.cases[0];
  // Only identifiers the server's case needs are released; the values stay in this entry's "before".
  const freeNhs = serverNhs != null && serverNhs === c.nhs_number;
  const freeRef = serverCase !== undefined && String(serverCase.case_ref).toLowerCase() === c.case_ref.toLowerCase() && serverCase.episode_no === c.episode_no;
  const newRef = freeRef ? supersededRef(db, c) : c.case_ref;
  if (freeNhs) stmt(db, 'UPDATE young_people SET nhs_number = NULL, updated_at = ? WHERE id = ?').run(at, c.young_person_id);
  if (freeRef) stmt(db, 'UPDATE cases SET case_ref = ?, updated_at = ? WHERE id = ?').run(newRef, at, c.id);
  markSuperseded(db, c.id, { serverCaseId: server.id, by: match.by, at, personId: ctx.person.id });
  appendAudit(db, {
    at,
    actorId: ctx.person.id,
    caseId: c.id,
    youngPersonId: c.young_person_id,
    action: 'sync.join_superseded',
    entity: 'case',
    entityId: c.id,
    before: { caseRef: c.case_ref, nhsNumber: c.nhs_number },
    after: { supersededBy: server.id, serverCaseRef: server.caseRef, matchedBy: match.by, caseRef: newRef, nhsNumber: freeNhs ? null : c.nhs_number },
  });
  const alreadyHere = stmt<[string], { n: number }>(db, 'SELECT EXISTS (SELECT 1 FROM cases WHERE id = ?) AS n').get(server.id)!.n === 1;
  if (server.held && !alreadyHere) {
    releaseHeld(db, server.id, at);
    if (applyOne(db, clock, server.held) !== 'applied') {
      throw new AppError('conflict', `The team server's record of ${server.caseRef} could not be placed here yet. Nothing was changed: try again after the next sync.`);
    }
  }
}

/** Applies the person's decisions, all or none, in one transaction; answers the review as it now stands. */
export function joinCases(db: Db, clock: Clock, decisions: Array<{ caseId: string; choice: JoinChoice }>): JoinPreview {
  writeTx(db, () => {
    const ctx = joinContext(db);
    if (!ctx) throw new AppError('forbidden', 'Sign in to your team server and let it sync once before joining your cases to the team.');
    const byId = new Map(candidates(db, ctx).map((c) => [c.caseId, c]));
    const chosen = decisions.map((d, i) => {
      const c = byId.get(d.caseId);
      if (!c) throw validationError([{ path: `decisions.${i}.caseId`, message: 'This case is not waiting to join the team (a demo case, or already decided)' }]);
      if (!c.choices.includes(d.choice)) {
        throw validationError([{ path: `decisions.${i}.choice`, message: `${c.caseRef} may be the same young person as ${c.match?.caseRef} on the server: keep the server's record, or leave it on this computer for now` }]);
      }
      return { c, choice: d.choice };
    });
    // Earlier episodes first, so a later one finds the one it points at already on the server.
    chosen.sort((a, b) => a.c.local.episode_no - b.c.local.episode_no);
    const at = clock.now();
    for (const { c, choice } of chosen) {
      if (choice === 'upload') upload(db, ctx, c.local, at);
      else keepServer(db, clock, ctx, c.local, c.server!, c.match!, at);
    }
  });
  return joinPreview(db);
}
