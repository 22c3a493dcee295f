import type { ReactNode } from 'react';
import { MAX_GOALS } from '../../../shared/domain/gbo';
import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../lib/field-ids';
import { ErrorMessage, TextArea, TextInput } from '../../components/fields';
import type { GoalDraft } from './plan-draft';
import { useFocusAfterRender } from './use-focus-after-render';

interface Props<G extends GoalDraft> {
  goals: G[];
  onChange(goals: G[]): void;
  messageFor(path: string): string | undefined;
  hint: ReactNode;
  newGoal(): G;
  /** What a row's words mean for the plan (a revision says when a goal is new or reworded). */
  wordingHint?(goal: G): string | undefined;
  /** A kept goal in a revision keeps its ratings, so it is not asked for a first one. */
  needsFirstRating?(goal: G): boolean;
}

/** The goals fieldset both plan forms use: a row per goal, with adding and removing up to the limit. */
export function GoalList<G extends GoalDraft>({ goals, onChange, messageFor, hint, newGoal, ...row }: Props<G>) {
  const focusLater = useFocusAfterRender();
  const error = messageFor('goals');
  const update = (i: number, patch: Partial<GoalDraft>) => onChange(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () => {
    onChange([...goals, newGoal()]);
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
          {hint}
        </div>
        {error ? <ErrorMessage path="goals" message={error} /> : null}
        {goals.map((goal, i) => (
          <div className="repeat-item" key={goal.key}>
            <TextArea
              path={`goals.${i}.description`}
              label={`Goal ${i + 1} in the young person's words`}
              hint={row.wordingHint?.(goal)}
              rows={2}
              value={goal.description}
              onChange={(description) => update(i, { description })}
              error={messageFor(`goals.${i}.description`)}
            />
            {(row.needsFirstRating?.(goal) ?? true) ? (
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
