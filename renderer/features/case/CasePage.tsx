import { useToday } from '../../stores/session';
import { useApiData } from '../../api/use-api-data';
import { BackLink, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useNavigationActions } from '../../stores/navigation';
import type { CaseDetail } from '../../../shared/ipc/types';
import { CaseDetails } from './CaseDetails';
import { CurrentViewSummary } from './CurrentViewSummary';
import { GoalsSummary } from './GoalsSummary';
import { PlanSummary } from './PlanSummary';

/** One case: who, grouping, coordinator, dates and flags, then what to do next, the plan, goals and Current View. */
export function CasePage({ caseId }: { caseId: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const today = useToday() ?? '';
  const { navigate } = useNavigationActions();
  const detail = data.status === 'ready' ? data.value : null;
  usePageTitle(detail ? detail.summary.name : 'Case');

  return (
    <>
      <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
        Back to caseload
      </BackLink>
      <PageHeading caption={detail ? `Case ${detail.summary.caseRef}` : null}>{detail ? detail.summary.name : 'Case'}</PageHeading>
      {data.status === 'loading' ? <Loading what="the case" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {detail ? <CaseBody detail={detail} today={today} /> : null}
    </>
  );
}

function CaseBody({ detail, today }: { detail: CaseDetail; today: string }) {
  const { navigate } = useNavigationActions();
  const caseId = detail.summary.id;
  const openingView = detail.currentViews.find((cv) => cv.context === 'open');
  const isOpen = detail.summary.status === 'open';
  return (
    <>
      <CaseDetails detail={detail} today={today} />
      {isOpen && (!openingView || !detail.plan) ? (
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
      ) : null}
      <section aria-labelledby="plan-heading">
        <h2 className="heading-l" id="plan-heading">
          THRIVE plan
        </h2>
        {detail.plan ? <PlanSummary plan={detail.plan} /> : <p>No plan has been agreed yet.</p>}
      </section>
      <section aria-labelledby="goals-heading">
        <h2 className="heading-l" id="goals-heading">
          Goals
        </h2>
        {detail.plan ? <GoalsSummary goals={detail.goals} /> : <p>Goals are set when the plan is agreed.</p>}
      </section>
      <section aria-labelledby="current-view-heading">
        <h2 className="heading-l" id="current-view-heading">
          Current View at open
        </h2>
        {openingView ? <CurrentViewSummary view={openingView} /> : <p>Not recorded yet.</p>}
      </section>
    </>
  );
}
