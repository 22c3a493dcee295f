import { DEFAULT_SETTINGS } from '../../../shared/domain/settings';
import type { CaseDetail } from '../../../shared/ipc/types';
import { useApiData } from '../../hooks/use-api-data';
import { BackLink, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useNavigationActions, useRoute, type CaseTab } from '../../stores/navigation';
import { useSettings, useToday } from '../../stores/session';
import { CaseActions, EpisodeLinks } from './CaseActions';
import { CaseDetails } from './CaseDetails';
import { CaseTabs } from './CaseTabs';
import { CurrentViewTab } from './CurrentViewTab';
import { EndingTab } from './EndingTab';
import { ExportShare } from './ExportShare';
import { GoalsTab } from './GoalsTab';
import { HistoryTab } from './HistoryTab';
import { NextStep } from './NextStep';
import { PlanTab } from './PlanTab';
import { ReviewsTab } from './ReviewsTab';

/**
 * One case: the header (who, grouping, coordinator, dates, flags) with what can be done next, then
 * its sections as tabs. The selected tab is part of the route, so it survives going to a form and back.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const today = useToday() ?? '';
  const { navigate } = useNavigationActions();
  const route = useRoute();
  const from = route.name === 'case' ? route.from : undefined;
  const detail = data.status === 'ready' ? data.value : null;
  usePageTitle(detail ? detail.summary.name : 'Case');

  return (
    <>
      {from ? (
        <BackLink href="#team" onClick={() => navigate(from)}>
          Back to team view
        </BackLink>
      ) : (
        <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
          Back to caseload
        </BackLink>
      )}
      <PageHeading caption={detail ? `Case ${detail.summary.caseRef}` : null}>{detail ? detail.summary.name : 'Case'}</PageHeading>
      {data.status === 'loading' ? <Loading what="the case" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {detail ? <CaseBody detail={detail} today={today} /> : null}
    </>
  );
}

function CaseBody({ detail, today }: { detail: CaseDetail; today: string }) {
  const { navigate } = useNavigationActions();
  const route = useRoute();
  const settings = useSettings() ?? DEFAULT_SETTINGS;
  const caseId = detail.summary.id;
  const tab: CaseTab = route.name === 'case' && route.caseId === caseId && route.tab ? route.tab : 'plan';

  const renderTab = (t: CaseTab) => {
    switch (t) {
      case 'plan':
        return <PlanTab detail={detail} />;
      case 'goals':
        return <GoalsTab detail={detail} settings={settings} />;
      case 'current-view':
        return <CurrentViewTab detail={detail} />;
      case 'reviews':
        return <ReviewsTab detail={detail} />;
      case 'ending':
        return <EndingTab detail={detail} />;
      case 'history':
        return <HistoryTab caseId={caseId} />;
    }
  };

  return (
    <>
      <EpisodeLinks detail={detail} />
      <CaseActions detail={detail} />
      <CaseDetails detail={detail} today={today} />
      <ExportShare detail={detail} />
      <NextStep detail={detail} />
      <CaseTabs selected={tab} onSelect={(t) => navigate({ name: 'case', caseId, tab: t, ...(route.name === 'case' && route.from ? { from: route.from } : {}) })} render={renderTab} />
    </>
  );
}
