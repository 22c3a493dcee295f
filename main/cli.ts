/**
 * The headless command line: the same handlers and validation as the app, on the same database file,
 * for trust IT's scheduled jobs and for checking what the app would show on a given day.
 * bin/thrive.cjs loads the bundled copy of this file (dist/main/cli.js) and calls runCli.
 */
import { writeFileSync } from 'node:fs';
import { isIsoDate, parseUkDate, type IsoDate } from '../shared/dates';
import type { Clock } from '../shared/clock';
import { CHANNEL_NAMES } from '../shared/ipc/channels';
import { argsJsonSchema, contract } from '../shared/ipc/contract';
import type { IpcResult } from '../shared/ipc/result';
import type { Caseload, ExportFile } from '../shared/ipc/types';
import { createAppServices, systemClock, type AppServices } from './app-services';
import { DatabaseOpenError } from './db/errors';
import { caseloadAsText } from './features/caseload/caseload-text';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

export const USAGE = `Usage: thrive --db FILE [--key-file FILE] [--today YYYY-MM-DD] COMMAND

Commands:
  channels                      List every channel with its description and the JSON Schema of its arguments
  call CHANNEL ['JSON'] [--out FILE]
                                Call one channel (arguments as JSON, default {}); prints the result as JSON.
                                With --out, a channel that returns a file (team:exportCsv,
                                team:supervisionPack) writes it to FILE instead of printing its content
  caseload [--clinician ID] [--json]
                                A clinician's open cases with flags and reasons (default: the profile)
  seed-demo                     Fill an empty database with the fictional demo caseload

Options:
  --db FILE        The THRIVE Plans database file (created if it does not exist)
  --key-file FILE  The file holding the 64-hex database key (default FILE.key beside the database);
                   without it the key is read from THRIVE_DB_KEY if set
  --today DATE     Treat DATE as today (YYYY-MM-DD or dd/mm/yyyy), e.g. to see which reviews will be overdue
  --help           Show this help

Exit status: 0 when the command succeeded, 1 when it did not (the error is printed).
`;

const VALUE_OPTIONS = new Set(['--db', '--key-file', '--today', '--clinician', '--out']);
const FLAG_OPTIONS = new Set(['--json', '--help', '-h']);

interface ParsedArgs {
  options: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const options = new Map<string, string>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    if (VALUE_OPTIONS.has(name)) {
      const value = eq > 0 ? token.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      options.set(name, value);
    } else if (FLAG_OPTIONS.has(token)) {
      flags.add(token === '-h' ? '--help' : token);
    } else if (token.startsWith('-') && token.length > 1) {
      throw new UsageError(`Unknown option ${token}`);
    } else {
      positionals.push(token);
    }
  }
  return { options, flags, positionals };
}

function cliClock(today: string | undefined): Clock {
  if (today === undefined) return systemClock();
  const day: IsoDate | null = isIsoDate(today) ? today : parseUkDate(today);
  if (!day) throw new UsageError(`--today must be a date such as 2026-03-15 or 15/03/2026, not "${today}"`);
  // Only the calendar day is pinned; audit entries still record the real instant of the change.
  return { today: () => day, now: () => new Date().toISOString() };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function openServices(args: ParsedArgs, io: CliIo): AppServices {
  const dbPath = args.options.get('--db');
  if (!dbPath) throw new UsageError('Say which database to use with --db FILE');
  const keyFile = args.options.get('--key-file');
  const envKey = io.env.THRIVE_DB_KEY;
  return createAppServices({
    dbPath,
    ...(keyFile ? { keyFile } : envKey ? { key: envKey.trim() } : {}),
    clock: cliClock(args.options.get('--today')),
    log: (message) => io.err(`thrive: ${message}\n`),
    systemActor: 'system:cli',
  });
}

function printResult(io: CliIo, result: IpcResult<unknown>): number {
  io.out(json(result));
  return result.ok ? 0 : 1;
}

function isExportFile(value: unknown): value is ExportFile {
  const v = value as Partial<ExportFile> | null;
  return !!v && typeof v.fileName === 'string' && typeof v.content === 'string' && (v.encoding === 'utf8' || v.encoding === 'base64');
}

/** Writes an exported file where --out says; prints what was written rather than the content. */
function writeExport(io: CliIo, result: IpcResult<unknown>, out: string): number {
  if (!result.ok) return printResult(io, result);
  if (!isExportFile(result.value)) throw new UsageError('--out is only for channels that return a file, such as team:exportCsv');
  const bytes = Buffer.from(result.value.content, result.value.encoding);
  writeFileSync(out, bytes);
  io.out(json({ ok: true, value: { fileName: result.value.fileName, mimeType: result.value.mimeType, path: out, bytes: bytes.length } }));
  return 0;
}

function runCommand(args: ParsedArgs, io: CliIo): number {
  const [command, ...rest] = args.positionals;
  if (command === 'channels') {
    io.out(json(CHANNEL_NAMES.map((name) => ({ channel: name, description: contract[name].description, args: argsJsonSchema(name) }))));
    return 0;
  }
  if (command !== 'call' && command !== 'caseload' && command !== 'seed-demo') {
    throw new UsageError(command ? `Unknown command ${command}` : 'Say which command to run');
  }

  // The arguments are checked before the database is opened, so a mistake never creates a file.
  let callArgs: unknown = {};
  if (command === 'call') {
    if (!rest[0]) throw new UsageError('Say which channel to call, e.g. thrive --db FILE call app:state');
    try {
      callArgs = JSON.parse(rest[1] ?? '{}');
    } catch (error) {
      return printResult(io, {
        ok: false,
        error: { code: 'validation', message: `The arguments are not valid JSON: ${(error as Error).message}` },
      });
    }
  }

  const services = openServices(args, io);
  try {
    if (command === 'call') {
      const result = services.invoke(rest[0]!, callArgs);
      const out = args.options.get('--out');
      return out ? writeExport(io, result, out) : printResult(io, result);
    }
    if (command === 'seed-demo') {
      const result = services.invoke('demo:seed', {});
      if (!result.ok) return printResult(io, result);
      const seeded = result.value as { cases: number; clinicians: number };
      io.out(`Loaded the fictional demo caseload: ${seeded.cases} cases, ${seeded.clinicians} clinicians.\n`);
      return 0;
    }
    const clinicianId = args.options.get('--clinician');
    const result = services.invoke('caseload:list', clinicianId ? { clinicianId } : {});
    if (!result.ok) return printResult(io, result);
    io.out(args.flags.has('--json') ? json(result.value) : caseloadAsText(result.value as Caseload));
    return 0;
  } finally {
    services.close();
  }
}

/** Runs one command line; resolves to the process exit code. Never throws. */
export async function runCli(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const full: CliIo = {
    out: io?.out ?? ((text) => process.stdout.write(text)),
    err: io?.err ?? ((text) => process.stderr.write(text)),
    env: io?.env ?? process.env,
  };
  try {
    const args = parseArgs(argv);
    if (args.flags.has('--help') || args.positionals.length === 0) {
      (args.flags.has('--help') ? full.out : full.err)(USAGE);
      return args.flags.has('--help') ? 0 : 1;
    }
    return runCommand(args, full);
  } catch (error) {
    if (error instanceof UsageError) {
      full.err(`thrive: ${error.message}\n\n${USAGE}`);
    } else if (error instanceof DatabaseOpenError) {
      full.err(`thrive: ${error.message}\n`);
    } else {
      full.err(`thrive: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  }
}
