/**
 * The team server's wire contract (docs/team-mode.md), declared once for both sides: the device's sync
 * engine (main/sync/) builds requests and parses responses with these schemas, and the server
 * (server/) parses requests and builds responses with the same ones. Pure: no Node, no DOM, no I/O.
 *
 * The case is the unit of consistency. A device pushes a whole case document (every row of the case's
 * tables, as its local SQLite file holds them) together with the server version it was made on
 * (If-Match) and an idempotency key; the server accepts it only if the case is still at that version.
 * Rows carry client-made ids (UUIDv7), so a retried push can never duplicate a record.
 */
import { z } from 'zod';

/** Bumped when a request or response changes shape; the server refuses a protocol it cannot read. */
export const PROTOCOL_VERSION = 1;
/** The oldest device protocol this build of the server still accepts. */
export const OLDEST_ACCEPTED_PROTOCOL = 1;

/** Request headers (lower case, as Node and Fastify hand them over). */
export const PROTOCOL_HEADER = 'thrive-protocol';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const DEVICE_HEADER = 'thrive-device';
/**
 * The device's outbox as it stood when it sent a push or pull: changes waiting and when the oldest was
 * made (the device's clock, ISO). Optional, so an older device is still served; the server keeps them
 * on the device's row, with its own time of contact, for the team lead ("unsynced work on a lost laptop").
 */
export const PENDING_HEADER = 'thrive-pending';
export const OLDEST_PENDING_HEADER = 'thrive-oldest-pending';
export const outboxReportSchema = z.object({
  pending: z.coerce.number().int().min(0).max(10_000_000),
  oldestPendingAt: z.string().datetime({ offset: true }).nullable(),
});
export type OutboxReport = z.infer<typeof outboxReportSchema>;

/**
 * The tables a case document carries, in an order in which inserting them satisfies every foreign key
 * (young_people first, outside `tables`, then these). Deleting runs in the reverse order.
 */
export const CASE_TABLES = [
  'cases',
  'current_views',
  'plans',
  'ending_criteria',
  'goals',
  'reviews',
  'goal_ratings',
  'review_criterion_progress',
  'endings',
  'ending_criterion_status',
  'ending_outcomes',
  'goal_outcomes',
] as const;
export type CaseTable = (typeof CASE_TABLES)[number];

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9:_-]+$/, 'must be an id');
/** A row exactly as SQLite hands it over: column → text, number or null (JSON columns stay as their JSON text). */
export type Row = Record<string, string | number | null>;

const COLUMN = /^[a-z_]+$/;
const MAX_CELL_TEXT = 200_000;

/**
 * Checked in one pass over the row. A first sync checks hundreds of thousands of rows, and z.record
 * with a schema per key and per value was most of the time a device spent reading a page of changes.
 */
function isRow(value: unknown): value is Row {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const column in value) {
    if (!COLUMN.test(column)) return false;
    const cell = (value as Record<string, unknown>)[column];
    if (cell === null || (typeof cell === 'number' && Number.isFinite(cell))) continue;
    if (typeof cell !== 'string' || cell.length > MAX_CELL_TEXT) return false;
  }
  return true;
}

export const rowSchema = z.custom<Row>(isRow, {
  message: `must be a row: column names in lower case, each value text (up to ${MAX_CELL_TEXT.toLocaleString('en-GB')} characters), a number or empty`,
});

export const caseDocumentSchema = z
  .object({
    caseId: id,
    youngPerson: rowSchema,
    tables: z.object(
      Object.fromEntries(CASE_TABLES.map((t) => [t, z.array(rowSchema).max(5_000)])) as Record<
        CaseTable,
        z.ZodArray<typeof rowSchema>
      >,
    ),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const caseRows = doc.tables.cases;
    if (caseRows.length !== 1 || caseRows[0]!.id !== doc.caseId) {
      ctx.addIssue({ code: 'custom', path: ['tables', 'cases'], message: 'must hold exactly the case itself' });
      return;
    }
    if (caseRows[0]!.young_person_id !== doc.youngPerson.id) {
      ctx.addIssue({ code: 'custom', path: ['youngPerson'], message: 'must be the young person the case is about' });
    }
    for (const table of ['current_views', 'plans', 'ending_criteria', 'goals', 'reviews', 'endings'] as const) {
      doc.tables[table].forEach((row, i) => {
        if (row.case_id !== doc.caseId) {
          ctx.addIssue({ code: 'custom', path: ['tables', table, i, 'case_id'], message: 'must be this case' });
        }
      });
    }
  });
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/** What the team server says about itself before sign-in (GET /v1/config, no token needed). */
export const serverConfigSchema = z.object({
  serverId: z.string().min(1),
  protocol: z.number().int(),
  oldestAcceptedProtocol: z.number().int(),
  issuer: z.string().url(),
  /** The OpenID Connect client id the desktop app signs in as (a public client: PKCE, no secret). */
  clientId: z.string().min(1),
  /** The audience the server expects in access tokens. */
  audience: z.string().min(1),
});
export type ServerConfig = z.infer<typeof serverConfigSchema>;

export const roleOnServer = z.enum(['clinician', 'team_lead', 'service_admin']);
export type RoleOnServer = z.infer<typeof roleOnServer>;

/** GET /v1/me: who the token is, and the teams (with their members) that person may see. */
export const meSchema = z.object({
  serverId: z.string(),
  person: z.object({ id, name: z.string() }),
  memberships: z.array(z.object({ teamId: id, role: roleOnServer })),
  teams: z.array(
    z.object({
      id,
      name: z.string(),
      members: z.array(z.object({ personId: id, name: z.string(), role: roleOnServer })),
    }),
  ),
});
export type Me = z.infer<typeof meSchema>;

/**
 * GET /v1/teams/:teamId/devices (team leads of that team only): each device of the team's members, as
 * it stood at its last contact. `lastSeenAt` and `asOf` are the server's clock, so a device's own
 * clock being wrong cannot make it look in touch; `oldestPendingAt` is the device's clock.
 */
export const teamDevicesSchema = z.object({
  teamId: id,
  asOf: z.string(),
  devices: z.array(
    z.object({
      deviceId: id,
      personId: id,
      personName: z.string(),
      lastSeenAt: z.string(),
      pending: z.number().int().min(0).nullable(),
      oldestPendingAt: z.string().nullable(),
    }),
  ),
});
export type TeamDevices = z.infer<typeof teamDevicesSchema>;

/**
 * POST /v1/cases/:caseId/versions with headers If-Match: "<baseVersion>" (If-None-Match: * for a case
 * new to the server), Idempotency-Key and Thrive-Protocol. `madeBy` is the person the outbox recorded
 * as making the change: the server refuses it unless it is the token's person (no forged author).
 */
export const pushBodySchema = z
  .object({
    deviceId: id,
    madeBy: id,
    /** When the device recorded the change (its clock, for display; the server orders by its own). */
    madeAt: z.string().datetime(),
    document: caseDocumentSchema,
  })
  .strict();
export type PushBody = z.infer<typeof pushBodySchema>;

/** 200 (or 201 for a new case): the case's new version and the change-log position it was written at. */
export const pushAcceptedSchema = z.object({
  caseId: id,
  version: z.number().int().min(1),
  seq: z.number().int().min(1),
  at: z.string(),
  /** True when this answers a retry of a push already committed (the same idempotency key). */
  replayed: z.boolean(),
});
export type PushAccepted = z.infer<typeof pushAcceptedSchema>;

/** One committed version of a case, as pulled and as returned beside a conflict. */
export const changeSchema = z.object({
  seq: z.number().int().min(1),
  teamId: id,
  caseId: id,
  version: z.number().int().min(1),
  authorId: id,
  authorName: z.string(),
  deviceId: id,
  at: z.string(),
  document: caseDocumentSchema,
});
export type Change = z.infer<typeof changeSchema>;

/** 412 Precondition Failed: the case moved on; the server's copy so a person can compare and choose. */
export const pushConflictSchema = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string() }),
  server: changeSchema,
});
export type PushConflict = z.infer<typeof pushConflictSchema>;

/**
 * GET /v1/changes?cursor=…&limit=… : the change log after the cursor, in commit order, only the
 * teams row-level security lets this person read. The cursor is opaque to the device.
 */
export const pullResponseSchema = z.object({
  serverId: z.string(),
  changes: z.array(changeSchema),
  cursor: z.string(),
  more: z.boolean(),
  /** The server's time when it answered: what the device shows as "as of". */
  asOf: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const errorCodes = [
  'unauthenticated',
  'forbidden',
  'conflict',
  'bad_request',
  'not_found',
  'client_too_old',
  'cursor_invalid',
  'idempotency_mismatch',
  'unavailable',
] as const;
export type SyncErrorCode = (typeof errorCodes)[number];

/** Every refusal: a code the device acts on and words a person can act on. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
