/**
 * Pull by cursor. The cursor is opaque to the device: base64url JSON { s: serverId, t: { teamId: lastSeq } }.
 * A cursor from another server, or past a team's chain head, is refused (cursor_invalid) rather than
 * trusted: either would make the device skip changes silently.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { OutboxReport, PullResponse } from '../../shared/sync/protocol';
import { ApiError } from '../errors';
import { loadChangesAfter } from './changes';
import { touchDevice } from './devices';
import { prepared, withPerson } from './with-person';

const cursorSchema = z.object({ s: z.string(), t: z.record(z.string().max(64), z.number().int().min(0)) }).strict();
type Cursor = z.infer<typeof cursorSchema>;

const invalid = (why: string) =>
  new ApiError(400, 'cursor_invalid', `${why} The app should start its download from the beginning (it keeps your local work).`);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string | undefined, serverId: string): Cursor {
  if (!text) return { s: serverId, t: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('The download position the app sent is not one this server made.');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalid('The download position the app sent is not one this server made.');
  if (result.data.s !== serverId) throw invalid('The download position the app sent is from a different team server.');
  return result.data;
}

export interface PullInput {
  personId: string;
  serverId: string;
  cursor?: string;
  limit: number;
  deviceId?: string;
  now: string;
  report?: OutboxReport;
}

export async function pullChanges(pool: pg.Pool, input: PullInput): Promise<PullResponse> {
  const cursor = decodeCursor(input.cursor, input.serverId);
  return withPerson(pool, input.personId, async (db) => {
    const { rows: heads } = await db.query<{ team_id: string; last_seq: string }>(prepared(
      'SELECT team_id, last_seq FROM team_heads WHERE team_id IN (SELECT thrive_member_teams()) ORDER BY team_id',
    ));
    const after = new Map<string, number>();
    for (const head of heads) {
      const position = cursor.t[head.team_id] ?? 0;
      if (position > Number(head.last_seq)) throw invalid('The download position the app sent is ahead of this server.');
      after.set(head.team_id, position);
    }
    const changes = after.size === 0 ? [] : await loadChangesAfter(db, after, input.limit + 1);
    const more = changes.length > input.limit;
    const page = changes.slice(0, input.limit);
    // Teams the person no longer sees keep their positions: rejoining resumes where it left off.
    const next: Record<string, number> = { ...cursor.t };
    for (const [team, position] of after) next[team] = position;
    for (const change of page) next[change.teamId] = Math.max(next[change.teamId] ?? 0, change.seq);
    if (input.deviceId) await touchDevice(db, input.deviceId, input.personId, input.now, 'last_pull_at', input.report);
    return { serverId: input.serverId, changes: page, cursor: encodeCursor({ s: input.serverId, t: next }), more, asOf: input.now };
  });
}
