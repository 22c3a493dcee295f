/**
 * Closing the app with team changes not yet sent says so first. Nothing is lost by quitting (the
 * changes are in the encrypted file with their outbox rows and go on the next sync), but a clinician
 * about to hand in a laptop or go on leave must know their team cannot see the work yet. The
 * decision is pure (quitWarning); guardQuit wires it to a window's close with Electron passed in, so
 * main/index.ts adds one call and the test needs no Electron.
 */
import type { SyncStatus } from '../../../shared/ipc/schemas/sync';

export interface QuitPrompt {
  type: 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
  /** "Keep THRIVE Plans open" is the default and what Escape does. */
  defaultId: 1;
  cancelId: 1;
}

const changes = (n: number) => (n === 1 ? '1 change has' : `${n} changes have`);

/** The question to ask before closing, or null when nothing is waiting (solo mode never asks). */
export function quitWarning(status: SyncStatus | null): QuitPrompt | null {
  if (!status || status.mode !== 'team' || (status.pending === 0 && status.conflicts === 0)) return null;
  const waiting = status.pending > 0 ? `${changes(status.pending)} not been sent to the team server.` : '';
  const conflicts =
    status.conflicts > 0 ? `${status.conflicts === 1 ? '1 case needs' : `${status.conflicts} cases need`} you to choose between your version and the server's.` : '';
  const why =
    status.state === 'signed_out'
      ? 'Sign in to send them.'
      : status.state === 'offline'
        ? 'The team server cannot be reached.'
        : 'They are sent the next time THRIVE Plans syncs.';
  return {
    type: 'warning',
    title: 'Changes not sent',
    message: [waiting, conflicts].filter(Boolean).join(' '),
    detail: `Nothing is lost: your changes stay on this computer${status.pending > 0 ? ` and your team cannot see them yet. ${why}` : '.'}`,
    buttons: ['Quit anyway', 'Keep THRIVE Plans open'],
    defaultId: 1,
    cancelId: 1,
  };
}

export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
}

/**
 * Holds the window's close until the sync status is known and, if changes wait, the person has
 * answered. A status that cannot be read (locked: the database is closed) lets the close go ahead:
 * the lock screen already said changes were waiting.
 */
export function guardQuit(win: ClosableWindow, deps: { status(): Promise<SyncStatus | null>; ask(prompt: QuitPrompt): Promise<number> }): void {
  let allowed = false;
  win.on('close', (event) => {
    if (allowed) return;
    event.preventDefault();
    void (async () => {
      const prompt = quitWarning(await deps.status().catch(() => null));
      if (prompt && (await deps.ask(prompt)) !== 0) return;
      allowed = true;
      win.close();
    })();
  });
}
