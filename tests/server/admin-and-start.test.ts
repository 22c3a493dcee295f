/** The service admin's CLI commands and the deployment start-up checks, against a real PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCli } from '../../server/admin-cli-commands';
import { apiUrlFrom } from '../../server/db/migrate';
import { readServerEnv, startServer } from '../../server/start';
import { startPostgres, type TestPostgres } from '../support/team/postgres';

let db: TestPostgres;
let ownerUrl: string;
beforeAll(async () => {
  db = await startPostgres();
  await db.createDatabase('admin');
  ownerUrl = db.url('admin');
}, 60_000);
afterAll(async () => {
  await db?.stop();
});

async function admin(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCli(argv, {
    out: (l) => out.push(l), err: (l) => err.push(l), env: { THRIVE_OWNER_DATABASE_URL: ownerUrl, THRIVE_API_PASSWORD: 'a-long-test-password' },
  });
  return { code, out, err };
}

const env = (over: Record<string, string> = {}) => ({
  THRIVE_DATABASE_URL: apiUrlFrom(ownerUrl, 'a-long-test-password'),
  THRIVE_OIDC_ISSUER: 'https://login.trust.test',
  THRIVE_OIDC_AUDIENCE: 'https://thrive.trust.test/api',
  THRIVE_OIDC_CLIENT_ID: 'thrive-desktop',
  THRIVE_PORT: '0',
  ...over,
});

describe('admin CLI', () => {
  it('migrates, sets up a team, grants and revokes roles, lists them and verifies the chain', async () => {
    expect((await admin('migrate')).out).toEqual(['Applied: 0001-tables, 0002-row-security, 0003-append-only-log, 0004-device-outbox']);
    expect((await admin('set-api-password')).code).toBe(0);
    expect((await admin('create-team', '--id', 'camhs-north', '--name', 'CAMHS North')).code).toBe(0);
    expect((await admin('grant', '--email', 'Sam@Trust.test', '--team', 'camhs-north', '--role', 'team_lead', '--name', 'Sam')).out)
      .toEqual(['Sam@Trust.test is now team_lead in camhs-north.']);
    expect((await admin('grant', '--email', 'kim@trust.test', '--team', 'camhs-north', '--role', 'clinician')).code).toBe(0);
    expect((await admin('revoke', '--email', 'kim@trust.test', '--team', 'camhs-north')).code).toBe(0);
    expect((await admin('list')).out).toEqual(['camhs-north\tCAMHS North\tsam@trust.test\tteam_lead\tnot yet signed in']);
    expect((await admin('verify-chain')).out).toEqual(['camhs-north: 0 entries, chain holds']);
  });

  it('refuses a role that does not exist, a team that does not exist, and a missing command', async () => {
    expect(await admin('grant', '--email', 'x@trust.test', '--team', 'camhs-north', '--role', 'owner')).toMatchObject({ code: 2 });
    const noTeam = await admin('grant', '--email', 'x@trust.test', '--team', 'nowhere', '--role', 'clinician');
    expect(noTeam.code).toBe(1);
    expect(noTeam.err.join('\n')).toMatch(/no team "nowhere"/);
    expect((await admin()).code).toBe(2);
  });
});

describe('starting the server for a deployment', () => {
  it('refuses to serve without TLS except on loopback, and says what to set', () => {
    expect(() => readServerEnv(env({ THRIVE_HOST: '0.0.0.0' }))).toThrow(/Refusing to serve without TLS on 0.0.0.0/);
    expect(() => readServerEnv(env({ THRIVE_HOST: '127.0.0.1', THRIVE_TLS_CERT: '/x.pem' }))).toThrow(/both THRIVE_TLS_CERT and THRIVE_TLS_KEY/);
    expect(() => readServerEnv({ ...env(), THRIVE_DATABASE_URL: undefined })).toThrow(/THRIVE_DATABASE_URL is required/);
  });

  it('starts on loopback against a migrated database and answers /v1/config', async () => {
    const started = await startServer(readServerEnv(env({ THRIVE_HOST: '127.0.0.1' })), false);
    try {
      const res = await fetch(`${started.url}/v1/config`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ clientId: 'thrive-desktop', audience: 'https://thrive.trust.test/api', protocol: 1 });
    } finally {
      await started.stop();
    }
  });
});
