/**
 * The devices that sync, and what each last reported: a team lead sees a colleague's device that has
 * stopped syncing, or that had changes waiting when it was last in touch (work that would be lost with
 * the laptop). Every time here is the server's, except the device's own `oldestPendingAt`.
 */
import type { OutboxReport, TeamDevices } from '../../shared/sync/protocol';
import type { Db } from './with-person';

/**
 * Records a contact from a device. A request without an outbox report (an older app) keeps the last
 * report rather than claiming the outbox is empty.
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
  await db.query(
    `INSERT INTO devices (id, person_id, first_seen_at, last_seen_at, ${column}, pending_count, oldest_pending_at)
     VALUES ($1, $2, $3, $3, $3, $4, $5)
     ON CONFLICT (id, person_id) DO UPDATE SET last_seen_at = $3, ${column} = $3,
       pending_count = CASE WHEN $6 THEN $4 ELSE devices.pending_count END,
       oldest_pending_at = CASE WHEN $6 THEN $5::timestamptz ELSE devices.oldest_pending_at END`,
    [deviceId, personId, now, pending, oldest, report !== undefined],
  );
}

/** Whether the person leads the team (row security already limits memberships to their own teams). */
export async function leadsTeam(db: Db, personId: string, teamId: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM memberships WHERE person_id = $1 AND team_id = $2 AND role = 'team_lead'`, [personId, teamId]);
  return rows.length > 0;
}

/** Each device of the team's members, least recently in touch first. */
export async function loadTeamDevices(db: Db, teamId: string, now: string): Promise<TeamDevices> {
  const { rows } = await db.query<{
    id: string; person_id: string; name: string; last_seen_at: Date; pending_count: number | null; oldest_pending_at: Date | null;
  }>(
    `SELECT d.id, d.person_id, p.name, d.last_seen_at, d.pending_count, d.oldest_pending_at
       FROM devices d JOIN people p ON p.id = d.person_id
      WHERE d.person_id IN (SELECT person_id FROM memberships WHERE team_id = $1)
      ORDER BY d.last_seen_at, p.name, d.id`,
    [teamId],
  );
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
