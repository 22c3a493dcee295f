import type { Clock } from '../../shared/clock';
import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/ipc/contract';
import type { BackupService } from '../backup/service';
import type { Db } from '../db/sql';

/** What every handler gets besides its arguments. */
export interface HandlerContext {
  db: Db;
  clock: Clock;
  log: (message: string) => void;
  /**
   * Timings and other diagnostics: the app's log keeps them (the default is `log`); the CLI shows them
   * only with --verbose, so a scheduled job's output holds what happened, not how long it took.
   */
  trace?: (message: string) => void;
  /** The audit actor when no profile is set up: 'system:app', 'system:cli', … */
  systemActor: string;
  /** Backups of this database (list, back up now, restore); a restore replaces `db` above. */
  backups?: BackupService;
}

export type Handler<C extends Channel> = (args: ParsedArgsOf<C>, ctx: HandlerContext) => ResultOf<C>;

/** One handler per channel of the contract; the compiler refuses a missing or mistyped one. */
export type Handlers = { [C in Channel]: Handler<C> };
