import type { Role } from '../../../shared/ipc/schemas/clinicians';
import type { Clinician } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { stmt, type Db } from '../sql';

interface ClinicianRow {
  id: string;
  name: string;
  role: Role;
  team_id: string;
  team_name: string;
}

const SELECT = `SELECT cl.id, cl.name, cl.role, cl.team_id, t.name AS team_name
  FROM clinicians cl JOIN teams t ON t.id = cl.team_id`;

function toClinician(row: ClinicianRow): Clinician {
  return { id: row.id, name: row.name, role: row.role, teamId: row.team_id, teamName: row.team_name };
}

export function getClinician(db: Db, id: string): Clinician | null {
  const row = stmt<[string], ClinicianRow>(db, `${SELECT} WHERE cl.id = ?`).get(id);
  return row ? toClinician(row) : null;
}

export function listClinicians(db: Db, teamId?: string): Clinician[] {
  const rows = teamId
    ? stmt<[string], ClinicianRow>(db, `${SELECT} WHERE cl.team_id = ? ORDER BY cl.name COLLATE NOCASE, cl.id`).all(teamId)
    : stmt<[], ClinicianRow>(db, `${SELECT} ORDER BY t.name COLLATE NOCASE, cl.name COLLATE NOCASE, cl.id`).all();
  return rows.map(toClinician);
}

export function insertClinician(db: Db, input: { name: string; role: Role; teamId: string }, at: string): string {
  const id = newId();
  stmt(db, 'INSERT INTO clinicians (id, name, role, team_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
    id,
    input.name.trim(),
    input.role,
    input.teamId,
    at,
  );
  return id;
}

/** How a system actor is shown: the person reading the history must see it was not a clinician. */
export function systemActorName(actorId: string): string | null {
  if (actorId === 'system:demo') return 'System (demo data)';
  if (actorId === 'system:cli') return 'System (command line)';
  if (actorId.startsWith('system:')) return 'System';
  return null;
}

/** Display name of an actor given the clinician's name from a join (null when not a clinician). */
export function actorLabel(actorId: string, clinicianName: string | null | undefined): string {
  return systemActorName(actorId) ?? clinicianName ?? 'Unknown clinician';
}

/** Changes a clinician's name, role and team (the caller has checked the team exists). */
export function updateClinicianRow(db: Db, id: string, input: { name: string; role: Role; teamId: string }): void {
  stmt(db, 'UPDATE clinicians SET name = ?, role = ?, team_id = ? WHERE id = ?').run(input.name.trim(), input.role, input.teamId, id);
}

/** How many members a team has, and how many of them are team leads, leaving one clinician out. */
export function teamMembershipExcept(db: Db, teamId: string, exceptClinicianId: string): { members: number; leads: number } {
  const row = stmt<[string, string], { members: number; leads: number | null }>(
    db,
    `SELECT count(*) AS members, sum(CASE WHEN role = 'team_lead' THEN 1 ELSE 0 END) AS leads
     FROM clinicians WHERE team_id = ? AND id <> ?`,
  ).get(teamId, exceptClinicianId)!;
  return { members: row.members, leads: row.leads ?? 0 };
}
