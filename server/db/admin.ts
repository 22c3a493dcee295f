/**
 * The service admin's operations (server/admin-cli.ts), run as the owner: teams, and who holds which
 * role in which team. A grant by email creates the person ahead of first sign-in, which binds them.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { RoleOnServer } from '../../shared/sync/protocol';
import { genesisHash } from './chain';
import { assertBypassesRowSecurity } from './verify-chain';

async function inTransaction<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await assertBypassesRowSecurity(client);
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export async function createTeam(client: pg.ClientBase, team: { id: string; name: string }): Promise<void> {
  await inTransaction(client, async () => {
    await client.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [team.id, team.name]);
    await client.query('INSERT INTO team_heads (team_id, last_seq, last_hash) VALUES ($1, 0, $2)', [team.id, genesisHash(team.id)]);
  });
}

export interface Grant {
  email: string;
  teamId: string;
  role: RoleOnServer;
  /** Shown to colleagues until the person's first sign-in brings the name from the identity provider. */
  name?: string;
}

/** Grants (or changes) a person's role in a team; returns the person id. */
export async function grant(client: pg.ClientBase, g: Grant): Promise<string> {
  return inTransaction(client, async () => {
    const email = g.email.trim().toLowerCase();
    const { rows: teams } = await client.query('SELECT 1 FROM teams WHERE id = $1', [g.teamId]);
    if (teams.length === 0) throw new Error(`There is no team "${g.teamId}". Create it first (create-team).`);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO people (id, email, name) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id`,
      [randomUUID(), email, g.name ?? email],
    );
    const personId = rows[0]!.id;
    await client.query(
      `INSERT INTO memberships (person_id, team_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, team_id) DO UPDATE SET role = EXCLUDED.role, granted_at = now()`,
      [personId, g.teamId, g.role],
    );
    return personId;
  });
}

/** Removes a person's membership of a team; true when there was one. */
export async function revoke(client: pg.ClientBase, email: string, teamId: string): Promise<boolean> {
  return inTransaction(client, async () => {
    const result = await client.query(
      'DELETE FROM memberships WHERE team_id = $2 AND person_id = (SELECT id FROM people WHERE email = $1)',
      [email.trim().toLowerCase(), teamId],
    );
    return (result.rowCount ?? 0) > 0;
  });
}

export interface MembershipListing {
  teamId: string;
  teamName: string;
  email: string | null;
  name: string | null;
  role: RoleOnServer | null;
  signedIn: boolean;
}

export async function listMemberships(client: pg.ClientBase): Promise<MembershipListing[]> {
  await assertBypassesRowSecurity(client);
  const { rows } = await client.query<MembershipListing>(
    `SELECT t.id AS "teamId", t.name AS "teamName", p.email, p.name, m.role, (p.issuer IS NOT NULL) AS "signedIn"
       FROM teams t LEFT JOIN memberships m ON m.team_id = t.id LEFT JOIN people p ON p.id = m.person_id
      ORDER BY t.id, p.email`,
  );
  return rows.map((r) => ({ ...r, signedIn: Boolean(r.signedIn) }));
}
