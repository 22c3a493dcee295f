/**
 * `thrive backup [--reason manual|daily]`, `thrive backups [--json]`, `thrive restore FILE_NAME` and
 * `thrive verify-audit`: the backups of Settings and the audit-chain check, for IT's scheduled jobs and
 * for recovery on a machine where the app will not start.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatUkDateTime } from '../../shared/dates';
import { AppError } from '../../shared/ipc/result';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/ipc/security-types';
import { readDatabaseKey, type AppServices, type AppServicesOptions } from '../app-services';
import { restoreOverDamaged } from '../backup/restore';
import { backupFolderFor } from '../backup/service';
import { profileClinicianId } from '../db/repos/settings';
import { verifyAudit, type AuditReport } from '../db/verify-audit';
import { auditRestore } from '../features/backup/handlers';
import { choice, onlyOptions, UsageError, type ParsedArgs } from './args';
import { formatBytes, json, printError, type CliIo } from './io';
import { BackupFileArgs } from '../../shared/ipc/schemas/backup';

export const BACKUP_COMMANDS = ['backup', 'backups', 'restore', 'verify-audit'] as const;
/** What a person or a scheduled job may say a backup is for (the app adds 'quit' and 'before_restore'). */
const CLI_REASONS = ['manual', 'daily'] as const;

export type BackupCommand = (services: AppServices, io: CliIo) => number;

export function isBackupCommand(command: string | undefined): command is (typeof BACKUP_COMMANDS)[number] {
  return (BACKUP_COMMANDS as readonly string[]).includes(command ?? '');
}

function noExtra(command: string, extra: readonly string[]): void {
  if (extra.length > 0) throw new UsageError(`Unexpected ${extra.join(' ')} after ${command}`);
}

/** Checks the command line before the database is opened, so a mistake never creates a file. */
export function planBackupCommand(args: ParsedArgs, command: (typeof BACKUP_COMMANDS)[number], rest: readonly string[]): BackupCommand {
  switch (command) {
    case 'backup': {
      onlyOptions(args, 'backup', ['--reason']);
      noExtra('backup', rest);
      const reason = choice(args, '--reason', CLI_REASONS, 'manual');
      return (services, io) => {
        let made: BackupInfo;
        try {
          made = services.backups.backupNow(reason);
        } catch (error) {
          if (error instanceof AppError) return printError(io, error.toIpcError());
          throw error;
        }
        io.out(`Backup taken ${formatUkDateTime(made.takenAt)} and checked: ${join(services.backups.folder, made.fileName)} (${formatBytes(made.sizeBytes)}).\n`);
        return 0;
      };
    }
    case 'backups':
      onlyOptions(args, 'backups', ['--json']);
      noExtra('backups', rest);
      return (services, io) => {
        const list = services.backups.list();
        io.out(args.flags.has('--json') ? json(list) : backupListAsText(list));
        return 0;
      };
    case 'restore': {
      onlyOptions(args, 'restore', []);
      const [fileName, ...extra] = rest;
      if (!fileName) throw new UsageError('Say which backup to restore: thrive restore FILE_NAME (see thrive backups)');
      noExtra(`restore ${fileName}`, extra);
      if (!BackupFileArgs.safeParse({ fileName }).success) {
        throw new UsageError(`${fileName} is not a backup name: give a file name from thrive backups, such as thrive-backup-20261122-140500.db`);
      }
      return (services, io) => {
        const result = services.invoke('backup:restore', { fileName });
        if (!result.ok) return printError(io, result.error);
        printRestored(io, result.value as RestoreResult);
        return 0;
      };
    }
    case 'verify-audit':
      onlyOptions(args, 'verify-audit', []);
      noExtra('verify-audit', rest);
      return (services, io) => {
        const report = verifyAudit(services.db);
        io.out(auditReportAsText(report));
        return report.ok ? 0 : 1;
      };
  }
}

const PROBLEM_WORDS: Record<AuditReport['records'][number]['problem'], string> = {
  changed: 'changed outside THRIVE Plans',
  missing: 'removed outside THRIVE Plans',
  unaccounted: 'not written by THRIVE Plans (no audit entry accounts for it)',
};

/** The verify-audit report for a terminal: the chain, its anchor, then each row that differs. */
export function auditReportAsText(report: AuditReport): string {
  const lines: string[] = [];
  const { chain, anchor } = report;
  lines.push(
    chain.ok
      ? `Audit trail intact: ${chain.entries} entries, chain verified`
      : `Audit trail broken at entry ${chain.seq}: it ${chain.problem}. That entry and every one after it cannot be trusted.`,
  );
  if (anchor.state === 'ok') {
    const since = anchor.startedAtSeq === 0 ? 'since the trail began' : `since entry ${anchor.startedAtSeq} (${formatUkDateTime(anchor.startedAt)})`;
    lines.push(`Anchor (${anchor.file}): the trail holds entry ${anchor.seq} as anchored; anchored ${since}.`);
  } else if (anchor.state === 'broken') {
    lines.push(`Anchor (${anchor.file}) disagrees with the trail: ${anchor.problem}.`);
  } else if (anchor.state === 'missing') {
    lines.push(`No anchor beside the database yet (${anchor.file}): the trail is empty.`);
  }
  if (report.records.length === 0) {
    lines.push(`Records: ${report.rowsChecked} rows checked, every one as the audit trail says it was written.`);
  } else {
    lines.push(`Records: ${report.records.length} of ${report.rowsChecked + report.records.filter((r) => r.problem === 'missing').length} rows differ from the audit trail:`);
    for (const r of report.records) {
      const fields = r.fields.length > 0 ? ` (${r.fields.join(', ')})` : '';
      const entry = r.auditSeq !== null ? `; last written by audit entry ${r.auditSeq}` : '';
      const cases = r.caseRefs.length > 0 ? `; case ${r.caseRefs.join(', ')}` : '';
      lines.push(`  ${r.table} ${r.id}: ${PROBLEM_WORDS[r.problem]}${fields}${entry}${cases}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function printRestored(io: CliIo, restored: RestoreResult): void {
  io.out(
    `Restored the backup taken ${formatUkDateTime(restored.restoredFrom.takenAt)} (${restored.restoredFrom.fileName}).\n` +
      (existsSync(restored.setAsideAs)
        ? `The database in use before was set aside as ${restored.setAsideAs} (not deleted).\n`
        : 'There was no database file to set aside.\n'),
  );
}

/**
 * `thrive restore` when the database will not open: the damaged files are quarantined (never deleted)
 * and the chosen backup put in place, once it has passed its check with this key.
 */
export function restoreOverDamagedDatabase(opts: AppServicesOptions, fileName: string, openError: unknown, io: CliIo): number {
  // The database may be gone altogether: the key comes from the key file, never a new one.
  const key = readDatabaseKey(opts);
  const log = opts.log ?? (() => undefined);
  log(`the database will not open (${(openError as Error).message.split('\n')[0]}); restoring ${fileName} in its place`);
  let restored: ReturnType<typeof restoreOverDamaged>;
  try {
    restored = restoreOverDamaged({ dbPath: opts.dbPath, key, dir: backupFolderFor(opts.dbPath), clock: opts.clock, fileName, log });
  } catch (error) {
    if (error instanceof AppError) return printError(io, error.toIpcError());
    throw error;
  }
  try {
    auditRestore(restored.db, opts.clock.now(), profileClinicianId(restored.db) ?? opts.systemActor ?? 'system:cli', restored);
  } finally {
    restored.db.close();
  }
  printRestored(io, restored);
  return 0;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

/** The Backups table of Settings, for a terminal. */
export function backupListAsText(list: BackupList): string {
  const lines = [`Backups in ${list.folder}`];
  lines.push(list.lastVerifiedAt ? `Last backup: ${formatUkDateTime(list.lastVerifiedAt)}` : 'No backup yet');
  if (list.lastFailure) lines.push(list.lastFailure);
  if (list.backups.length > 0) {
    const rows = list.backups.map((b) => [formatUkDateTime(b.takenAt), b.reason, b.kept, formatBytes(b.sizeBytes), b.fileName]);
    const header = ['Taken', 'Kind', 'Kept as', 'Size', 'File'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    lines.push('', [...header.keys()].map((i) => pad(header[i]!, widths[i]!)).join('  ').trimEnd());
    for (const row of rows) lines.push(row.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
