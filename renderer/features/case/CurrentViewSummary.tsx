import { formatUkDate } from '../../../shared/dates';
import {
  CURRENT_VIEW_ITEMS,
  CURRENT_VIEW_REASON_LABELS,
  itemDisplayLabel,
  ratingLabel,
  SECTION_TITLES,
  type CurrentViewSection,
} from '../../../shared/domain/current-view';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { CurrentViewRecord } from '../../../shared/ipc/types';

const SECTIONS: readonly CurrentViewSection[] = ['problems', 'complexity', 'contextual', 'education'];

/**
 * The opening Current View: the items rated as present, those not known, and a count of the rest.
 * Worded as a record of understanding: CORC says the tool is not validated for measuring change.
 */
export function CurrentViewSummary({ view }: { view: CurrentViewRecord }) {
  return (
    <>
      <p>
        Completed {formatUkDate(view.completedDate)} by {view.recordedByName}. Reason:{' '}
        {CURRENT_VIEW_REASON_LABELS[view.reason]}. THRIVE grouping agreed with the family:{' '}
        <strong>{GROUPING_LABELS[view.grouping]}</strong>.
      </p>
      <p className="inset">
        The Current View records the clinician&apos;s understanding at that time. It is not an outcome measure:
        differences between Current Views show changed understanding, not improvement.
      </p>
      {SECTIONS.map((section) => {
        const items = CURRENT_VIEW_ITEMS.filter((item) => item.section === section);
        const present = items.filter((item) => {
          const v = view.ratings[item.code];
          return v !== undefined && v !== 0 && v !== 'no' && v !== 'not_known';
        });
        const notKnown = items.filter((item) => view.ratings[item.code] === 'not_known');
        const absent = items.length - present.length - notKnown.length;
        const absentWord = section === 'complexity' ? 'No' : 'None';
        return (
          <section key={section} aria-labelledby={`cv-summary-${section}`}>
            <h3 className="heading-s" id={`cv-summary-${section}`}>
              {SECTION_TITLES[section]}
            </h3>
            {present.length > 0 ? (
              <ul className="list">
                {present.map((item) => (
                  <li key={item.code}>
                    {itemDisplayLabel(item)}: <strong>{ratingLabel(item, view.ratings[item.code])}</strong>
                  </li>
                ))}
              </ul>
            ) : null}
            {notKnown.length > 0 ? <p>Not known: {notKnown.map((item) => item.label).join('; ')}.</p> : null}
            {absent > 0 ? (
              <p className="hint">
                {present.length + notKnown.length === 0 ? 'All' : 'The other'} {absent} {absent === 1 ? 'item' : 'items'}{' '}
                rated {absentWord}.
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
