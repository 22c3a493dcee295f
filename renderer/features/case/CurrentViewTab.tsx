import { useState } from 'react';
import { formatUkDate } from '../../../shared/dates';
import {
  CURRENT_VIEW_REASON_LABELS,
  itemDisplayLabel,
  ratingLabel,
  SECTION_TITLES,
  type CurrentViewSection,
} from '../../../shared/domain/current-view';
import { compareCurrentViews, CURRENT_VIEW_COMPARISON_NOTE, groupingPath } from '../../../shared/domain/current-view-compare';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { CaseDetail, CurrentViewRecord } from '../../../shared/ipc/types';
import { Tag } from '../../components/Tag';

const SECTIONS: readonly CurrentViewSection[] = ['problems', 'complexity', 'contextual', 'education'];

/** "At open 16/11/2026", "Review 28/12/2026", "At close 08/01/2027". */
export function completionHeading(view: Pick<CurrentViewRecord, 'context' | 'completedDate'>): string {
  const when = formatUkDate(view.completedDate);
  return view.context === 'open' ? `At open ${when}` : view.context === 'review' ? `Review ${when}` : `At close ${when}`;
}

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
  const path = groupingPath(views);
  const changedCount = compared.filter((c) => c.changed).length;
  const shown = onlyChanged ? compared.filter((c) => c.changed) : compared;

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
            <strong>Grouping: {path.map((g) => GROUPING_LABELS[g]).join(' → ')}</strong>
          </p>
          {many ? (
            <>
              <p>
                {changedCount === 0
                  ? 'No item was rated differently from one Current View to the next.'
                  : `${changedCount} of ${compared.length} items were rated differently from one Current View to the next.`}
              </p>
              <div className="checkboxes__item cv-compare-filter">
                <input
                  className="checkboxes__input"
                  id="cv-only-changed"
                  type="checkbox"
                  checked={onlyChanged}
                  onChange={(e) => setOnlyChanged(e.target.checked)}
                />
                <label className="label checkboxes__label" htmlFor="cv-only-changed">
                  Show only items that changed
                </label>
              </div>
            </>
          ) : null}
          <div className="table-container">
            <table className="table cv-compare">
              <caption className="table__caption">Current View ratings side by side</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  {views.map((v) => (
                    <th scope="col" key={v.id}>
                      {completionHeading(v)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">THRIVE grouping</th>
                  {views.map((v) => (
                    <td key={v.id}>{GROUPING_LABELS[v.grouping]}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Reason for completing</th>
                  {views.map((v) => (
                    <td key={v.id}>{CURRENT_VIEW_REASON_LABELS[v.reason]}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Recorded by</th>
                  {views.map((v) => (
                    <td key={v.id}>{v.recordedByName}</td>
                  ))}
                </tr>
              </tbody>
              {SECTIONS.map((section) => {
                const rows = shown.filter((c) => c.item.section === section);
                if (rows.length === 0) return null;
                return (
                  <tbody key={section}>
                    <tr className="cv-compare__section">
                      <th scope="rowgroup" colSpan={views.length + 1}>
                        {SECTION_TITLES[section]}
                      </th>
                    </tr>
                    {rows.map(({ item, values, changed }) => (
                      <tr key={item.code} className={changed ? 'cv-compare__row--changed' : undefined}>
                        <th scope="row">
                          {itemDisplayLabel(item)}
                          {changed ? (
                            <>
                              {' '}
                              <Tag tone="neutral">Changed</Tag>
                            </>
                          ) : null}
                        </th>
                        {values.map((value, i) => (
                          <td key={views[i]!.id} className={i > 0 && value !== values[i - 1] ? 'cv-compare__cell--differs' : undefined}>
                            {ratingLabel(item, value)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                );
              })}
            </table>
          </div>
          {onlyChanged && changedCount === 0 ? <p>Untick “Show only items that changed” to see every item.</p> : null}
        </>
      )}
    </section>
  );
}
