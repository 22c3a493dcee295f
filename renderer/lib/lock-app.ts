import { flushAllDrafts } from '../hooks/use-draft';
import { useLockStore } from '../stores/lock';
import { useSyncStore } from '../stores/sync';

/**
 * Locks the app the safe way round: every draft still waiting for its timer is saved first (the lock
 * closes the database, so a draft sent afterwards would be refused and the last typing lost). In team
 * mode it asks, just before, whether changes are still waiting to be sent, so the lock screen can say
 * they are kept on this computer (nothing is sent while locked).
 */
export async function lockApp(): Promise<void> {
  try {
    await flushAllDrafts();
  } catch {
    // A draft that could not be saved must not keep the records open on an unattended screen.
  }
  const sync = await useSyncStore.getState().actions.refresh();
  await useLockStore.getState().actions.lockNow({ unsent: sync?.mode === 'team' && sync.pending > 0 });
}
