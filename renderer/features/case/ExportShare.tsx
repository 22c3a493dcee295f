import { useState } from 'react';
import type { CaseDetail } from '../../../shared/ipc/types';
import { request } from '../../api/client';
import { CopyTextDialog } from '../../components/CopyTextDialog';
import { savedMessage, useSaveFile } from '../../hooks/use-save-file';
import { copiedMessage, useCopySummary, type CopyState } from './use-copy-summary';

function copyStatus(state: CopyState): string {
  return state.status === 'busy' ? 'Preparing the summary…' : state.status === 'copied' ? copiedMessage(state.title) : '';
}

/** The announced line under copy buttons (what was copied, or why not), and the by-hand dialog. */
export function CopyOutcome({ state, onCloseDialog }: { state: CopyState; onCloseDialog(): void }) {
  return (
    <>
      <Outcome status={copyStatus(state)} problem={state.status === 'failed' ? state.message : ''} />
      {state.status === 'manual' ? <CopyTextDialog title={state.summary.title} text={state.summary.text} onClose={onCloseDialog} /> : null}
    </>
  );
}

function Outcome({ status, problem }: { status: string; problem: string }) {
  return (
    <>
      <p className="export-share__status" role="status">
        {status}
      </p>
      {/* Only while there is a problem: an alert is announced as it appears, and an empty one would clutter the page's alerts. */}
      {problem ? (
        <p className="error-message export-share__error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  );
}

/**
 * Getting the case into the trust's record without retyping: plain-text summaries for the progress
 * note, the family's copy of the plan and the ending letter (PDF), and the whole case as FHIR.
 * Reading a closed case is still allowed, so these stay available after it ends.
 */
export function ExportShare({ detail }: { detail: CaseDetail }) {
  const caseId = detail.summary.id;
  const closed = detail.summary.status === 'closed';
  const hasPlan = detail.plan !== null;
  const latestReview = detail.reviews[detail.reviews.length - 1];
  const { state: copyState, copy, closeDialog } = useCopySummary(caseId);
  const { state: saveState, save } = useSaveFile();
  const copying = copyState.status === 'busy';
  const saving = saveState.status === 'preparing';

  // One outcome line for the group: whichever was pressed last speaks.
  const [last, setLast] = useState<'copy' | 'save'>('copy');
  const download = (label: string, prepare: Parameters<typeof save>[1]) => () => {
    setLast('save');
    void save(label, prepare);
  };
  const copyButton = (label: string, run: () => void) => (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-disabled={copying || undefined}
      onClick={() => {
        setLast('copy');
        run();
      }}
    >
      {label}
    </button>
  );
  const downloadButton = (label: string, run: () => void) => (
    <button type="button" className="button button--secondary button--small" aria-disabled={saving || undefined} onClick={run}>
      {label}
    </button>
  );

  return (
    <div className="export-share" role="group" aria-label="Export and share">
      <div className="button-group">
        {hasPlan ? copyButton('Copy plan summary', () => void copy('plan')) : null}
        {latestReview ? copyButton('Copy review summary', () => void copy('review', latestReview.id)) : null}
        {closed ? copyButton('Copy ending summary', () => void copy('ending')) : null}
        {hasPlan
          ? downloadButton(
              'Download plan for the family (PDF)',
              download('Download plan for the family (PDF)', () => request((api) => api.export.casePdf({ caseId, document: 'family-plan' }))),
            )
          : null}
        {closed
          ? downloadButton(
              'Download ending letter (PDF)',
              download('Download ending letter (PDF)', () => request((api) => api.export.casePdf({ caseId, document: 'ending-letter' }))),
            )
          : null}
        {downloadButton(
          'Download FHIR record (JSON)',
          download('Download FHIR record (JSON)', () => request((api) => api.export.caseFhir({ caseId }))),
        )}
      </div>
      {last === 'copy' ? (
        <Outcome status={copyStatus(copyState)} problem={copyState.status === 'failed' ? copyState.message : ''} />
      ) : (
        <Outcome status={savedMessage(saveState)} problem={saveState.status === 'failed' ? saveState.message : ''} />
      )}
      {copyState.status === 'manual' ? <CopyTextDialog title={copyState.summary.title} text={copyState.summary.text} onClose={closeDialog} /> : null}
    </div>
  );
}
