import { useState } from 'react';
import { CSV_FILE_LABELS, CSV_FILES, type CsvFileName, type ExportScopeName } from '../../../shared/ipc/schemas/export';
import type { ExportFile } from '../../../shared/ipc/types';
import { request } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioGroup } from '../../components/fields';
import { BackLink, PageHeading, usePageTitle } from '../../components/page';
import { useSaveFile } from '../../hooks/use-save-file';
import { useNavigationActions } from '../../stores/navigation';
import { useProfile } from '../../stores/session';

type Include = 'open' | 'all';

const INCLUDE_OPTIONS = [
  { value: 'open', label: 'Open cases' },
  { value: 'all', label: 'Open and closed cases' },
] as const;

const SCOPE_OPTIONS = [
  { value: 'mine', label: 'My caseload' },
  { value: 'team', label: 'My whole team' },
] as const;

/**
 * The caseload for the trust's record and reporting: one FHIR bundle, or the CSV set one file at a
 * time (columns in docs/exports.md). Main builds each file; the browser download saves it.
 */
export function ExportPage() {
  const profile = useProfile();
  const { navigate } = useNavigationActions();
  const [include, setInclude] = useState<Include>('open');
  const [scope, setScope] = useState<ExportScopeName>('mine');
  const [bom, setBom] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const { state, save } = useSaveFile();
  const teamLead = profile?.role === 'team_lead';
  usePageTitle('Export caseload', state.status === 'failed');

  const args = { scope: teamLead ? scope : 'mine', includeClosed: include === 'all' } as const;
  const busy = state.status === 'preparing';

  const run = async (label: string, prepare: () => Promise<ExportFile>) => {
    const saved = await save(label, prepare);
    // The summary takes focus after each failure, so the message is heard where the user is.
    if (!saved) setAttempt((n) => n + 1);
  };

  const button = (label: string, prepare: () => Promise<ExportFile>) => <DownloadFileButton key={label} label={label} busy={busy} onClick={() => void run(label, prepare)} />;

  return (
    <>
      <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
        Back to caseload
      </BackLink>
      <ErrorSummary errors={state.status === 'failed' ? [{ path: '', message: state.message }] : []} attempt={attempt} />
      <PageHeading>Export caseload</PageHeading>
      <p className="lede">
        Download the caseload for the trust&rsquo;s electronic record (FHIR) or for reporting (CSV files, one at a time).
        The files hold personal information: save them only where your trust allows.
      </p>
      <RadioGroup<Include>
        path="includeClosed"
        label="Cases to include"
        value={include}
        options={INCLUDE_OPTIONS}
        onChange={setInclude}
      />
      {teamLead ? (
        <RadioGroup<ExportScopeName> path="scope" label="Whose cases" value={scope} options={SCOPE_OPTIONS} onChange={setScope} />
      ) : null}
      <BomCheckbox checked={bom} onChange={setBom} />
      <h2 className="heading-m">FHIR</h2>
      <div className="button-group">
        {button('Download FHIR bundle (JSON)', () => request((api) => api.export.caseloadFhir(args)))}
      </div>
      <h2 className="heading-m">CSV files</h2>
      <div className="button-group">
        {CSV_FILES.map((file: CsvFileName) =>
          button(`Download ${CSV_FILE_LABELS[file]} CSV`, () => request((api) => api.export.caseloadCsv({ ...args, file, bom }))),
        )}
      </div>
      <p className="export-status" role="status">
        {state.status === 'preparing' ? 'Preparing the file…' : state.status === 'saved' ? `Saved ${state.fileName}.` : ''}
      </p>
    </>
  );
}

/** A download; while a file is being prepared the others say so (aria-disabled keeps them in the Tab order). */
function DownloadFileButton({ label, busy, onClick }: { label: string; busy: boolean; onClick(): void }) {
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {label}
    </button>
  );
}

/** Whether the CSV files start with a byte-order mark, which Excel on Windows needs for accented names. */
function BomCheckbox({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className="form-group">
      <div className="checkboxes__item">
        <input className="checkboxes__input" id="export-bom" type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby="export-bom-hint" />
        <label className="label checkboxes__label" htmlFor="export-bom">
          Add a byte-order mark (for Excel)
        </label>
      </div>
      <div className="hint" id="export-bom-hint">
        Excel on Windows needs it to show accented names correctly. Leave it off for other systems if they
        do not expect one. It applies to the CSV files only.
      </div>
    </div>
  );
}
