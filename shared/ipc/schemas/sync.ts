/**
 * The sync channels (docs/team-mode.md): the renderer asks main about the team server through these
 * and nothing else; tokens and server documents never reach the renderer. Arguments are parsed here;
 * results are described here too (zod, so the tests and the e2e bridge can check what main answers).
 */
import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The team server's address. HTTPS, except plain HTTP to this very machine (the local trial and the
 * tests): a clinical record must never cross a network in clear text.
 */
export const ServerUrl = z
  .string({ error: 'Enter the team server address' })
  .trim()
  .min(1, 'Enter the team server address')
  .max(500, 'Use 500 characters or fewer')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Enter the address as your IT team gave it, such as https://thrive.example.nhs.uk' });
      return;
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    if (!secure) ctx.addIssue({ code: 'custom', message: 'The team server address must start with https://' });
    else if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'The address must not contain a user name or password' });
  })
  // One spelling per server: no trailing slash, so paths join the same way every time.
  .transform((value) => value.replace(/\/+$/, ''));

export const SyncConnectArgs = z.strictObject({ serverUrl: ServerUrl });

export const SyncResolveArgs = z.strictObject({
  conflictId: z.string({ error: 'Choose a conflict' }).min(1, 'Choose a conflict').max(64).regex(/^[A-Za-z0-9:_-]+$/, 'Not a valid conflict id'),
  choice: z.enum(['mine', 'theirs'], { error: 'Choose whose version to keep' }),
});

export const syncModes = ['solo', 'team'] as const;
/**
 * What the header shows, most pressing first when several hold: a refusal or a conflict needs the
 * person; signed out and offline explain why changes wait; pending says how many.
 */
export const syncStates = ['up_to_date', 'syncing', 'pending', 'offline', 'signed_out', 'conflict', 'refused'] as const;
export type SyncState = (typeof syncStates)[number];

/** For a team lead: the team's devices out of touch or holding unsent changes (shared/domain/device-contact.ts). */
export const teamDevicesNoticeSchema = z.object({
  /** The team server's time when the list was fetched: the lead's last sync, not now. */
  asOf: z.string(),
  outOfTouchHours: z.number(),
  devices: z.array(
    z.object({
      deviceId: z.string(),
      personName: z.string(),
      lastSeenAt: z.string(),
      pending: z.number().int().min(0),
      oldestPendingAt: z.string().nullable(),
      outOfTouch: z.boolean(),
    }),
  ),
});
export type TeamDevicesNotice = z.infer<typeof teamDevicesNoticeSchema>;

export const syncStatusSchema = z.object({
  /** 'solo': no team server (the default); nothing is sent anywhere. */
  mode: z.enum(syncModes),
  state: z.enum(syncStates),
  /** Local changes not yet accepted by the server. */
  pending: z.number().int().min(0),
  /** When the oldest of them was made (ISO instant), so "waiting since …" can be shown. */
  oldestPendingAt: z.string().nullable(),
  /** Since when the server could not be reached; null when it could be (or was never tried). */
  offlineSince: z.string().nullable(),
  /** The device's time of the last sync that finished. */
  lastSyncedAt: z.string().nullable(),
  /** The server's time of the last pull: what the team view is "as of". */
  asOf: z.string().nullable(),
  conflicts: z.number().int().min(0),
  /**
   * Cases whose push the team server refused outright (not a member of the team, a document it cannot
   * store): set aside with their local work kept, shown with the server's words beside the conflicts.
   */
  refusedChanges: z.number().int().min(0),
  /** Changes made here by someone other than the person signed in: they wait for their author to sign in here. */
  waitingForOthers: z.array(z.object({ name: z.string(), changes: z.number().int().min(1) })),
  person: z.object({ id: z.string(), name: z.string(), role: z.string() }).nullable(),
  teamNames: z.array(z.string()),
  serverUrl: z.string().nullable(),
  /** Words for the person: why a sync was refused, what to do. */
  message: z.string().nullable(),
  /** Set when this computer's clock differs from the team server's by more than a few minutes. */
  clockWarning: z.string().nullable().optional(),
  /** Team leads only: devices of their team to look at; absent otherwise. */
  teamDevices: teamDevicesNoticeSchema.nullable().optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** One side of a difference: a field's stored text, a whole record's fields, or null (not in that version). */
const conflictSideSchema = z.union([z.string(), z.array(z.object({ label: z.string(), value: z.string() }))]).nullable();
export type ConflictSide = z.infer<typeof conflictSideSchema>;

export const conflictViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseRef: z.string(),
  youngPersonName: z.string(),
  detectedAt: z.string(),
  serverAuthorName: z.string(),
  serverAt: z.string(),
  /**
   * Only what differs, labelled as the forms label it: a field of a record both versions hold (its two
   * values), or a whole record only one version holds (its fields, the other side null).
   */
  fields: z.array(z.object({ label: z.string(), mine: conflictSideSchema, theirs: conflictSideSchema })),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

/** A case whose push the team server refused, as the conflicts screen shows it (sync:refused). */
export const refusedChangeViewSchema = z.object({
  caseId: z.string(),
  caseRef: z.string(),
  youngPersonName: z.string(),
  refusedAt: z.string(),
  /** The server's own words. */
  serverWords: z.string(),
  /** What the person can do about it, in the app's words. */
  whatToDo: z.string(),
});
export type RefusedChangeView = z.infer<typeof refusedChangeViewSchema>;

export const SyncRetryArgs = z.strictObject({
  caseId: z.string({ error: 'Choose a case' }).min(1, 'Choose a case').max(64).regex(/^[A-Za-z0-9:_-]+$/, 'Not a valid case id'),
});
