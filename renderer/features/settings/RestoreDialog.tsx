import { useRef } from 'react';
import { formatUkDateTime } from '../../../shared/dates';
import type { BackupInfo } from '../../../shared/ipc/security-types';
import { Dialog } from '../../components/Dialog';

/**
 * "Restore this backup?": an alert dialog, since what is saved after the backup will not be in the
 * restored copy. Focus starts on "Cancel" (the safe choice); Escape cancels.
 */
export function RestoreDialog({ backup, busy, onRestore, onCancel }: { backup: BackupInfo; busy: boolean; onRestore(): void; onCancel(): void }) {
  const cancelButton = useRef<HTMLButtonElement>(null);
  const taken = formatUkDateTime(backup.takenAt);
  return (
    <Dialog
      role="alertdialog"
      title="Restore this backup?"
      description={
        <>
          <p>
            The records will go back to how they were at {taken}. Anything saved after {taken} will not be in the restored
            copy.
          </p>
          <p>The database in use now is set aside on this computer, not deleted.</p>
        </>
      }
      initialFocus={cancelButton}
      onEscape={onCancel}
      actions={
        <>
          <button type="button" className="button button--warning" disabled={busy} onClick={onRestore}>
            Restore backup
          </button>
          <button type="button" className="button button--secondary" ref={cancelButton} onClick={onCancel}>
            Cancel
          </button>
        </>
      }
    />
  );
}
