/**
 * The local trial's fictional teams and people. Roles are granted through the service admin's own
 * commands (server/admin-cli-commands.ts), exactly as a trust's admin would grant them, so the trial
 * shows the real path: a grant by email first, and the person bound at their first sign-in.
 */
import { runAdminCli } from '../admin-cli-commands';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type IdpAccount } from '../idp/local-idp';

type DemoRole = 'clinician' | 'team_lead' | 'service_admin';

export interface DemoPerson extends IdpAccount {
  role: DemoRole;
  teamId: string;
}

export const DEMO_TEAMS = [
  { id: 'demo-north', name: 'CAMHS North (demo)' },
  // A second team, so a trial shows that one team never sees another's cases.
  { id: 'demo-south', name: 'CAMHS South (demo)' },
] as const;

/** The provider's demo accounts (server/idp/demo-accounts.ts) in the first team, plus a third clinician and one in the second. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ...DEMO_ACCOUNTS.map((a) => ({ ...a, teamId: 'demo-north' })),
  { email: 'sam.clinician@thrive.test', name: 'Sam Okoro (demo)', password: DEMO_PASSWORD, role: 'clinician', teamId: 'demo-north' },
  { email: 'alex.south@thrive.test', name: 'Alex Reed (demo)', password: DEMO_PASSWORD, role: 'clinician', teamId: 'demo-south' },
];

async function admin(ownerUrl: string, ...argv: string[]): Promise<void> {
  const errors: string[] = [];
  const code = await runAdminCli(argv, { out: () => {}, err: (line) => errors.push(line), env: { THRIVE_OWNER_DATABASE_URL: ownerUrl } });
  if (code !== 0) throw new Error(`Setting up the demo team failed (admin-cli ${argv[0]}): ${errors.join(' ')}`);
}

async function existingTeams(ownerUrl: string): Promise<Set<string>> {
  const lines: string[] = [];
  await runAdminCli(['list'], { out: (line) => lines.push(line), err: () => {}, env: { THRIVE_OWNER_DATABASE_URL: ownerUrl } });
  return new Set(lines.map((line) => line.split('\t')[0]!));
}

/**
 * Creates each demo team that is not there yet and grants its people their roles; a team already
 * there is left as it is (a later revoke or grant by whoever is trying the trial stays). Returns the
 * ids of the teams made now: none on a second start.
 */
export async function seedDemoTeams(ownerUrl: string): Promise<string[]> {
  const have = await existingTeams(ownerUrl);
  const made: string[] = [];
  for (const team of DEMO_TEAMS.filter((t) => !have.has(t.id))) {
    await admin(ownerUrl, 'create-team', '--id', team.id, '--name', team.name);
    for (const person of DEMO_PEOPLE.filter((p) => p.teamId === team.id)) {
      await admin(ownerUrl, 'grant', '--email', person.email, '--team', team.id, '--role', person.role, '--name', person.name);
    }
    made.push(team.id);
  }
  return made;
}
