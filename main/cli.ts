/**
 * The headless command line: the same handlers and validation as the app, on the same database file,
 * for trust IT's scheduled jobs and for checking what the app would show on a given day.
 * bin/thrive.cjs loads the bundled copy of this file (dist/main/cli.js) and calls runCli.
 */
import { existsSync } from 'node:fs';
import { isIsoDate, parseUkDate, type IsoDate } from '../shared/dates';
import type { Clock } from '../shared/clock';
import { CHANNEL_NAMES } from '../shared/ipc/channels';
import { argsJsonSchema, contract } from '../shared/ipc/contract';
import type { IpcResult } from '../shared/ipc/result';
import type { Caseload, ExportFile } from '../shared/ipc/types';
import { escapeForTerminal } from '../shared/text';
import { keyFromRecoveryCode, keystorePathFor, readRecoveryCodeFile, writeKeyFile } from './cli/recovery-key';
import { createAppServices, resolveDatabaseKey, systemClock, type AppServices, type AppServicesOptions } from './app-services';
import { classifyOpenError } from './backup/recovery';
import { CliRefusal, parseArgs, UsageError, type ParsedArgs } from './cli/args';
import { isBackupCommand, planBackupCommand, restoreOverDamagedDatabase } from './cli/backup-commands';
import { planExport } from './cli/export-commands';
import { planImport } from './cli/import-command';
import { json, printError, printResult, writeFileAtomically, type CliIo } from './cli/io';
import { hintFor } from './cli/profile-hint';
import { USAGE, USAGE_HINT } from './cli/usage';
import { DatabaseOpenError } from './db/errors';
import { profileClinicianId } from './db/repos/settings';
import { diagnoseUnreadable } from './db/unreadable';
import { runInit } from './cli/init-command';
import { caseloadAsText } from './features/caseload/caseload-text';

export type { CliIo } from './cli/io';
export { USAGE } from './cli/usage';

function cliClock(today: string | undefined): Clock {
  if (today === undefined) return systemClock();
  const day: IsoDate | null = isIsoDate(today) ? today : parseUkDate(today);
  if (!day) throw new UsageError(`--today must be a date such as 2026-03-15 or 15/03/2026, not "${today}"`);
  // Only the calendar day is pinned; audit entries still record the real instant of the change.
  return { today: () => day, now: () => new Date().toISOString() };
}

function serviceOptions(args: ParsedArgs, io: CliIo): AppServicesOptions {
  const dbPath = args.options.get('--db');
  if (!dbPath) throw new UsageError('Say which database to use with --db FILE');
  const keyFile = args.options.get('--key-file');
  const envKey = io.env.THRIVE_DB_KEY;
  const codeFile = args.options.get('--recovery-code-file');
  const code = codeFile ? readRecoveryCodeFile(codeFile) : io.env.THRIVE_RECOVERY_CODE?.trim();
  const key = keyFile ? undefined : envKey ? envKey.trim() : code ? keyFromRecoveryCode(dbPath, code) : undefined;
  if (!keyFile && !key && !existsSync(`${dbPath}.key`) && existsSync(keystorePathFor(dbPath))) {
    throw new CliRefusal(
      'This database is protected by the app lock. Unlock it with the organisation recovery code ' +
        '(--recovery-code-file FILE or THRIVE_RECOVERY_CODE), or use a key file made with thrive key-file (--key-file FILE).',
    );
  }
  return {
    dbPath,
    ...(keyFile ? { keyFile } : key ? { key } : {}),
    clock: cliClock(args.options.get('--today')),
    log: (message) => io.err(`thrive: ${message}\n`),
    // Slow-call timings are for the app's log; at a terminal or in a job's log they read as faults.
    trace: args.flags.has('--verbose') ? (message) => io.err(`thrive: ${message}\n`) : () => {},
    systemActor: 'system:cli',
  };
}

/**
 * Never creates a database (that is `init`). A key that does not open the file is checked against the
 * backups, so a wrong key and a damaged file are told apart (main/db/unreadable.ts).
 */
function openServices(args: ParsedArgs, io: CliIo): AppServices {
  const options = serviceOptions(args, io);
  try {
    return createAppServices(options);
  } catch (error) {
    if (!(error instanceof DatabaseOpenError && error.reason === 'wrong_key')) throw error;
    throw diagnoseUnreadable(options.dbPath, resolveDatabaseKey(options), 'given', error).error;
  }
}

function isMissingDatabase(error: unknown): boolean {
  return error instanceof DatabaseOpenError && error.reason === 'database_missing';
}

/** The io a command runs with once the database is open: a refusal for want of a profile says how to set one up. */
function withHints(io: CliIo, args: ParsedArgs, services: AppServices): CliIo {
  const dbPath = args.options.get('--db')!;
  return { ...io, hint: (error) => hintFor(error, dbPath, () => profileClinicianId(services.db) !== null) };
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
  writeFileAtomically(out, bytes);
  io.out(json({ ok: true, value: { fileName: result.value.fileName, mimeType: result.value.mimeType, path: out, bytes: bytes.length } }));
  return 0;
}

/** export, import and the backup commands: checked in full before the database is opened, so a mistake never creates a file. */
function runPlannedCommand(args: ParsedArgs, command: string, rest: string[], io: CliIo): number {
  const run = isBackupCommand(command)
    ? planBackupCommand(args, command, rest)
    : command === 'export'
      ? planExport(args, rest[0], rest.slice(1))
      : planImport(args, rest[0], rest.slice(1));
  let services: AppServices;
  try {
    services = openServices(args, io);
  } catch (error) {
    // A database too damaged to open, emptied or gone can still be replaced by a backup from the command line.
    if (command === 'restore' && (classifyOpenError(error) !== null || isMissingDatabase(error))) {
      return restoreOverDamagedDatabase(serviceOptions(args, io), rest[0]!, error, io);
    }
    throw error;
  }
  try {
    return run(services, withHints(io, args, services));
  } finally {
    services.close();
  }
}

/** `key-file --out FILE`: the key the recovery code unwraps, written for scheduled jobs. */
function runKeyFile(args: ParsedArgs, io: CliIo): number {
  const out = args.options.get('--out');
  if (!out) throw new UsageError('Say where to write the key with --out FILE');
  const options = serviceOptions(args, io);
  if (options.key === undefined) throw new UsageError('key-file needs the recovery code: --recovery-code-file FILE or THRIVE_RECOVERY_CODE');
  // Opened once to prove the key is right before anyone relies on the file.
  openServices(args, io).close();
  writeKeyFile(out, options.key);
  io.out(`Wrote the database key to ${out} (readable by this account only). Keep it as safe as the records.\n`);
  return 0;
}

/** `call`'s JSON arguments, checked before the database is opened, so a mistake never creates a file. */
function callArgsOf(rest: string[]): { ok: true; value: unknown } | IpcResult<never> {
  if (!rest[0]) throw new UsageError('Say which channel to call, e.g. thrive --db FILE call app:state');
  try {
    return { ok: true, value: JSON.parse(rest[1] ?? '{}') };
  } catch (error) {
    return { ok: false, error: { code: 'validation', message: `The arguments are not valid JSON: ${(error as Error).message}` } };
  }
}

/** call, caseload and seed-demo: one channel each over the open database. */
function runChannelCommand(args: ParsedArgs, command: 'call' | 'caseload' | 'seed-demo', rest: string[], io: CliIo): number {
  const callArgs = command === 'call' ? callArgsOf(rest) : { ok: true as const, value: {} };
  if (!callArgs.ok) return printResult(io, callArgs);
  const services = openServices(args, io);
  io = withHints(io, args, services);
  try {
    if (command === 'call') {
      const result = services.invoke(rest[0]!, callArgs.value);
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
    if (!result.ok) return printError(io, result.error);
    io.out(args.flags.has('--json') ? json(result.value) : caseloadAsText(result.value as Caseload));
    return 0;
  } finally {
    services.close();
  }
}

function runCommand(args: ParsedArgs, io: CliIo): number {
  const [command, ...rest] = args.positionals;
  if (command === 'channels') {
    io.out(json(CHANNEL_NAMES.map((name) => ({ channel: name, description: contract[name].description, args: argsJsonSchema(name) }))));
    return 0;
  }
  if (command === 'init') return runInit(args, rest, io, () => serviceOptions(args, io));
  if (command === 'export' || command === 'import' || isBackupCommand(command)) return runPlannedCommand(args, command, rest, io);
  if (command === 'key-file') return runKeyFile(args, io);
  if (command === 'call' || command === 'caseload' || command === 'seed-demo') return runChannelCommand(args, command, rest, io);
  throw new UsageError(command ? `Unknown command ${command}` : 'Say which command to run');
}

/** Runs one command line; resolves to the process exit code. Never throws. */
export async function runCli(argv: readonly string[], io?: Partial<CliIo>): Promise<number> {
  const out = io?.out ?? ((text: string) => process.stdout.write(text));
  const err = io?.err ?? ((text: string) => process.stderr.write(text));
  // Everything printed passes through here, so stored text (a name holding ESC sequences or a
  // direction override, from before text fields refused them) is shown escaped, never acted on.
  const full: CliIo = {
    out: (text) => out(escapeForTerminal(text)),
    err: (text) => err(escapeForTerminal(text)),
    env: io?.env ?? process.env,
    // A caller that captures stderr (a test, a pipe) gets no progress unless it asks with --progress.
    errIsTty: io?.errIsTty ?? (io?.err ? false : process.stderr.isTTY === true),
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
      // The mistake first and alone; the whole help text would push it off the screen.
      full.err(`thrive: ${error.message}\n${USAGE_HINT}`);
    } else if (error instanceof DatabaseOpenError || error instanceof CliRefusal) {
      full.err(`thrive: ${error.message}\n`);
    } else {
      full.err(`thrive: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  }
}
