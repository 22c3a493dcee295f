import { useCallback, useMemo, useRef, useState, type RefObject } from 'react';
import { needsAction } from '../../../shared/domain/urgency';
import type { Caseload, CaseloadRow } from '../../../shared/ipc/types';
import { request, toApiError } from '../../api/client';
import { useApiData } from '../../hooks/use-api-data';
import { LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import {
  useCaseloadClinician,
  useCaseloadFlagFilter,
  useCaseloadGroupingFilter,
  useCaseloadSearch,
  useCaseloadSort,
  useCaseloadViewActions,
  useHighlightedCaseId,
} from '../../stores/caseload-view';
import { useNavigationActions } from '../../stores/navigation';
import { useCaseCount, useProfile, useSessionActions } from '../../stores/session';
import { filterCases, searchIndex } from '../../lib/case-search';
import { useSearchShortcut } from '../../hooks/use-search-shortcut';
import { useDeferredSearch } from '../../hooks/use-deferred-search';
import { sortRows } from './caseload-rows';
import { CaseloadControls } from './CaseloadControls';
import { CaseloadTable } from './CaseloadTable';
import { useSearchBoxKeys } from './use-search-box-keys';
import { CaseCountLine, NoCasesMatch } from '../../components/CaseListStatus';

/** Home: my open cases, most urgent first, each flag with its reason. */
export function CaseloadPage() {
  usePageTitle('My caseload');
  const profile = useProfile();
  const clinicianId = useCaseloadClinician();
  const { navigate } = useNavigationActions();
  const searchRef = useRef<HTMLInputElement>(null);
  const teamId = profile?.teamId ?? '';
  const { data, reload } = useApiData(
    (api) => api.caseload.list(clinicianId ? { clinicianId } : {}),
    `caseload:${clinicianId ?? 'me'}`,
  );
  const { data: team } = useApiData((api) => api.clinicians.list({ teamId }), `clinicians:${teamId}`);
  useSearchShortcut(searchRef);

  return (
    <>
      <PageHeading>My caseload</PageHeading>
      <div className="button-row">
        <button type="button" className="button" onClick={() => navigate({ name: 'open-case' })}>
          Open a case
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'export' })}>
          Export caseload
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'import' })}>
          Import caseload
        </button>
      </div>
      {data.status === 'error' ? (
        <LoadProblem message={data.error.message} onRetry={reload} />
      ) : (
        <CaseloadBody
          caseload={data.status === 'ready' ? data.value : null}
          searchRef={searchRef}
          clinicians={team.status === 'ready' ? team.value : []}
          profileId={profile?.id ?? ''}
          onSeeded={reload}
        />
      )}
    </>
  );
}

interface BodyProps {
  /** null while it loads. */
  caseload: Caseload | null;
  searchRef: RefObject<HTMLInputElement | null>;
  clinicians: Caseload['clinician'][];
  profileId: string;
  onSeeded(): void;
}

const NO_ROWS: readonly CaseloadRow[] = [];

/**
 * The count, the search and filters, and the table. The search box is there while the caseload
 * loads (and stays the same element when it arrives), so `/` and what is typed straight after
 * "Back to caseload" reach it rather than being lost.
 */
function CaseloadBody({ caseload, searchRef, clinicians, profileId, onSeeded }: BodyProps) {
  const search = useCaseloadSearch();
  const flag = useCaseloadFlagFilter();
  const grouping = useCaseloadGroupingFilter();
  const sort = useCaseloadSort();
  const highlighted = useHighlightedCaseId();
  const { clearFilters } = useCaseloadViewActions();
  const { navigate } = useNavigationActions();

  // Typing stays responsive on a long caseload: the list catches up with the search box in the background.
  const { shown, catchUp, catchUpBeforePaint } = useDeferredSearch(search);
  const all = caseload?.rows ?? NO_ROWS;
  // Sorted and indexed once per load or sort change; a keystroke only filters (which keeps the order).
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  const index = useMemo(() => searchIndex(sorted), [sorted]);
  const rows = useMemo(() => filterCases(index, sorted, { search: shown, flag, grouping }), [index, sorted, shown, flag, grouping]);
  const listFor = useCallback((text: string) => filterCases(index, sorted, { search: text, flag, grouping }), [index, sorted, flag, grouping]);
  const openCase = useCallback((caseId: string) => navigate({ name: 'case', caseId }), [navigate]);
  const keys = useSearchBoxKeys({ ready: caseload !== null, listFor, shown, catchUp, catchUpBeforePaint, openCase });
  const total = all.length;
  const actionCount = useMemo(() => all.filter((r) => needsAction(r.flags)).length, [all]);
  const mine = caseload?.clinician.id === profileId;

  // One element per slot whatever the state, so the search box is never remounted (it may have focus).
  return (
    <>
      {caseload ? (
        <CaseCountLine prefix={mine ? '' : `${caseload.clinician.name}: `} total={total} actionCount={actionCount} shown={rows.length} />
      ) : (
        <Loading what="your caseload" />
      )}
      {caseload === null || total > 0 ? (
        <CaseloadControls searchRef={searchRef} clinicians={clinicians} profileId={profileId} onArrowDown={keys.onArrowDown} onEnter={keys.onEnter} />
      ) : null}
      {caseload === null ? null : total === 0 ? (
        <EmptyCaseload mine={mine} onSeeded={onSeeded} />
      ) : rows.length > 0 ? (
        <CaseloadTable
          rows={rows}
          caption={mine ? 'My open cases' : `Open cases of ${caseload.clinician.name}`}
          highlightedCaseId={highlighted}
          onOpen={openCase}
        />
      ) : (
        <NoCasesMatch onClear={clearFilters} />
      )}
    </>
  );
}

/** Nothing to show: say so, and on a brand-new database offer a fictional caseload to try the app with. */
function EmptyCaseload({ mine, onSeeded }: { mine: boolean; onSeeded(): void }) {
  const caseCount = useCaseCount();
  const { load } = useSessionActions();
  const [seeding, setSeeding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const seed = async () => {
    if (seeding) return;
    setSeeding(true);
    setProblem(null);
    try {
      await request((api) => api.demo.seed({}));
      await load({ quiet: true });
      onSeeded();
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setSeeding(false);
    }
  };

  return (
    <div className="empty-state">
      <h2 className="heading-m">{mine ? 'You have no open cases' : 'No open cases'}</h2>
      <p>Use &ldquo;Open a case&rdquo; to start a case for a young person.</p>
      {caseCount === 0 ? (
        <>
          <p>
            To look around first, load a demo caseload: fictional young people, with plans, reviews and flags to try
            the app with.
          </p>
          {problem ? (
            <p className="error-message" role="alert">
              {problem}
            </p>
          ) : null}
          <button type="button" className="button button--secondary" onClick={() => void seed()}>
            {seeding ? 'Loading demo caseload…' : 'Load demo caseload'}
          </button>
        </>
      ) : null}
    </div>
  );
}
