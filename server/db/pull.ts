/**
 * Pull by cursor. The cursor is opaque to the device: base64url JSON { s: serverId, t: { teamId: lastSeq } }.
 * A cursor from another server, or past a team's chain head, is refused (cursor_invalid) rather than
 * trusted: either would make the device skip changes silently.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { Change, OutboxReport, PullResponse } from '../../shared/sync/protocol';
import { ApiError } from '../errors';
import { CHANGE_COLUMNS, toChange, type ChangeRow } from './changes';
import { deviceContact } from './devices';
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

/** The device's contact inside the pull's statement, its parameters after the pull's three. */
const PULL_CONTACT = deviceContact('last_pull_at', 4);

/**
 * The whole pull in one statement, one round trip: the device's contact recorded (when it names
 * itself), the chain heads of the person's teams (row security gives only theirs) with the cursor's
 * position in each, and the page of changes after those positions, commit-ordered within each team.
 * Heads come first, with no seq; an empty pull is most of a device's requests, so each round trip
 * saved is felt (bench/team-server.ts).
 */
function pullStatement(withContact: boolean): string {
  return `WITH ${withContact ? `contact AS (${PULL_CONTACT.sql}),` : ''}
  heads AS (
    SELECT h.team_id, h.last_seq, coalesce(k.after_seq, 0) AS after_seq
      FROM team_heads h LEFT JOIN unnest($1::text[], $2::bigint[]) AS k(team_id, after_seq) ON k.team_id = h.team_id
     WHERE h.team_id IN (SELECT thrive_member_teams())),
  page AS (
    SELECT ${CHANGE_COLUMNS}
      FROM heads h JOIN change_log c ON c.team_id = h.team_id AND c.seq > h.after_seq
      LEFT JOIN people p ON p.id = c.author_id
     WHERE h.after_seq <= h.last_seq
     -- Ordered by (seq, team): any prefix of this order holds, for each team, a prefix of its chain.
     ORDER BY c.seq, c.team_id
     LIMIT $3)
  SELECT team_id, last_seq, after_seq, NULL::bigint AS seq, NULL::text AS case_id, NULL::integer AS version,
         NULL::text AS author_id, NULL::text AS author_name, NULL::text AS device_id, NULL::timestamptz AS at, NULL::jsonb AS document
    FROM heads
  UNION ALL
  SELECT team_id, NULL, NULL, seq, case_id, version, author_id, author_name, device_id, at, document FROM page
  ORDER BY seq NULLS FIRST, team_id`;
}

type PullRow = ChangeRow & { last_seq: string | null; after_seq: string | null };

export async function pullChanges(pool: pg.Pool, input: PullInput): Promise<PullResponse> {
  const cursor = decodeCursor(input.cursor, input.serverId);
  const teams = Object.keys(cursor.t);
  const values: unknown[] = [teams, teams.map((t) => cursor.t[t]), input.limit + 1];
  if (input.deviceId) values.push(...PULL_CONTACT.values(input.deviceId, input.personId, input.now, input.report));
  return withPerson(pool, input.personId, async (db) => {
    const { rows } = await db.query<PullRow>(prepared(pullStatement(input.deviceId !== undefined), values));
    const after = new Map<string, number>();
    const changes: Change[] = [];
    for (const row of rows) {
      if (row.seq !== null) {
        changes.push(toChange(row));
        continue;
      }
      const position = Number(row.after_seq);
      if (position > Number(row.last_seq)) throw invalid('The download position the app sent is ahead of this server.');
      after.set(row.team_id, position);
    }
    const more = changes.length > input.limit;
    const page = changes.slice(0, input.limit);
    // Teams the person no longer sees keep their positions: rejoining resumes where it left off.
    const next: Record<string, number> = { ...cursor.t };
    for (const [team, position] of after) next[team] = position;
    for (const change of page) next[change.teamId] = Math.max(next[change.teamId] ?? 0, change.seq);
    return { serverId: input.serverId, changes: page, cursor: encodeCursor({ s: input.serverId, t: next }), more, asOf: input.now };
  });
}
