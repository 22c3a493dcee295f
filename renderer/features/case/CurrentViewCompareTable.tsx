/** The Current Views of a case as one table: a column per completion, a row per item. */
import { formatUkDate } from '../../../shared/dates';
import {
  CURRENT_VIEW_REASON_LABELS,
  itemDisplayLabel,
  ratingLabel,
  SECTION_TITLES,
  type CurrentViewSection,
} from '../../../shared/domain/current-view';
import type { ComparedItem } from '../../../shared/domain/current-view-compare';
import { GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { CurrentViewRecord } from '../../../shared/ipc/types';
import { Tag } from '../../components/Tag';

const SECTIONS: readonly CurrentViewSection[] = ['problems', 'complexity', 'contextual', 'education'];

/** What each completion recorded about itself, shown above the items. */
const ABOUT_EACH: ReadonlyArray<readonly [string, (v: CurrentViewRecord) => string]> = [
  ['THRIVE grouping', (v) => GROUPING_LABELS[v.grouping]],
  ['Reason for completing', (v) => CURRENT_VIEW_REASON_LABELS[v.reason]],
  ['Recorded by', (v) => v.recordedByName],
];

/** "At open 16/11/2026", "Review 28/12/2026", "At close 08/01/2027". */
function completionHeading(view: Pick<CurrentViewRecord, 'context' | 'completedDate'>): string {
  const when = formatUkDate(view.completedDate);
  return view.context === 'open' ? `At open ${when}` : view.context === 'review' ? `Review ${when}` : `At close ${when}`;
}

/** `shown` is the items to list (all of them, or only those that changed). */
export function CurrentViewCompareTable({ views, shown }: { views: readonly CurrentViewRecord[]; shown: readonly ComparedItem[] }) {
  return (
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
          {ABOUT_EACH.map(([label, cell]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {views.map((v) => (
                <td key={v.id}>{cell(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
        {SECTIONS.map((section) => (
          <SectionRows key={section} section={section} views={views} rows={shown.filter((c) => c.item.section === section)} />
        ))}
      </table>
    </div>
  );
}

/** One section's items under its title; nothing when none of its items is shown. */
function SectionRows({ section, views, rows }: { section: CurrentViewSection; views: readonly CurrentViewRecord[]; rows: readonly ComparedItem[] }) {
  if (rows.length === 0) return null;
  return (
    <tbody>
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
}
