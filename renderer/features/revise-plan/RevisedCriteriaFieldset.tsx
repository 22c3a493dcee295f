import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../lib/field-ids';
import { ErrorMessage, TextArea } from '../../components/fields';
import { useFocusAfterRender } from '../plan/use-focus-after-render';
import { newRevisedCriterion, type RevisedCriterion } from './revise-draft';

interface Props {
  criteria: RevisedCriterion[];
  onChange(criteria: RevisedCriterion[]): void;
  messageFor(path: string): string | undefined;
}

/** The ending criteria after the revision; at least one always remains. */
export function RevisedCriteriaFieldset({ criteria, onChange, messageFor }: Props) {
  const focusLater = useFocusAfterRender();
  const error = messageFor('endingCriteria');
  const add = () => {
    onChange([...criteria, newRevisedCriterion()]);
    focusLater(fieldId(`endingCriteria.${criteria.length}.text`));
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
          How everyone will know enough help has been given. A changed or removed criterion stays in the case history.
        </div>
        {error ? <ErrorMessage path="endingCriteria" message={error} /> : null}
        {criteria.map((criterion, i) => (
          <div className="repeat-item" key={criterion.key}>
            <TextArea
              path={`endingCriteria.${i}.text`}
              label={`Ending criterion ${i + 1}`}
              rows={2}
              value={criterion.text}
              onChange={(text) => onChange(criteria.map((c, j) => (j === i ? { ...c, text } : c)))}
              error={messageFor(`endingCriteria.${i}.text`)}
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
