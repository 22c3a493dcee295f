import { newRow } from '../../lib/draft-shape';
import { EndingCriteriaFieldset, type CriteriaFieldsetProps } from './EndingCriteriaFieldset';
import { CRITERION_ROW, type CriterionDraft } from './plan-draft';

/** The first plan's ending criteria. */
export function PlanCriteriaFieldset(props: CriteriaFieldsetProps<CriterionDraft>) {
  return (
    <EndingCriteriaFieldset
      {...props}
      textPath={(i) => `endingCriteria.${i}`}
      newCriterion={() => newRow(CRITERION_ROW)}
      hint={'How everyone will know enough help has been given, for example "Goes to school every day for a month".'}
    />
  );
}
