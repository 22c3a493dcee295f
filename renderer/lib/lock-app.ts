import { flushAllDrafts } from '../hooks/use-draft';
import { useLockStore } from '../stores/lock';

/**
 * Locks the app the safe way round: every draft still waiting for its timer is saved first (the lock
 * closes the database, so a draft sent afterwards would be refused and the last typing lost).
 */
export async function lockApp(): Promise<void> {
  try {
    await flushAllDrafts();
  } catch {
    // A draft that could not be saved must not keep the records open on an unattended screen.
  }
  await useLockStore.getState().actions.lockNow();
}
