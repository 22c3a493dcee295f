import { formatUkDateTime } from '../../shared/dates';
import { useUnsavedChangesActions } from '../stores/unsaved-changes';
import { focusPageHeading } from './page';
import type { Draft } from '../hooks/use-draft';

/**
 * Says the form was filled from an unsaved draft (so nobody mistakes it for a saved record) and
 * offers to throw it away; and warns if typing could not be kept as a draft.
 */
export function DraftNotice<T>({ draft }: { draft: Draft<T> }) {
  const { markClean } = useUnsavedChangesActions();
  return (
    <>
      {draft.restoredAt ? (
        <div className="inset draft-notice">
          <p>Restored your unsaved draft from {formatUkDateTime(draft.restoredAt)}.</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              draft.discard();
              // The form is blank again: nothing typed is left to lose by leaving.
              markClean();
              focusPageHeading();
            }}
          >
            Discard draft
          </button>
        </div>
      ) : null}
      {draft.draftFailed ? (
        <div className="inset inset--error" role="status">
          <p>What you have typed could not be kept as a draft. Save the form to keep it.</p>
        </div>
      ) : null}
    </>
  );
}
