import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useNavigationActions, usePendingRoute } from '../stores/navigation';
import { useKeptAsDraft } from '../stores/unsaved-changes';

/**
 * "Leave without saving?" as an in-app modal dialog (not window.confirm, which Electron shows as an
 * unstyled native box). The page behind is made inert by the app shell while it is open; focus is
 * kept inside and goes back where it was if the user stays.
 */
export function UnsavedChangesDialog() {
  const pending = usePendingRoute();
  const keptAsDraft = useKeptAsDraft();
  const { confirmLeave, stayOnPage } = useNavigationActions();
  const stayButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const restoreFocus = useRef(false);
  const open = pending !== null;

  useEffect(() => {
    if (open) {
      returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      stayButton.current?.focus();
    } else if (restoreFocus.current) {
      restoreFocus.current = false;
      // After the page behind stops being inert, so it can take focus again.
      if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
    }
  }, [open]);

  if (!open) return null;

  const stay = () => {
    restoreFocus.current = true;
    stayOnPage();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      stay();
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

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-description"
        ref={dialog}
        onKeyDown={onKeyDown}
      >
        <h2 className="heading-m" id="unsaved-title">
          You have unsaved changes
        </h2>
        <p id="unsaved-description">
          {keptAsDraft
            ? 'If you leave this page, what you have entered is kept as a draft on this computer and comes back when you open this form again. It is not a record until you save it.'
            : 'If you leave this page, what you have entered will be lost.'}
        </p>
        <div className="button-group">
          <button type="button" className="button" ref={stayButton} onClick={stay}>
            Stay on this page
          </button>
          <button type="button" className="button button--warning" onClick={confirmLeave}>
            Leave without saving
          </button>
        </div>
      </div>
    </div>
  );
}
