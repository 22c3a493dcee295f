/**
 * The Current View as completed at open, at a review or at close: the reason for completing, all 50
 * items on the keyboard grid with a running count, and the THRIVE grouping agreed with the family.
 * The completion date belongs to the surrounding form (at a review or ending it is that event's date).
 */
import { useCallback } from 'react';
import {
  CURRENT_VIEW_ITEMS,
  CURRENT_VIEW_REASON_LABELS,
  CURRENT_VIEW_REASONS,
  type CurrentViewReason,
} from '../../../shared/domain/current-view';
import { GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import { fieldId } from '../../lib/field-ids';
import { RadioGroup } from '../../components/fields';
import { CurrentViewGrid, type Ratings } from './CurrentViewGrid';
import type { ItemRating } from './rating-keys';

const REASON_OPTIONS = CURRENT_VIEW_REASONS.map((value) => ({ value, label: CURRENT_VIEW_REASON_LABELS[value] }));

export interface CurrentViewValue {
  reason: CurrentViewReason | '';
  grouping: GroupingCode | '';
  ratings: Ratings;
}

interface Props {
  value: CurrentViewValue;
  onChange(change: (value: CurrentViewValue) => CurrentViewValue): void;
  messageFor(path: string): string | undefined;
  /** '' at open; 'currentView.' when the Current View is part of a review or an ending. */
  pathPrefix?: string;
  groupings: readonly GroupingCode[];
  groupingLabel: string;
  groupingHint: string;
  /** 3 when the section sits under its own h2. */
  headingLevel?: 2 | 3;
}

export function countRated(ratings: Ratings): number {
  return CURRENT_VIEW_ITEMS.filter((item) => ratings[item.code] !== undefined).length;
}

export function CurrentViewSection({
  value,
  onChange,
  messageFor,
  pathPrefix = '',
  groupings,
  groupingLabel,
  groupingHint,
  headingLevel = 2,
}: Props) {
  const onRate = useCallback(
    (code: string, rating: ItemRating) =>
      onChange((v) => (v.ratings[code] === rating ? v : { ...v, ratings: { ...v.ratings, [code]: rating } })),
    [onChange],
  );
  const groupingPath = `${pathPrefix}grouping`;
  const focusGrouping = useCallback(() => document.getElementById(fieldId(groupingPath))?.focus(), [groupingPath]);
  const rated = countRated(value.ratings);
  return (
    <>
      <RadioGroup
        path={`${pathPrefix}reason`}
        label="Reason for completing"
        options={REASON_OPTIONS}
        value={value.reason}
        onChange={(reason) => onChange((v) => ({ ...v, reason }))}
        error={messageFor(`${pathPrefix}reason`)}
      />
      <div className="cv-toolbar">
        <p className="cv-toolbar__count" role="status">
          {rated} of {CURRENT_VIEW_ITEMS.length} rated
        </p>
        <p className="cv-toolbar__keys" id="cv-keys">
          Keys: <kbd>0</kbd> None, <kbd>1</kbd> Mild, <kbd>2</kbd> Moderate, <kbd>3</kbd> Severe, <kbd>k</kbd> Not known;
          complexity factors <kbd>y</kbd> Yes, <kbd>n</kbd> No. <kbd>↑</kbd> <kbd>↓</kbd> move between items.
        </p>
      </div>
      <CurrentViewGrid
        ratings={value.ratings}
        onRate={onRate}
        messageFor={messageFor}
        onPastLast={focusGrouping}
        pathPrefix={pathPrefix}
        headingLevel={headingLevel}
      />
      <RadioGroup
        path={groupingPath}
        label={groupingLabel}
        hint={groupingHint}
        options={groupings.map((g) => ({ value: g, label: GROUPING_LABELS[g] }))}
        value={value.grouping}
        onChange={(grouping) => onChange((v) => ({ ...v, grouping }))}
        error={messageFor(groupingPath)}
      />
    </>
  );
}
