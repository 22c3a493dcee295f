import { MAX_GOALS } from '../../../shared/domain/gbo';
import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../components/field-ids';
import { ErrorMessage, TextArea, TextInput } from '../../components/fields';
import { newKey, type GoalDraft } from './plan-draft';
import { useFocusAfterRender } from './use-focus-after-render';

interface Props {
  goals: GoalDraft[];
  onChange(goals: GoalDraft[]): void;
  messageFor(path: string): string | undefined;
  /** Getting Advice plans may have one goal or none. */
  goalsOptional: boolean;
}

/** Up to three goals in the young person's words, each with its first GBO rating. */
export function GoalsFieldset({ goals, onChange, messageFor, goalsOptional }: Props) {
  const focusLater = useFocusAfterRender();
  const error = messageFor('goals');
  const update = (i: number, patch: Partial<GoalDraft>) => onChange(goals.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const add = () => {
    onChange([...goals, { key: newKey(), description: '', firstRating: '' }]);
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
          Up to {MAX_GOALS} goals, in the young person&apos;s own words. Rate each from 0 (no progress towards the goal)
          to 10 (goal reached).{goalsOptional ? ' A Getting Advice and Signposting plan can have one goal or none.' : ''}
        </div>
        {error ? <ErrorMessage path="goals" message={error} /> : null}
        {goals.map((goal, i) => (
          <div className="repeat-item" key={goal.key}>
            <TextArea
              path={`goals.${i}.description`}
              label={`Goal ${i + 1} in the young person's words`}
              rows={2}
              value={goal.description}
              onChange={(description) => update(i, { description })}
              error={messageFor(`goals.${i}.description`)}
            />
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
