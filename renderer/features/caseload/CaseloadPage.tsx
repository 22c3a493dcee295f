import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Caseload } from '../../../shared/ipc/types';
import { request, toApiError } from '../../api/client';
import { useApiData } from '../../api/use-api-data';
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
import { filterCases, searchIndex } from '../../components/case-search';
import { needsAction, sortRows } from './caseload-rows';
import { CaseloadControls } from './CaseloadControls';
import { CaseloadTable } from './CaseloadTable';
import { plural } from '../../components/plural';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

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

  // `/` jumps to the search box from anywhere on the page except while typing in a field.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

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
      {data.status === 'loading' ? <Loading what="your caseload" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {data.status === 'ready' ? (
        <CaseloadBody
          caseload={data.value}
          searchRef={searchRef}
          clinicians={team.status === 'ready' ? team.value : []}
          profileId={profile?.id ?? ''}
          onSeeded={reload}
        />
      ) : null}
    </>
  );
}

interface BodyProps {
  caseload: Caseload;
  searchRef: RefObject<HTMLInputElement | null>;
  clinicians: Caseload['clinician'][];
  profileId: string;
  onSeeded(): void;
}

function CaseloadBody({ caseload, searchRef, clinicians, profileId, onSeeded }: BodyProps) {
  const search = useCaseloadSearch();
  const flag = useCaseloadFlagFilter();
  const grouping = useCaseloadGroupingFilter();
  const sort = useCaseloadSort();
  const highlighted = useHighlightedCaseId();
  const { clearFilters } = useCaseloadViewActions();
  const { navigate } = useNavigationActions();

  // Typing stays responsive on a long caseload: the list catches up with the search box in the background.
  const deferredSearch = useDeferredValue(search);
  // Sorted and indexed once per load or sort change; a keystroke only filters (which keeps the order).
  const sorted = useMemo(() => sortRows(caseload.rows, sort), [caseload.rows, sort]);
  const index = useMemo(() => searchIndex(sorted), [sorted]);
  const rows = useMemo(() => filterCases(index, sorted, { search: deferredSearch, flag, grouping }), [index, sorted, deferredSearch, flag, grouping]);
  const openCase = useCallback((caseId: string) => navigate({ name: 'case', caseId }), [navigate]);
  const total = caseload.rows.length;
  const actionCount = useMemo(() => caseload.rows.filter(needsAction).length, [caseload.rows]);
  const mine = caseload.clinician.id === profileId;
  const filtering = rows.length !== total;

  return (
    <>
      <p className="lede" role="status">
        {mine ? '' : `${caseload.clinician.name}: `}
        {plural(total, 'open case', 'open cases')}, {plural(actionCount, 'needs action', 'need action')}
        {filtering ? `. Showing ${rows.length} that match.` : ''}
      </p>
      {total === 0 ? (
        <EmptyCaseload mine={mine} onSeeded={onSeeded} />
      ) : (
        <>
          <CaseloadControls searchRef={searchRef} clinicians={clinicians} profileId={profileId} />
          {rows.length > 0 ? (
            <CaseloadTable
              rows={rows}
              caption={mine ? 'My open cases' : `Open cases of ${caseload.clinician.name}`}
              highlightedCaseId={highlighted}
              onOpen={openCase}
            />
          ) : (
            <div className="inset">
              <p>No open cases match your search and filters.</p>
              <button type="button" className="button button--secondary" onClick={clearFilters}>
                Clear search and filters
              </button>
            </div>
          )}
        </>
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
