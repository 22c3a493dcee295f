/**
 * The desktop's sign-in (main/sync/sign-in.ts) as the sync engine asks for it: one sign-in per team
 * server configuration (its issuer, client id and audience from GET /v1/config), made again when the
 * server changes. The database is handed over as a getter: a restored backup replaces the connection.
 */
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/ipc/result';
import type { ServerConfig } from '../../shared/sync/protocol';
import type { Db } from '../db/sql';
import type { SyncAuth } from './engine';
import { getSyncState } from './sync-state';
import { createSignIn, forgetSignIn, hasStoredSignIn, SignInError, type SignIn } from './sign-in';

export interface SignInAuthOptions {
  db: () => Db;
  clock: Clock;
  /** Electron's shell.openExternal in the app. */
  openBrowser: (url: string) => void | Promise<void>;
}

export function signInAuth(opts: SignInAuthOptions): SyncAuth {
  let held: { key: string; signIn: SignIn } | null = null;
  const forConfig = (config: ServerConfig): SignIn => {
    const key = JSON.stringify([config.issuer, config.clientId, config.audience]);
    if (!held || held.key !== key) {
      const signIn = createSignIn({ db: opts.db, clock: opts.clock, issuer: config.issuer, clientId: config.clientId, audience: config.audience, openBrowser: opts.openBrowser });
      held = { key, signIn };
    }
    return held.signIn;
  };
  const config = () => (opts.db().open ? getSyncState(opts.db(), 'serverConfig') : null);
  return {
    async getAccessToken() {
      const c = config();
      return c ? forConfig(c).getAccessToken() : null;
    },
    isSignedIn: () => opts.db().open && hasStoredSignIn(opts.db()),
    async signIn(c) {
      try {
        await forConfig(c).signIn();
      } catch (error) {
        // The sign-in's own words (timed out, refused, the provider unreachable) are what the person sees.
        if (error instanceof SignInError) throw new AppError('forbidden', error.message);
        throw error;
      }
    },
    async signOut() {
      const c = config();
      if (c) await forConfig(c).signOut();
      else forgetSignIn(opts.db());
    },
    tokenRefused() {
      // The server would not take the token (revoked, or this clock far off): signing in again is the
      // one safe way on; the outbox waits meanwhile.
      if (opts.db().open) forgetSignIn(opts.db());
    },
  };
}
