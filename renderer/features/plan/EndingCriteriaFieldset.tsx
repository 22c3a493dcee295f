import type { ReactNode } from 'react';
import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../lib/field-ids';
import { ErrorMessage, TextArea } from '../../components/fields';
import { useFocusAfterRender } from './use-focus-after-render';

export interface CriteriaFieldsetProps<C> {
  criteria: C[];
  onChange(criteria: C[]): void;
  messageFor(path: string): string | undefined;
}

interface Props<C> extends CriteriaFieldsetProps<C> {
  /** Where a criterion's words are sent (a first plan sends the text, a revision the row with its id). */
  textPath(i: number): string;
  newCriterion(): C;
  hint: ReactNode;
}

/**
 * One or more statements of how everyone will know enough help has been given: the first plan's and a
 * revision's (renderer/features/revise-plan/RevisePlanForm.tsx), which keeps a changed criterion's id.
 */
export function EndingCriteriaFieldset<C extends { key: number; text: string }>(props: Props<C>) {
  const { criteria, onChange, messageFor, textPath } = props;
  const focusLater = useFocusAfterRender();
  const error = messageFor('endingCriteria');
  const add = () => {
    onChange([...criteria, props.newCriterion()]);
    focusLater(fieldId(textPath(criteria.length)));
  };
  const remove = (i: number) => {
    onChange(criteria.filter((_, j) => j !== i));
    focusLater(fieldId('endingCriteria'));
  };

  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset
        className="fieldset"
        aria-describedby={describedBy(hintIdFor('endingCriteria'), error ? errorIdFor('endingCriteria') : null)}
      >
        <legend className="fieldset__legend fieldset__legend--m">Ending criteria</legend>
        <div className="hint" id={hintIdFor('endingCriteria')}>
          {props.hint}
        </div>
        {error ? <ErrorMessage path="endingCriteria" message={error} /> : null}
        {criteria.map((criterion, i) => (
          <div className="repeat-item" key={criterion.key}>
            <TextArea
              path={textPath(i)}
              label={`Ending criterion ${i + 1}`}
              rows={2}
              value={criterion.text}
              onChange={(text) => onChange(criteria.map((c, j) => (j === i ? { ...c, text } : c)))}
              error={messageFor(textPath(i))}
            />
            {criteria.length > 1 ? (
              <button type="button" className="button button--secondary button--small" onClick={() => remove(i)}>
                Remove ending criterion {i + 1}
              </button>
            ) : null}
          </div>
        ))}
        <button type="button" className="button button--secondary" id={fieldId('endingCriteria')} onClick={add}>
          Add another ending criterion
        </button>
      </fieldset>
    </div>
  );
}
