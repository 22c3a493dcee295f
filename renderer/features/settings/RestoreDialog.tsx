import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatUkDateTime } from '../../../shared/dates';
import type { BackupInfo } from '../../../shared/ipc/security-types';

/**
 * "Restore this backup?": an alert dialog, since what is saved after the backup will not be in the
 * restored copy. Focus starts on "Cancel" (the safe choice), stays inside, Escape cancels, and focus
 * goes back to the "Restore" button that opened it.
 */
export function RestoreDialog({ backup, busy, onRestore, onCancel }: { backup: BackupInfo; busy: boolean; onRestore(): void; onCancel(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    cancelButton.current?.focus();
    return () => {
      if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
      return;
    }
    if (event.key !== 'Tab') return;
    const buttons = Array.from(dialog.current?.querySelectorAll<HTMLElement>('button') ?? []);
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const taken = formatUkDateTime(backup.takenAt);
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="restore-title"
        aria-describedby="restore-description"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 className="heading-m" id="restore-title">
          Restore this backup?
        </h2>
        <div id="restore-description">
          <p>
            The records will go back to how they were at {taken}. Anything saved after {taken} will not be in the restored
            copy.
          </p>
          <p>The database in use now is set aside on this computer, not deleted.</p>
        </div>
        <div className="button-group">
          <button type="button" className="button button--warning" disabled={busy} onClick={onRestore}>
            Restore backup
          </button>
          <button type="button" className="button button--secondary" ref={cancelButton} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
