/**
 * The service admin's commands (server/admin-cli.ts), runnable in-process for tests. They connect with
 * the owner URL (THRIVE_OWNER_DATABASE_URL or --database-url): the role that ran the migrations and
 * bypasses row security. Roles are granted only here, never by the API.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { roleOnServer } from '../shared/sync/protocol';
import { createTeam, grant, listMemberships, revoke } from './db/admin';
import { migrate, setApiPassword } from './db/migrate';
import { verifyChains } from './db/verify-chain';

export const USAGE = `Usage: thrive-server-admin <command> [options]   (owner URL in THRIVE_OWNER_DATABASE_URL or --database-url)
  migrate                                   apply pending schema migrations
  set-api-password                          set thrive_api's password from THRIVE_API_PASSWORD
  create-team --id ID --name NAME
  grant --email EMAIL --team ID --role clinician|team_lead|service_admin [--name NAME]
  revoke --email EMAIL --team ID
  list                                      teams, members and roles
  verify-chain [--team ID]                  re-check every team's change-log hash chain`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

type Values = Record<string, string | undefined>;

function need(values: Values, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}

class UsageError extends Error {}

async function withOwner<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function runCommand(command: string, values: Values, url: string, io: CliIo): Promise<number> {
  switch (command) {
    case 'migrate': {
      const ran = await migrate(url);
      io.out(ran.length ? `Applied: ${ran.join(', ')}` : 'Already up to date.');
      return 0;
    }
    case 'set-api-password': {
      const password = io.env.THRIVE_API_PASSWORD;
      if (!password || password.length < 16) throw new UsageError('THRIVE_API_PASSWORD must hold a password of at least 16 characters');
      await setApiPassword(url, password);
      io.out('thrive_api password set.');
      return 0;
    }
    case 'create-team':
      await withOwner(url, (c) => createTeam(c, { id: need(values, 'id'), name: need(values, 'name') }));
      io.out(`Team ${values.id} created.`);
      return 0;
    case 'grant': {
      const role = roleOnServer.safeParse(need(values, 'role'));
      if (!role.success) throw new UsageError('--role must be clinician, team_lead or service_admin');
      const email = need(values, 'email');
      const team = need(values, 'team');
      await withOwner(url, (c) => grant(c, { email, teamId: team, role: role.data, name: values.name }));
      io.out(`${email} is now ${role.data} in ${team}.`);
      return 0;
    }
    case 'revoke': {
      const removed = await withOwner(url, (c) => revoke(c, need(values, 'email'), need(values, 'team')));
      io.out(removed ? `${values.email} removed from ${values.team}.` : `${values.email} was not a member of ${values.team}.`);
      return removed ? 0 : 1;
    }
    case 'list':
      for (const m of await withOwner(url, listMemberships)) {
        io.out([m.teamId, m.teamName, m.email ?? '-', m.role ?? '-', m.signedIn ? 'signed in' : m.email ? 'not yet signed in' : ''].join('\t'));
      }
      return 0;
    case 'verify-chain': {
      const reports = await withOwner(url, (c) => verifyChains(c, values.team));
      for (const r of reports) {
        io.out(`${r.teamId}: ${r.entries} entries, ${r.ok ? 'chain holds' : 'CHAIN BROKEN'}`);
        for (const p of r.problems) io.out(`  ${p}`);
      }
      return reports.every((r) => r.ok) ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs one admin command; returns the exit code (0 done, 1 refused or chain broken, 2 usage). */
export async function runAdminCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: Object.fromEntries(
        ['database-url', 'id', 'name', 'email', 'team', 'role'].map((o) => [o, { type: 'string' as const }]),
      ),
    });
    const url = (values['database-url'] as string | undefined) ?? io.env.THRIVE_OWNER_DATABASE_URL;
    if (!positionals[0]) throw new UsageError('which command?');
    if (!url) throw new UsageError('set THRIVE_OWNER_DATABASE_URL or pass --database-url');
    return await runCommand(positionals[0], values as Values, url, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    io.err((error as Error).message);
    return 1;
  }
}
