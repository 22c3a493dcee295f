/**
 * The team lead's copy of their team's devices (GET /v1/teams/:teamId/devices), kept in sync_state so
 * the team view can list a colleague's device that stopped syncing, offline too, "as of" when it was
 * fetched. Only a lead's device asks; anyone else's holds none.
 */
import type { Clock } from '../../shared/clock';
import { devicesNeedingAttention, DEVICE_OUT_OF_TOUCH_HOURS } from '../../shared/domain/device-contact';
import type { TeamDevicesNotice } from '../../shared/ipc/schemas/sync';
import type { Me, OutboxReport } from '../../shared/sync/protocol';
import type { Db } from '../db/sql';
import type { SyncHttp } from './http-client';
import { syncSummary } from './store';
import { getSyncState, putSyncState } from './sync-state';

/** The outbox as this device reports it with each push and pull. */
export function outboxReport(db: Db): OutboxReport {
  const { pending, oldestPendingAt } = syncSummary(db);
  return { pending, oldestPendingAt };
}

/**
 * Fetches each led team's devices. A team the server will not show (no longer the lead) is dropped; one
 * it could not answer for now (offline, busy) keeps the copy held, which the view shows with its "as of".
 */
export async function refreshTeamDevices(d: { db: () => Db; clock: Clock; http: SyncHttp; token: string }, me: Me): Promise<void> {
  const led = me.memberships.filter((m) => m.role === 'team_lead').map((m) => m.teamId);
  const held = getSyncState(d.db(), 'teamDevices') ?? [];
  const next = [];
  for (const teamId of led) {
    const answer = await d.http.teamDevices(d.token, teamId);
    if (answer.kind === 'ok') next.push(answer.value);
    else if (answer.kind !== 'rejected') {
      const kept = held.find((h) => h.teamId === teamId);
      if (kept) next.push(kept);
    }
  }
  if (next.length > 0 || held.length > 0) putSyncState(d.db(), 'teamDevices', next, d.clock.now());
}

/** What the team view shows: the devices needing attention across the lead's teams, as of the oldest report. */
export function teamDevicesNotice(db: Db): TeamDevicesNotice | null {
  const reports = getSyncState(db, 'teamDevices') ?? [];
  if (reports.length === 0) return null;
  const asOf = reports.map((r) => r.asOf).sort()[0]!;
  const devices = reports.flatMap((r) => devicesNeedingAttention(r, DEVICE_OUT_OF_TOUCH_HOURS));
  return { asOf, outOfTouchHours: DEVICE_OUT_OF_TOUCH_HOURS, devices };
}
