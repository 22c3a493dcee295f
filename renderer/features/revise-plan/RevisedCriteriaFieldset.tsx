import { EndingCriteriaFieldset, type CriteriaFieldsetProps } from '../plan/EndingCriteriaFieldset';
import { newRevisedCriterion, type RevisedCriterion } from './revise-draft';

/** The ending criteria after the revision; at least one always remains. */
export function RevisedCriteriaFieldset(props: CriteriaFieldsetProps<RevisedCriterion>) {
  return (
    <EndingCriteriaFieldset
      {...props}
      textPath={(i) => `endingCriteria.${i}.text`}
      newCriterion={newRevisedCriterion}
      hint="How everyone will know enough help has been given. A changed or removed criterion stays in the case history."
    />
  );
}
