/**
 * The server tests' standard world: one PostgreSQL, one team server, and two teams — Alex and Bea
 * (clinicians) and Lee (team lead) in team-a; Sam in team-b. Tokens come from a real sign-in through
 * the local OpenID Connect provider (tests/support/team/idp.ts), or, for the token refusal tests that
 * need tokens no real provider issues, from a test issuer (./test-issuer.ts).
 */
import { fixedClock } from '../../../shared/clock';
import { createTokenVerifier } from '../../../server/auth/verify-token';
import { createTeam, grant } from '../../../server/db/admin';
import { accessTokenFor, startIdp, TEST_ACCOUNTS, TEST_PASSWORD, TEST_AUDIENCE, type TestIdp } from '../../support/team/idp';
import { startPostgres, type TestPostgres } from '../../support/team/postgres';
import { startTeamServer, type TeamServer } from '../../support/team/team-server';
import { startTestIssuer, type TestIssuer } from './test-issuer';

const account = (prefix: string) => TEST_ACCOUNTS.find((a) => a.email.startsWith(prefix))!;
export const PEOPLE = { alex: account('alex'), bea: account('bea'), lee: account('lee'), sam: account('sam') } as const;
export const EMAILS = Object.fromEntries(Object.entries(PEOPLE).map(([k, a]) => [k, a.email])) as Record<Who, string>;
export type Who = keyof typeof PEOPLE;
/** An account the provider knows and no service admin has granted anything. */
export const STRANGER = { email: 'stranger@thrive.test', name: 'Stranger Danger', password: TEST_PASSWORD } as const;

export interface World {
  postgres: TestPostgres;
  /** Set when the world signs in through a test issuer (startWorld({ testIssuer: true })). */
  issuer: TestIssuer | undefined;
  idp: TestIdp | undefined;
  server: TeamServer;
  ids: Record<Who, string>;
  /** An access token for the person (a real sign-in, kept for the world's life). */
  token(who: Who): Promise<string>;
  /** A fresh sign-in by email through the world's provider or issuer. */
  signIn(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startWorld(options: { testIssuer?: boolean } = {}): Promise<World> {
  const postgres = await startPostgres();
  const issuer = options.testIssuer ? await startTestIssuer() : undefined;
  const idp = options.testIssuer ? undefined : await startIdp({ audience: TEST_AUDIENCE, accounts: [...TEST_ACCOUNTS, STRANGER] });
  const issuerUrl = issuer?.issuer ?? idp!.issuer;
  const verifyToken = createTokenVerifier({ issuer: issuerUrl, audience: TEST_AUDIENCE, clockToleranceSec: 5 });
  const server = await startTeamServer({
    postgres,
    verifyToken,
    clock: fixedClock('2026-03-02'),
    config: { issuer: issuerUrl, clientId: 'thrive-desktop', audience: TEST_AUDIENCE },
  });
  const ids = await server.admin(async (c) => {
    await createTeam(c, { id: 'team-a', name: 'Team A' });
    await createTeam(c, { id: 'team-b', name: 'Team B' });
    const as = (who: Who, teamId: string, role: 'clinician' | 'team_lead') =>
      grant(c, { email: PEOPLE[who].email, teamId, role, name: PEOPLE[who].name });
    return {
      alex: await as('alex', 'team-a', 'clinician'),
      bea: await as('bea', 'team-a', 'clinician'),
      lee: await as('lee', 'team-a', 'team_lead'),
      sam: await as('sam', 'team-b', 'clinician'),
    };
  });
  const tokens = new Map<Who, Promise<string>>();
  const token = (who: Who): Promise<string> => {
    if (issuer) return issuer.token(PEOPLE[who].email, { name: PEOPLE[who].name });
    if (!tokens.has(who)) tokens.set(who, accessTokenFor(idp!, PEOPLE[who].email));
    return tokens.get(who)!;
  };
  return {
    postgres,
    issuer,
    idp,
    server,
    ids,
    token,
    signIn: (email) => (issuer ? issuer.token(email) : accessTokenFor(idp!, email)),
    async close() {
      await server.close();
      await issuer?.close();
      await idp?.stop();
      await postgres.stop();
    },
  };
}
