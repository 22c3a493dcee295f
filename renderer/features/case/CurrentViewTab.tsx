import { useState } from 'react';
import { compareCurrentViews, CURRENT_VIEW_COMPARISON_NOTE, groupingPath } from '../../../shared/domain/current-view-compare';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { CaseDetail } from '../../../shared/ipc/types';
import { CurrentViewCompareTable } from './CurrentViewCompareTable';

/**
 * The Current Views of the case side by side. CORC: the tool is not validated for measuring change,
 * so this tab only ever says what *changed* (in the clinician's understanding) and never calls a
 * difference an improvement or a worsening; the note saying so is shown first, prominently.
 */
export function CurrentViewTab({ detail }: { detail: CaseDetail }) {
  const views = detail.currentViews;
  const many = views.length > 1;
  const [onlyChanged, setOnlyChanged] = useState(many);
  const compared = compareCurrentViews(views);
  const changedCount = compared.filter((c) => c.changed).length;

  return (
    <section aria-labelledby="current-view-heading">
      <h2 className="heading-l" id="current-view-heading">
        Current View
      </h2>
      <div className="inset cv-note">
        <p>{CURRENT_VIEW_COMPARISON_NOTE}</p>
      </div>
      {views.length === 0 ? (
        <p>No Current View has been recorded yet.</p>
      ) : (
        <>
          <p className="cv-grouping-path">
            <strong>Grouping: {groupingPath(views).map((g) => GROUPING_LABELS[g]).join(' → ')}</strong>
          </p>
          {many ? <ChangedOnly changedCount={changedCount} itemCount={compared.length} checked={onlyChanged} onChange={setOnlyChanged} /> : null}
          <CurrentViewCompareTable views={views} shown={onlyChanged ? compared.filter((c) => c.changed) : compared} />
          {onlyChanged && changedCount === 0 ? <p>Untick “Show only items that changed” to see every item.</p> : null}
        </>
      )}
    </section>
  );
}

/** How many items changed between completions, and the choice to list only those. */
function ChangedOnly({
  changedCount,
  itemCount,
  checked,
  onChange,
}: {
  changedCount: number;
  itemCount: number;
  checked: boolean;
  onChange(checked: boolean): void;
}) {
  return (
    <>
      <p>
        {changedCount === 0
          ? 'No item was rated differently from one Current View to the next.'
          : `${changedCount} of ${itemCount} items were rated differently from one Current View to the next.`}
      </p>
      <div className="checkboxes__item cv-compare-filter">
        <input className="checkboxes__input" id="cv-only-changed" type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <label className="label checkboxes__label" htmlFor="cv-only-changed">
          Show only items that changed
        </label>
      </div>
    </>
  );
}
