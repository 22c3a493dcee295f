import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../lib/field-ids';
import { ErrorMessage, TextArea } from '../../components/fields';
import { newRow } from '../../lib/draft-shape';
import { CRITERION_ROW, type CriterionDraft } from './plan-draft';
import { useFocusAfterRender } from './use-focus-after-render';

interface Props {
  criteria: CriterionDraft[];
  onChange(criteria: CriterionDraft[]): void;
  messageFor(path: string): string | undefined;
}

/** One or more statements of how everyone will know enough help has been given. */
export function EndingCriteriaFieldset({ criteria, onChange, messageFor }: Props) {
  const focusLater = useFocusAfterRender();
  const error = messageFor('endingCriteria');
  const add = () => {
    onChange([...criteria, newRow(CRITERION_ROW)]);
    focusLater(fieldId(`endingCriteria.${criteria.length}`));
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
          How everyone will know enough help has been given, for example &quot;Goes to school every day for a
          month&quot;.
        </div>
        {error ? <ErrorMessage path="endingCriteria" message={error} /> : null}
        {criteria.map((criterion, i) => (
          <div className="repeat-item" key={criterion.key}>
            <TextArea
              path={`endingCriteria.${i}`}
              label={`Ending criterion ${i + 1}`}
              rows={2}
              value={criterion.text}
              onChange={(text) => onChange(criteria.map((c, j) => (j === i ? { ...c, text } : c)))}
              error={messageFor(`endingCriteria.${i}`)}
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
