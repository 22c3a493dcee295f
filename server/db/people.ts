/**
 * Who a token is (sign-in binding) and what they may see (GET /v1/me). Roles come only from
 * memberships a service admin granted (server/admin-cli.ts); nothing here can grant one.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Me, RoleOnServer } from '../../shared/sync/protocol';
import { forbidden } from '../errors';
import { prepared, withPerson } from './with-person';

export interface Identity {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  /** The token's expiry (seconds since 1970), when it has one: how long a sign-in may be remembered. */
  expiresAt?: number;
}

/** The person id for a verified token: found by issuer+subject, bound by email, or new (no memberships). */
export async function signIn(pool: pg.Pool, identity: Identity): Promise<string> {
  const id = await withPerson(pool, null, async (db) => {
    const { rows } = await db.query<{ id: string | null }>(prepared('SELECT thrive_sign_in($1, $2, $3, $4, $5) AS id', [
      identity.issuer, identity.subject, identity.email.toLowerCase(), identity.name, randomUUID(),
    ]));
    return rows[0]?.id ?? null;
  });
  if (!id) {
    throw forbidden(
      `The email ${identity.email} is already linked to a different sign-in on this server. Ask your service admin to check your account.`,
    );
  }
  return id;
}

export async function loadMe(pool: pg.Pool, personId: string, serverId: string): Promise<Me> {
  return withPerson(pool, personId, async (db) => {
    const { rows: people } = await db.query<{ id: string; name: string }>(prepared('SELECT id, name FROM people WHERE id = $1', [personId]));
    const { rows: memberRows } = await db.query<{ person_id: string; team_id: string; role: RoleOnServer; name: string; team_name: string }>(prepared(
      `SELECT m.person_id, m.team_id, m.role, p.name, t.name AS team_name
         FROM memberships m JOIN people p ON p.id = m.person_id JOIN teams t ON t.id = m.team_id
        WHERE m.team_id IN (SELECT thrive_member_teams())
        ORDER BY t.name, t.id, p.name, p.id`,
    ));
    const teams = new Map<string, Me['teams'][number]>();
    for (const row of memberRows) {
      const team = teams.get(row.team_id) ?? { id: row.team_id, name: row.team_name, members: [] };
      team.members.push({ personId: row.person_id, name: row.name, role: row.role });
      teams.set(row.team_id, team);
    }
    const memberships = memberRows.filter((r) => r.person_id === personId).map((r) => ({ teamId: r.team_id, role: r.role }));
    return { serverId, person: { id: personId, name: people[0]?.name ?? '' }, memberships, teams: [...teams.values()] };
  });
}

export async function loadServerId(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ server_id: string }>('SELECT server_id FROM server_meta');
  if (!rows[0]) throw new Error('server_meta is empty: run the migrations first');
  return rows[0].server_id;
}
