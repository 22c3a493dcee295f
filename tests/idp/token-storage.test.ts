/**
 * Where the desktop's tokens live: only in the encrypted local database (main/sync/token-store.ts),
 * never in plain bytes on disk, and never in anything the renderer can receive through the IPC
 * contract (shared/ipc/contract.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { openDatabase } from '../../main/db/open';
import { createSignIn } from '../../main/sync/sign-in';
import { loadTokens, type StoredTokens } from '../../main/sync/token-store';
import { startApp } from '../support/test-app';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { movableClock, personAtBrowser, startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from '../support/team/idp';

const ALEX = { email: 'alex.clinician@thrive.test', password: TEST_PASSWORD };
let idp: TestIdp;

beforeAll(async () => {
  idp = await startIdp();
});
afterAll(async () => {
  await idp.stop();
});

function sessionOn(db: Parameters<typeof createSignIn>[0]['db']) {
  const browser = personAtBrowser(ALEX);
  return createSignIn({
    db,
    clock: movableClock(),
    issuer: idp.issuer,
    clientId: idp.clientId,
    audience: TEST_AUDIENCE,
    openBrowser: (url) => browser.openBrowser(url),
  });
}

/** Pieces of each token long enough to be unmistakable if they were on disk in plain. */
function secretsOf(tokens: StoredTokens): string[] {
  const parts = [tokens.accessToken, tokens.refreshToken!, tokens.idToken!].flatMap((t) => t.split('.'));
  return [...parts.filter((p) => p.length >= 20).map((p) => p.slice(0, 32)), 'signIn.tokens', ALEX.email];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the stored sign-in', () => {
  it('is encrypted at rest in the local database file and its WAL', async () => {
    const path = tempDbPath();
    const db = openDatabase({ path, key: TEST_KEY, create: true });
    await sessionOn(db).signIn();
    const tokens = loadTokens(db)!;
    expect(tokens.refreshToken).toBeTruthy();
    const files = [path, `${path}-wal`].filter(existsSync);
    const onDiskWhileOpen = files.map((f) => readFileSync(f).toString('latin1')).join('');
    expect(onDiskWhileOpen.length).toBeGreaterThan(4096);
    db.close();
    const onDiskClosed = [path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    for (const secret of secretsOf(tokens)) {
      expect(onDiskWhileOpen.includes(secret), `"${secret}" in plain on disk`).toBe(false);
      expect(onDiskClosed.includes(secret), `"${secret}" in plain on disk`).toBe(false);
    }
    const reopened = openDatabase({ path, key: TEST_KEY });
    try {
      expect(loadTokens(reopened)).toEqual(tokens);
    } finally {
      reopened.close();
    }
  });

  it('is never in the answer of any IPC channel', async () => {
    const app = startApp();
    // As the app passes it: a restored backup replaces services.db, so it is read at each use.
    const session = sessionOn(() => app.services.db);
    await session.signIn();
    const tokens = loadTokens(app.services.db)!;
    for (const channel of CHANNEL_NAMES) {
      for (const args of [{}, undefined]) {
        const answer = JSON.stringify(app.call(channel as never, args as never));
        for (const secret of secretsOf(tokens).slice(0, -2)) expect(answer.includes(secret), `${channel} answered a token`).toBe(false);
      }
    }
    expect(await session.getAccessToken()).toBe(tokens.accessToken);
  });

  it('stays in main: the preload, shared/ and the renderer never import the sign-in or its store', () => {
    const root = join(__dirname, '..', '..');
    const readers = [join(root, 'shared'), join(root, 'renderer')]
      .flatMap(sourceFiles)
      .concat(join(root, 'main', 'preload.ts'))
      .filter((f) => /sync\/(sign-in|token-store)['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(readers).toEqual([]);
    // The store is read through sign-in.ts alone, so getAccessToken is the one way to a token.
    const storeReaders = sourceFiles(join(root, 'main'))
      .filter((f) => /token-store['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f));
    expect(storeReaders).toEqual([join('main', 'sync', 'sign-in.ts')]);
  });
});
