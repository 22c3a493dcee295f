/**
 * The sync channels (docs/team-mode.md): thin calls into the sync engine the app services hold. A
 * session without one (the CLI, a headless test) is solo: its status says so and the rest is refused.
 */
import { AppError } from '../../../shared/ipc/result';
import type { HandlerContext, Handlers, SyncChannel } from '../../ipc/types';
import { joinCases, joinPreview } from '../../sync/join';
import { soloStatus, type SyncService } from './sync-service';

function syncOf(ctx: HandlerContext): SyncService {
  if (!ctx.sync) throw new AppError('forbidden', 'Team sync is not available in this session: it runs in the THRIVE Plans app.');
  return ctx.sync;
}

export const syncHandlers: Pick<Handlers, SyncChannel> = {
  'sync:status': (_args, ctx) => ctx.sync?.status() ?? soloStatus(),
  'sync:connect': (args, ctx) => syncOf(ctx).connect(args.serverUrl),
  'sync:signIn': (_args, ctx) => syncOf(ctx).signIn(),
  'sync:signOut': (_args, ctx) => syncOf(ctx).signOut(),
  'sync:now': (_args, ctx) => syncOf(ctx).syncNow(),
  'sync:conflicts': (_args, ctx) => ctx.sync?.conflicts() ?? [],
  'sync:resolve': (args, ctx) => syncOf(ctx).resolve(args.conflictId, args.choice),
  'sync:joinPreview': (_args, ctx) => joinPreview(ctx.db),
  'sync:join': (args, ctx) => {
    const preview = joinCases(ctx.db, ctx.clock, args.decisions);
    // Uploaded cases wait in the outbox like any save; sync's own channels do not count as local work.
    ctx.sync?.noteLocalWrite();
    return preview;
  },
  'sync:refused': (_args, ctx) => ctx.sync?.refused() ?? [],
  'sync:retry': (args, ctx) => syncOf(ctx).retry(args.caseId),
};
