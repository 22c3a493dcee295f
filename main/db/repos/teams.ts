import type { Team } from '../../../shared/ipc/types';
import { newId } from '../ids';
import { stmt, type Db } from '../sql';

interface TeamRow {
  id: string;
  name: string;
  created_at: string;
}

function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name };
}

export function getTeam(db: Db, id: string): Team | null {
  const row = stmt<[string], TeamRow>(db, 'SELECT * FROM teams WHERE id = ?').get(id);
  return row ? toTeam(row) : null;
}

/** Team names are unique ignoring case ("CAMHS North" and "camhs north" are one team). */
export function findTeamByName(db: Db, name: string): Team | null {
  const row = stmt<[string], TeamRow>(db, 'SELECT * FROM teams WHERE name = ? COLLATE NOCASE').get(name.trim());
  return row ? toTeam(row) : null;
}

export function insertTeam(db: Db, name: string, at: string): Team {
  const team = { id: newId(), name: name.trim() };
  stmt(db, 'INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)').run(team.id, team.name, at);
  return team;
}

/** Every team, by name (ignoring case). */
export function listTeams(db: Db): Team[] {
  return stmt<[], TeamRow>(db, 'SELECT * FROM teams ORDER BY name COLLATE NOCASE, id').all().map(toTeam);
}
