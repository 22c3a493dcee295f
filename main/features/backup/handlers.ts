/**
 * Backups from Settings (and `thrive backup|backups|restore`): list, back up now, restore. A restore
 * is recorded in the restored database's audit trail, so the history says the record was rolled back.
 */
import { AppError } from '../../../shared/ipc/result';
import { appendAudit } from '../../db/repos/audit';
import type { RestoreResult } from '../../../shared/ipc/security-types';
import { writeTx, type Db } from '../../db/sql';
import type { BackupService } from '../../backup/service';
import type { HandlerContext, Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';

function backupsOf(ctx: HandlerContext): BackupService {
  if (!ctx.backups) throw new AppError('forbidden', 'Backups are not available in this session.');
  return ctx.backups;
}

/** Records a restore in the restored database's own audit trail (the app, and the CLI over a damaged file). */
export function auditRestore(db: Db, at: string, actorId: string, result: RestoreResult): void {
  writeTx(db, () =>
    appendAudit(db, {
      at,
      actorId,
      action: 'backup.restore',
      entity: 'database',
      entityId: result.restoredFrom.fileName,
      after: { restoredFrom: result.restoredFrom.fileName, takenAt: result.restoredFrom.takenAt, setAsideAs: result.setAsideAs },
    }),
  );
}

export const backupHandlers: Pick<Handlers, 'backup:list' | 'backup:create' | 'backup:restore'> = {
  'backup:list': (_args, ctx) => backupsOf(ctx).list(),
  'backup:create': (_args, ctx) => backupsOf(ctx).backupNow('manual'),
  'backup:restore': (args, ctx) => {
    const result = backupsOf(ctx).restore(args.fileName);
    // ctx.db is the restored database now (the service swapped it).
    const write = writeContextOf(ctx);
    auditRestore(write.db, write.clock.now(), write.actor, result);
    return result;
  },
};
