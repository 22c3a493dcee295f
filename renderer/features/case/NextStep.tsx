import type { CaseDetail } from '../../../shared/ipc/types';
import { useNavigationActions } from '../../stores/navigation';

/** While an open case lacks its opening Current View or its plan, the one thing to do next, first. */
export function NextStep({ detail }: { detail: CaseDetail }) {
  const { navigate } = useNavigationActions();
  const caseId = detail.summary.id;
  const openingView = detail.currentViews.some((cv) => cv.context === 'open');
  if (detail.summary.status !== 'open' || (openingView && detail.plan)) return null;
  return (
    <section className="next-step" aria-labelledby="next-step-heading">
      <h2 className="heading-m" id="next-step-heading">
        Next step
      </h2>
      {!openingView ? (
        <>
          <p>Record the Current View at open, with the THRIVE grouping chosen with the family.</p>
          <button type="button" className="button" onClick={() => navigate({ name: 'current-view', caseId })}>
            Record Current View at open
          </button>
        </>
      ) : (
        <>
          <p>Agree the plan with the young person and family: goals, the ending criteria, the target date and what happens if it is not reached.</p>
          <button type="button" className="button" onClick={() => navigate({ name: 'plan', caseId })}>
            Agree the THRIVE plan
          </button>
        </>
      )}
    </section>
  );
}
