/**
 * What the local trial (server/trial.ts) prints once everything is up: in plain words, for whoever is
 * trying team mode — what to paste into the app, who to sign in as, where the data is, how to stop
 * and how to start again from nothing. The last line starts with "Ready" (tests/server/trial.test.ts
 * waits for it).
 */
import { DEMO_PASSWORD } from '../idp/local-idp';
import { DEMO_PEOPLE, DEMO_TEAMS } from './demo-team';

export interface ReadyFacts {
  serverUrl: string;
  issuer: string;
  dataDir: string;
  ownerUrl: string;
  seededNow: string[];
}

const ROLE_WORDS = { clinician: 'clinician', team_lead: 'team lead', service_admin: 'service admin' } as const;
// The team lead first: signing in as the lead is what shows a colleague's case arriving.
const ROLE_ORDER = ['team_lead', 'clinician', 'service_admin'] as const;

function accountLines(): string[] {
  const width = Math.max(...DEMO_PEOPLE.map((p) => p.email.length));
  return DEMO_TEAMS.flatMap((team) => [
    `  ${team.name}:`,
    ...DEMO_PEOPLE.filter((p) => p.teamId === team.id)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
      .map((p) => `    ${p.email.padEnd(width)}  ${ROLE_WORDS[p.role]} — ${p.name}`),
  ]);
}

export function readyText(f: ReadyFacts): string {
  const seeded = f.seededNow.length
    ? `Made the fictional demo teams (${f.seededNow.join(', ')}) and granted their roles.`
    : 'Reusing the data from an earlier start (the demo teams were made then; nothing was added).';
  return [
    '',
    'THRIVE Plans team server — local trial (this computer only; fictional people, no real records)',
    '',
    seeded,
    '',
    'In the app: Settings → Team server → Server address, paste:',
    `  ${f.serverUrl}`,
    'then Connect, then Sign in. Your browser opens the demo sign-in page.',
    '',
    `Sign in as any of these (password for all: ${DEMO_PASSWORD}):`,
    ...accountLines(),
    '',
    `Sign-in service (OpenID Connect issuer): ${f.issuer}`,
    `Data (PostgreSQL and trial settings):    ${f.dataDir}`,
    `Database owner URL, for the admin CLI:   ${f.ownerUrl}`,
    `  e.g. THRIVE_OWNER_DATABASE_URL='${f.ownerUrl}' node dist/server/admin-cli.js list`,
    '',
    'To stop: press Ctrl+C here. PostgreSQL shuts down cleanly and the data stays for next time.',
    'To start again from nothing: stop it, then run  npm run team:trial -- --reset',
    '',
    `Ready: team server at ${f.serverUrl}`,
  ].join('\n');
}

export const USAGE = `Usage: npm run team:trial -- [options]
  --data DIR      where PostgreSQL and the trial's settings live (default: your user data folder)
  --port N        the team server's port on 127.0.0.1 (default 4780; kept for next time)
  --idp-port N    the demo sign-in service's port (default 4781; kept for next time)
  --db-port N     PostgreSQL's port (default 4782; kept for next time)
  --reset         delete the trial's data first and start from nothing
  --verbose       log every request the team server answers`;
