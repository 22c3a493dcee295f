/**
 * Team mode, as main decides it: a team server has been set up on this device (main/sync/engine.ts
 * connect). From then on who is in which team, and with which role, comes only from the server's
 * directory (GET /v1/me, main/sync/directory.ts): a person can no longer make themselves a team lead, or
 * add or move clinicians, on their own laptop. Checked in main, where the writes are, so no screen,
 * the CLI or a crafted IPC call can get round it.
 */
import { AppError } from '../../shared/ipc/result';
import type { Db } from '../db/sql';
import { getSyncState } from './sync-state';

export const ROLE_FROM_SERVER_MESSAGE =
  'Your role is granted by your service admin on the team server. Ask them to change roles, teams or team members; this computer only shows what the team server says.';

export function isTeamMode(db: Db): boolean {
  try {
    return getSyncState(db, 'serverUrl') !== null;
  } catch (error) {
    // A file at a schema before 0060 has no sync_state: it has never been in team mode.
    if (/no such table/.test((error as Error).message)) return false;
    throw error;
  }
}

/** Refuses, writing nothing, a change to roles, teams or membership made on this device in team mode. */
export function refuseInTeamMode(db: Db): void {
  if (isTeamMode(db)) throw new AppError('forbidden', ROLE_FROM_SERVER_MESSAGE);
}
