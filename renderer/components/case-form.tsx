/**
 * The frame of a form about one case (review, revise, end, re-open): it loads the case and the
 * form's draft together, shows the read-only notice instead of the form for a closed case, and
 * shows a save's server problems ("changed elsewhere", "closed") with what to do about them.
 */
import { useState, type ReactNode } from 'react';
import { formatUkDate } from '../../shared/dates';
import type { DraftKind } from '../../shared/domain/lifecycle';
import type { Settings } from '../../shared/domain/settings';
import type { CaseDetail, DraftRecord } from '../../shared/ipc/types';
import { useApiData } from '../hooks/use-api-data';
import { useNavigationActions } from '../stores/navigation';
import { useSettings, useToday } from '../stores/session';
import { DraftNotice } from './DraftNotice';
import { ErrorSummary } from './ErrorSummary';
import type { FormErrors } from '../lib/form-errors';
import { BackLink, focusPageHeading, LoadProblem, Loading, PageHeading, usePageTitle } from './page';
import { useSavedDraft, type Draft } from '../hooks/use-draft';

export function caseCaption(detail: CaseDetail): string {
  return `${detail.summary.name}, case ${detail.summary.caseRef}`;
}

interface FrameProps {
  caseId: string;
  title: string;
  draftKind: DraftKind;
  /** Re-opening is the one form for a closed case; every other form needs the case open. */
  needs?: 'open' | 'closed';
  /** Shown instead of the form when the case is in the right state but not ready for it (e.g. no plan). */
  notReady?: (detail: CaseDetail) => ReactNode;
  children: (loaded: CaseFormLoaded) => ReactNode;
}

export interface CaseFormLoaded {
  detail: CaseDetail;
  saved: DraftRecord | null;
  /** Fetches the case again (after "changed elsewhere"), keeping the form and what was typed. */
  reload: () => void;
  today: string;
  settings: Settings;
}

export function CaseFormFrame({ caseId, title, draftKind, needs = 'open', notReady, children }: FrameProps) {
  const { data, reload } = useApiData((api) => api.cases.get({ caseId }), `case:${caseId}`);
  const saved = useSavedDraft(draftKind, caseId);
  const settings = useSettings();
  const today = useToday();
  const { navigate } = useNavigationActions();
  usePageTitle(title);

  const back = (
    <BackLink href="#case" onClick={() => navigate({ name: 'case', caseId })}>
      Back to the case
    </BackLink>
  );
  const page = (caption: string | null, body: ReactNode) => (
    <>
      {back}
      <PageHeading caption={caption}>{title}</PageHeading>
      {body}
    </>
  );

  if (data.status === 'error') return page(null, <LoadProblem message={data.error.message} onRetry={reload} />);
  if (data.status === 'loading' || saved.status === 'loading' || !settings || !today) return page(null, <Loading what="the case" />);
  const detail = data.value;
  if (needs === 'open' && detail.summary.status !== 'open') return page(caseCaption(detail), <ReadOnlyNotice detail={detail} />);
  const blocked = notReady?.(detail);
  if (blocked) return page(caseCaption(detail), blocked);
  return (
    <>
      {back}
      {children({ detail, saved: saved.draft, reload, today, settings })}
    </>
  );
}

/** A closed case cannot be changed: it can only be re-opened as a new episode. */
export function ReadOnlyNotice({ detail }: { detail: CaseDetail }) {
  const { navigate } = useNavigationActions();
  return (
    <>
      <div className="inset">
        <p>This case is closed (ended {formatUkDate(detail.summary.closedDate)}) and is read-only.</p>
      </div>
      <button type="button" className="button" onClick={() => navigate({ name: 'case', caseId: detail.summary.id })}>
        Go to the case
      </button>
    </>
  );
}

/**
 * The error summary of a case form. After "changed elsewhere" it offers to reload the case: what was
 * typed stays in the form (and in its draft), now checked against the case as it is.
 */
export function CaseFormErrors({ form, caseId, onReload }: { form: FormErrors; caseId: string; onReload: () => void }) {
  const { navigate } = useNavigationActions();
  const [reloaded, setReloaded] = useState(false);
  const action =
    form.serverCode === 'conflict' ? (
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          form.clear();
          onReload();
          setReloaded(true);
          focusPageHeading();
        }}
      >
        Reload the case
      </button>
    ) : form.serverCode === 'read_only' ? (
      <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'case', caseId })}>
        Go to the case
      </button>
    ) : null;
  return (
    <>
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        maxListed={5}
        moreMessage={(n) => `${n} more problems are shown beside their questions below`}
      >
        {action}
      </ErrorSummary>
      {reloaded && form.errors.length === 0 ? (
        <div className="inset" role="status">
          <p>The case has been reloaded. What you entered is kept: check it against the case as it is now, then save again.</p>
        </div>
      ) : null}
    </>
  );
}

/**
 * The top of a case form above its fields: the error summary, the heading captioned with the case,
 * the notice of a restored draft, and the form's introduction (`children`) in an inset.
 */
export function CaseFormHead<T>({
  title,
  detail,
  form,
  draft,
  onReload,
  children,
}: {
  title: string;
  detail: CaseDetail;
  form: FormErrors;
  draft: Draft<T>;
  onReload: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <CaseFormErrors form={form} caseId={detail.summary.id} onReload={onReload} />
      <PageHeading caption={caseCaption(detail)}>{title}</PageHeading>
      <DraftNotice draft={draft} />
      <div className="inset">
        <p>{children}</p>
      </div>
    </>
  );
}
