import { MAX_GOALS } from '../../../shared/domain/gbo';
import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../components/field-ids';
import { ErrorMessage, TextArea, TextInput } from '../../components/fields';
import { newKey } from '../plan/plan-draft';
import { useFocusAfterRender } from '../plan/use-focus-after-render';
import { needsFirstRating, type RevisedGoal } from './revise-draft';

interface Props {
  goals: RevisedGoal[];
  onChange(goals: RevisedGoal[]): void;
  messageFor(path: string): string | undefined;
}

function wordingHint(goal: RevisedGoal): string | undefined {
  if (goal.goalId === null) return 'A new goal: give its first rating.';
  if (needsFirstRating(goal))
    return `Reworded: "${goal.original ?? ''}" ends and is kept in the history; this becomes a new goal, so give its first rating.`;
  return undefined;
}

/** The goals as they will be after the revision: kept, reworded, removed or added (up to three). */
export function RevisedGoalsFieldset({ goals, onChange, messageFor }: Props) {
  const focusLater = useFocusAfterRender();
  const error = messageFor('goals');
  const update = (i: number, patch: Partial<RevisedGoal>) => onChange(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () => {
    onChange([...goals, { key: newKey(), goalId: null, original: null, description: '', firstRating: '' }]);
    focusLater(fieldId(`goals.${goals.length}.description`));
  };
  const remove = (i: number) => {
    onChange(goals.filter((_, j) => j !== i));
    focusLater(fieldId('goals'));
  };

  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(hintIdFor('goals'), error ? errorIdFor('goals') : null)}>
        <legend className="fieldset__legend fieldset__legend--l">
          <h2 className="heading-l">Goals</h2>
        </legend>
        <div className="hint" id={hintIdFor('goals')}>
          Keep, reword or remove each goal, or add one (up to {MAX_GOALS}), in the young person&apos;s own words. A
          removed or reworded goal stays in the case history with its ratings.
        </div>
        {error ? <ErrorMessage path="goals" message={error} /> : null}
        {goals.map((goal, i) => (
          <div className="repeat-item" key={goal.key}>
            <TextArea
              path={`goals.${i}.description`}
              label={`Goal ${i + 1} in the young person's words`}
              hint={wordingHint(goal)}
              rows={2}
              value={goal.description}
              onChange={(description) => update(i, { description })}
              error={messageFor(`goals.${i}.description`)}
            />
            {needsFirstRating(goal) ? (
              <TextInput
                path={`goals.${i}.firstRating`}
                label={`Goal ${i + 1} first rating (0 to 10)`}
                width={2}
                inputMode="numeric"
                autoComplete="off"
                value={goal.firstRating}
                onChange={(firstRating) => update(i, { firstRating })}
                error={messageFor(`goals.${i}.firstRating`)}
              />
            ) : null}
            <button type="button" className="button button--secondary button--small" onClick={() => remove(i)}>
              Remove goal {i + 1}
            </button>
          </div>
        ))}
        {goals.length < MAX_GOALS ? (
          <button type="button" className="button button--secondary" id={fieldId('goals')} onClick={add}>
            {goals.length === 0 ? 'Add a goal' : 'Add another goal'}
          </button>
        ) : (
          <p className="hint" id={fieldId('goals')} tabIndex={-1}>
            A plan can have up to {MAX_GOALS} goals. Remove one to add a different goal.
          </p>
        )}
      </fieldset>
    </div>
  );
}
