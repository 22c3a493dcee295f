/**
 * The server tests' standard world: one PostgreSQL, one team server, a test token issuer, and two
 * teams — Alex and Bea (clinicians) and Lee (team lead) in team-a; Omar in team-b.
 */
import { fixedClock } from '../../../shared/clock';
import { createTokenVerifier } from '../../../server/auth/verify-token';
import { createTeam, grant } from '../../../server/db/admin';
import { startPostgres, type TestPostgres } from '../../support/team/postgres';
import { startTeamServer, type TeamServer } from '../../support/team/team-server';
import { startTestIssuer, TEST_AUDIENCE, type TestIssuer } from './test-issuer';

export const EMAILS = { alex: 'alex@trust.test', bea: 'bea@trust.test', lee: 'lee@trust.test', omar: 'omar@trust.test' } as const;
export type Who = keyof typeof EMAILS;

export interface World {
  postgres: TestPostgres;
  issuer: TestIssuer;
  server: TeamServer;
  ids: Record<Who, string>;
  token(who: Who): Promise<string>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const postgres = await startPostgres();
  const issuer = await startTestIssuer();
  const verifyToken = createTokenVerifier({ issuer: issuer.issuer, audience: TEST_AUDIENCE, clockToleranceSec: 5 });
  const server = await startTeamServer({
    postgres,
    verifyToken,
    clock: fixedClock('2026-03-02'),
    config: { issuer: issuer.issuer, clientId: 'thrive-desktop', audience: TEST_AUDIENCE },
  });
  const ids = await server.admin(async (c) => {
    await createTeam(c, { id: 'team-a', name: 'Team A' });
    await createTeam(c, { id: 'team-b', name: 'Team B' });
    return {
      alex: await grant(c, { email: EMAILS.alex, teamId: 'team-a', role: 'clinician', name: 'Alex' }),
      bea: await grant(c, { email: EMAILS.bea, teamId: 'team-a', role: 'clinician', name: 'Bea' }),
      lee: await grant(c, { email: EMAILS.lee, teamId: 'team-a', role: 'team_lead', name: 'Lee' }),
      omar: await grant(c, { email: EMAILS.omar, teamId: 'team-b', role: 'clinician', name: 'Omar' }),
    };
  });
  return {
    postgres,
    issuer,
    server,
    ids,
    token: (who) => issuer.token(EMAILS[who], { name: who[0]!.toUpperCase() + who.slice(1) }),
    async close() {
      await server.close();
      await issuer.close();
      await postgres.stop();
    },
  };
}
