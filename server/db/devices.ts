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
 */
export async function touchDevice(
  db: Db,
  deviceId: string,
  personId: string,
  now: string,
  column: 'last_push_at' | 'last_pull_at',
  report?: OutboxReport,
): Promise<void> {
  const pending = report ? report.pending : null;
  const oldest = report ? report.oldestPendingAt : null;
  const skipIfFresh = column === 'last_pull_at'
    ? `WHERE NOT EXISTS (SELECT 1 FROM devices d WHERE d.id = $1 AND d.person_id = $2
         AND d.last_pull_at > $3::timestamptz - make_interval(secs => ${PULL_CONTACT_RESOLUTION_SECONDS})
         AND d.last_pull_at <= $3::timestamptz
         AND (NOT $6 OR (d.pending_count IS NOT DISTINCT FROM $4::integer AND d.oldest_pending_at IS NOT DISTINCT FROM $5::timestamptz)))`
    : '';
  await db.query(prepared(
    `INSERT INTO devices (id, person_id, first_seen_at, last_seen_at, ${column}, pending_count, oldest_pending_at)
     SELECT $1, $2, $3::timestamptz, $3::timestamptz, $3::timestamptz, $4::integer, $5::timestamptz ${skipIfFresh}
     ON CONFLICT (id, person_id) DO UPDATE SET last_seen_at = $3, ${column} = $3,
       pending_count = CASE WHEN $6 THEN $4 ELSE devices.pending_count END,
       oldest_pending_at = CASE WHEN $6 THEN $5::timestamptz ELSE devices.oldest_pending_at END`,
    [deviceId, personId, now, pending, oldest, report !== undefined],
  ));
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
