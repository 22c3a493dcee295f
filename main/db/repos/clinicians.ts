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

/** Display names for audit actors: a clinician's name, or what a system actor stands for. */
export function actorName(db: Db, actorId: string): string {
  if (actorId === 'system:cli') return 'Command line';
  if (actorId === 'system:demo') return 'Demo data';
  if (actorId.startsWith('system:')) return 'THRIVE Plans';
  return stmt<[string], { name: string }>(db, 'SELECT name FROM clinicians WHERE id = ?').get(actorId)?.name ?? 'Unknown clinician';
}
