/**
 * Where the desktop keeps its sign-in: one row of sync_state (main/db/migrations/0060-team-sync.sql)
 * in the local database, which is encrypted from the first byte (main/db/open.ts), so the refresh
 * token is never in a plain file. Only main/sync/sign-in.ts reads or writes it; the renderer is told
 * at most who is signed in (SignedInPerson), never a token.
 */
import { z } from 'zod';
import { stmt, writeTx, type Db } from '../db/sql';

/** The sync_state key; the device's own keys are listed in main/sync/sync-state.ts. */
export const TOKENS_KEY = 'signIn.tokens';

const storedTokensSchema = z.object({
  issuer: z.string(),
  clientId: z.string(),
  accessToken: z.string().min(1),
  /** When the access token stops being accepted, by the device's clock when it was received. */
  accessTokenExpiresAt: z.string(),
  /** When it was received (the device's clock): with the end, its lifetime, which bounds the refresh margin. */
  accessTokenReceivedAt: z.string(),
  refreshToken: z.string().min(1).nullable(),
  idToken: z.string().nullable(),
  person: z.object({ subject: z.string(), email: z.string().nullable(), name: z.string().nullable() }),
  signedInAt: z.string(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;
export type SignedInPerson = StoredTokens['person'];

/** The stored sign-in, or null when there is none (or it cannot be read: then the person signs in again). */
export function loadTokens(db: Db): StoredTokens | null {
  const row = stmt<[string], { value: string }>(db, 'SELECT value FROM sync_state WHERE key = ?').get(TOKENS_KEY);
  if (!row) return null;
  const parsed = storedTokensSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}

export function saveTokens(db: Db, tokens: StoredTokens, at: string): void {
  const value = JSON.stringify(storedTokensSchema.parse(tokens));
  writeTx(db, () => {
    stmt(
      db,
      `INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(TOKENS_KEY, value, at);
  });
}

export function clearTokens(db: Db): void {
  writeTx(db, () => {
    stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(TOKENS_KEY);
  });
}
