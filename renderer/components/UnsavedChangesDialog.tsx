import { useRef } from 'react';
import { useNavigationActions, usePendingRoute } from '../stores/navigation';
import { useKeptAsDraft } from '../stores/unsaved-changes';
import { Dialog } from './Dialog';

/**
 * "Leave without saving?", open while a route change waits on the answer. Focus starts on "Stay on
 * this page" and goes back where it was only if the user stays (leaving goes to another page).
 */
export function UnsavedChangesDialog() {
  const pending = usePendingRoute();
  const keptAsDraft = useKeptAsDraft();
  const { confirmLeave, stayOnPage } = useNavigationActions();
  const stayButton = useRef<HTMLButtonElement>(null);
  const stayed = useRef(false);

  if (pending === null) return null;

  const stay = () => {
    stayed.current = true;
    stayOnPage();
  };

  return (
    <Dialog
      title="You have unsaved changes"
      description={
        <p>
          {keptAsDraft
            ? 'If you leave this page, what you have entered is kept as a draft on this computer and comes back when you open this form again. It is not a record until you save it.'
            : 'If you leave this page, what you have entered will be lost.'}
        </p>
      }
      initialFocus={stayButton}
      onEscape={stay}
      returnFocus={() => {
        const back = stayed.current;
        stayed.current = false;
        return back;
      }}
      actions={
        <>
          <button type="button" className="button" ref={stayButton} onClick={stay}>
            Stay on this page
          </button>
          <button type="button" className="button button--warning" onClick={confirmLeave}>
            Leave without saving
          </button>
        </>
      }
    />
  );
}
