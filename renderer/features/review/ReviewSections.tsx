/** The parts of the review form that show the plan's goals, criteria and the Current View at review. */
import { formatUkDate } from '../../../shared/dates';
import { GROUPING_CODES, GROUPING_LABELS, type GroupingCode } from '../../../shared/domain/groupings';
import { CRITERION_PROGRESS, CRITERION_PROGRESS_LABELS, type CriterionProgress } from '../../../shared/domain/lifecycle';
import type { CaseRuleContext } from '../../../shared/ipc/rule-context';
import type { EndingCriterionRecord, GoalRecord } from '../../../shared/ipc/types';
import { CriterionRadios } from '../../components/CriterionRadios';
import { fieldId } from '../../lib/field-ids';
import { ErrorMessage } from '../../components/fields';
import { GoalScoreInputs } from '../../components/GoalScoreInputs';
import { CurrentViewSection, type CurrentViewValue } from '../current-view/CurrentViewSection';
import type { ReviewDraft } from './review-draft';

const PROGRESS_OPTIONS = CRITERION_PROGRESS.map((value) => ({ value, label: CRITERION_PROGRESS_LABELS[value] }));

type MessageFor = (path: string) => string | undefined;

/** Where the case stands: its grouping, its target date and its last review. */
export function ReviewSituation({ grouping, context }: { grouping: GroupingCode; context: CaseRuleContext }) {
  return (
    <div className="inset">
      <p>
        THRIVE grouping: <strong>{GROUPING_LABELS[grouping]}</strong>. Target date:{' '}
        <strong>{formatUkDate(context.targetDate) || 'not set'}</strong>.
        {context.lastReviewDate ? ` Last review ${formatUkDate(context.lastReviewDate)}.` : ' No review held yet.'}
      </p>
    </div>
  );
}

interface ProgressProps {
  goals: readonly GoalRecord[];
  criteria: readonly EndingCriterionRecord[];
  draft: ReviewDraft;
  change(patch: (d: ReviewDraft) => Partial<ReviewDraft>): void;
  messageFor: MessageFor;
}

/** A rating for each goal in force and the progress on each ending criterion. */
export function ReviewProgress({ goals, criteria, draft, change, messageFor }: ProgressProps) {
  return (
    <>
      <h2 className="heading-l">Goals</h2>
      {goals.length > 0 ? (
        <>
          <p className="hint">Rate each goal with the young person from 0 (no progress towards the goal) to 10 (goal reached).</p>
          <GoalScoreInputs
            list="goalRatings"
            goals={goals}
            values={draft.ratings}
            onChange={(id, t) => change((d) => ({ ratings: { ...d.ratings, [id]: t } }))}
            label={(n) => `Goal ${n} rating (0 to 10)`}
            messageFor={messageFor}
          />
        </>
      ) : (
        <p>This plan has no goals to rate.</p>
      )}

      <h2 className="heading-l">Ending criteria</h2>
      <p className="hint">How far each agreed ending criterion has been met so far.</p>
      <CriterionRadios<CriterionProgress>
        list="criteriaProgress"
        criteria={criteria}
        values={draft.criteria}
        options={PROGRESS_OPTIONS}
        onChange={(id, v) => change((d) => ({ criteria: { ...d.criteria, [id]: v } }))}
        messageFor={messageFor}
      />
    </>
  );
}

interface CurrentViewProps {
  value: CurrentViewValue;
  onChange(update: (v: CurrentViewValue) => CurrentViewValue): void;
  messageFor: MessageFor;
  caseGrouping: GroupingCode;
}

/** The Current View at review, with the grouping agreed with the family (it may change). */
export function ReviewCurrentView({ value, onChange, messageFor, caseGrouping }: CurrentViewProps) {
  const cvError = messageFor('currentView');
  return (
    <section className={cvError ? 'form-group form-group--error' : undefined} aria-labelledby={fieldId('currentView')}>
      <h2 className="heading-l" id={fieldId('currentView')} tabIndex={-1}>
        Current View at review
      </h2>
      {cvError ? <ErrorMessage path="currentView" message={cvError} /> : null}
      <p className="hint">
        Rate each item from what you understand now, and agree the grouping with the family: it may change. If it cannot
        be completed today, leave it all blank: the review is saved with its Current View marked missing, to record later.
      </p>
      <CurrentViewSection
        value={value}
        onChange={onChange}
        messageFor={messageFor}
        pathPrefix="currentView."
        headingLevel={3}
        groupings={GROUPING_CODES}
        groupingLabel="THRIVE grouping agreed with the family"
        groupingHint={`Currently ${GROUPING_LABELS[caseGrouping]}. Choose it with the young person and family: it is a shared decision, not worked out from the ratings.`}
      />
    </section>
  );
}
