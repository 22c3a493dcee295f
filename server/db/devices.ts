/**
 * The devices that sync, and what each last reported: a team lead sees a colleague's device that has
 * stopped syncing, or that had changes waiting when it was last in touch (work that would be lost with
 * the laptop). Every time here is the server's, except the device's own `oldestPendingAt`.
 */
import type { OutboxReport, TeamDevices } from '../../shared/sync/protocol';
import { prepared, type Db } from './with-person';

/**
 * How old a device's last pull may be before an empty pull records it again: a pull with nothing new
 * and an unchanged report then writes nothing, so it is not held waiting for the disk at commit
 * (bench/team-server.ts). A lead's "last in touch" is therefore accurate to this much.
 */
export const PULL_CONTACT_RESOLUTION_SECONDS = 60;

/**
 * Records a contact from a device. A request without an outbox report (an older app) keeps the last
 * report rather than claiming the outbox is empty. A pull is not recorded again when the device's
 * last pull was within PULL_CONTACT_RESOLUTION_SECONDS and its report is unchanged: the insert reads
 * no row then, so neither a write nor a row lock is taken.
 *
 * The statement's parameters are numbered from $`first`, so a pull runs it inside its own single
 * statement (server/db/pull.ts); a push runs it alone (touchDevice).
 */
export function deviceContact(
  column: 'last_push_at' | 'last_pull_at',
  first = 1,
): { sql: string; values(deviceId: string, personId: string, now: string, report?: OutboxReport): unknown[] } {
  const [id, person, at, pending, oldest, reported] = [0, 1, 2, 3, 4, 5].map((i) => `$${first + i}`);
  const skipIfFresh = column === 'last_pull_at'
    ? `WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.id = ${id} AND d.person_id = ${person}
         AND d.last_pull_at > ${at}::timestamptz - make_interval(secs => ${PULL_CONTACT_RESOLUTION_SECONDS})
         AND d.last_pull_at <= ${at}::timestamptz
         AND (NOT ${reported}::boolean OR (d.pending_count IS NOT DISTINCT FROM ${pending}::integer AND d.oldest_pending_at IS NOT DISTINCT FROM ${oldest}::timestamptz)))`
    : '';
  return {
    sql: `INSERT INTO devices (id, person_id, first_seen_at, last_seen_at, ${column}, pending_count, oldest_pending_at)
     SELECT ${id}::text, ${person}::text, ${at}::timestamptz, ${at}::timestamptz, ${at}::timestamptz, ${pending}::integer, ${oldest}::timestamptz ${skipIfFresh}
     ON CONFLICT (id, person_id) DO UPDATE SET last_seen_at = ${at}::timestamptz, ${column} = ${at}::timestamptz,
       pending_count = CASE WHEN ${reported}::boolean THEN ${pending}::integer ELSE devices.pending_count END,
       oldest_pending_at = CASE WHEN ${reported}::boolean THEN ${oldest}::timestamptz ELSE devices.oldest_pending_at END`,
    values: (deviceId, personId, now, report) => [deviceId, personId, now, report ? report.pending : null, report ? report.oldestPendingAt : null, report !== undefined],
  };
}

export async function touchDevice(
  db: Db,
  deviceId: string,
  personId: string,
  now: string,
  column: 'last_push_at' | 'last_pull_at',
  report?: OutboxReport,
): Promise<void> {
  const contact = deviceContact(column);
  await db.query(prepared(contact.sql, contact.values(deviceId, personId, now, report)));
}

/** Whether the person leads the team (row security already limits memberships to their own teams). */
export async function leadsTeam(db: Db, personId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query(prepared(`SELECT 1 FROM memberships WHERE person_id = $1 AND team_id = $2 AND role = 'team_lead'`, [personId, teamId]));
  return rows.length > 0;
}

/** Each device of the team's members, least recently in touch first. */
export async function loadTeamDevices(db: Db, teamId: string, now: string): Promise<TeamDevices> {
  const { rows } = await db.query<{
    id: string; person_id: string; name: string; last_seen_at: Date; pending_count: number | null; oldest_pending_at: Date | null;
  }>(prepared(
    `SELECT d.id, d.person_id, p.name, d.last_seen_at, d.pending_count, d.oldest_pending_at
       FROM devices d JOIN people p ON p.id = d.person_id
      WHERE d.person_id IN (SELECT person_id FROM memberships WHERE team_id = $1)
      ORDER BY d.last_seen_at, p.name, d.id`,
    [teamId],
  ));
  return {
    teamId,
    asOf: now,
    devices: rows.map((r) => ({
      deviceId: r.id,
      personId: r.person_id,
      personName: r.name,
      lastSeenAt: r.last_seen_at.toISOString(),
      pending: r.pending_count,
      oldestPendingAt: r.oldest_pending_at ? r.oldest_pending_at.toISOString() : null,
    })),
  };
}
