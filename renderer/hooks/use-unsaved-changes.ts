import { useEffect } from 'react';
import { useUnsavedChangesActions } from '../stores/unsaved-changes';

/**
 * For a form: `markDirty` on every edit; the warning is dropped when the form closes (a saved form
 * navigates with navigateAfterSave, an abandoned one was confirmed by the user).
 */
export function useUnsavedChanges(): { markDirty(): void; markClean(): void } {
  const { markDirty, markClean } = useUnsavedChangesActions();
  useEffect(() => markClean, [markClean]);
  return { markDirty, markClean };
}
