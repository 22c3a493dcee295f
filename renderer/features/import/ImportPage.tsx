import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ImportPreview, ImportResult } from '../../../shared/ipc/import-types';
import { request } from '../../api/client';
import { DownloadButton } from '../../components/DownloadButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { describedBy, errorIdFor, fieldId, hintIdFor } from '../../lib/field-ids';
import { ErrorMessage } from '../../components/fields';
import { BackLink, PageHeading, usePageTitle } from '../../components/page';
import { plural } from '../../lib/plural';
import { useNavigationActions } from '../../stores/navigation';
import { useSessionActions } from '../../stores/session';
import { ColumnMapping } from './ColumnMapping';
import { ImportCheck } from './ImportCheck';
import { FILE_PATH, useImport, type LoadedFile } from './use-import';

/**
 * Bringing an existing caseload in from a CSV (the template, or an EHR report with its columns
 * matched). Nothing is written until the user has seen the check and pressed "Import N cases", and
 * then all of it or none of it is.
 */
export function ImportPage() {
  const { navigate } = useNavigationActions();
  const flow = useImport();
  const { state, errors, attempt } = flow;
  usePageTitle('Import a caseload', errors.length > 0);

  const shown = state.step === 'checked' || state.step === 'importing' ? state : state.step === 'checking' ? (state.previous ?? null) : null;
  const preview = shown?.preview ?? null;
  const [mappingOpen, setMappingOpen] = useMappingOpen(shown);
  const busy = state.step === 'checking' || state.step === 'importing';

  if (state.step === 'done') return <ImportDone result={state.result} onCaseload={() => navigate({ name: 'caseload' })} />;

  return (
    <>
      <BackLink href="#caseload" onClick={() => navigate({ name: 'caseload' })}>
        Back to caseload
      </BackLink>
      <ErrorSummary errors={errors} attempt={attempt} />
      <PageHeading>Import a caseload</PageHeading>
      <ImportIntro />
      <FileField busy={busy} error={errors.find((e) => e.path === FILE_PATH)?.message} onFile={(file) => void flow.chooseFile(file)} />

      <p className="import-status" role="status">
        {state.step === 'checking' ? 'Checking the file…' : state.step === 'importing' ? 'Importing…' : ''}
      </p>

      {preview && !preview.fileError ? (
        <>
          <ColumnMapping
            preview={preview}
            mapping={flow.mapping}
            open={mappingOpen}
            busy={busy}
            onToggle={setMappingOpen}
            onChoose={flow.chooseColumn}
            onCheckAgain={() => void flow.checkAgain()}
          />
          {preview.missingColumns.length === 0 ? (
            <ImportCheck preview={preview} importing={busy} onImport={() => void flow.commit()} focusHeading={errors.length === 0 && state.step === 'checked'} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

/**
 * The column matching opens when a required column is unmatched; a new file starts it closed, and
 * checking the same file again leaves it as the user had it.
 */
function useMappingOpen(shown: { file: LoadedFile; preview: ImportPreview } | null) {
  const [open, setOpen] = useState(false);
  const checkedFile = useRef<LoadedFile | null>(null);
  useEffect(() => {
    if (!shown) return;
    if (shown.preview.missingColumns.length > 0) setOpen(true);
    else if (checkedFile.current !== shown.file) setOpen(false);
    checkedFile.current = shown.file;
  }, [shown?.preview]);
  return [open, setOpen] as const;
}

function ImportIntro() {
  return (
    <>
      <p className="lede">Bring your existing caseload into the app from a CSV file, such as a report from your electronic record.</p>
      <p>
        Use the template&rsquo;s columns: one row per young person, dates as dd/mm/yyyy. A file from another system can
        have its own column names: you match them to the template before importing.
      </p>
      <p>
        The file is checked first and nothing is saved until you import. The import is all or nothing: if any row has a
        problem, no cases are imported. Cases already in the app (the same case reference, or else the same NHS number)
        are skipped, so importing the same file again creates no duplicates.
      </p>
      <DownloadButton label="Download the template" prepare={() => request((api) => api.import.template({}))} />
    </>
  );
}

function FileField({ busy, error, onFile }: { busy: boolean; error: string | undefined; onFile(file: File): void }) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, once fixed, checks it again.
    event.target.value = '';
    if (file) onFile(file);
  };
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={fieldId(FILE_PATH)}>
        Caseload CSV file
      </label>
      <div className="hint" id={hintIdFor(FILE_PATH)}>
        A .csv file saved as UTF-8, up to 20 MB.
      </div>
      {error ? <ErrorMessage path={FILE_PATH} message={error} /> : null}
      <input
        className="file-upload"
        type="file"
        id={fieldId(FILE_PATH)}
        name={FILE_PATH}
        accept=".csv,text/csv"
        disabled={busy}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintIdFor(FILE_PATH), error ? errorIdFor(FILE_PATH) : null)}
        onChange={onChange}
      />
    </div>
  );
}

function ImportDone({ result, onCaseload }: { result: ImportResult; onCaseload(): void }) {
  const { load } = useSessionActions();
  const loaded = useRef(false);
  // The case count changed (the caseload stops offering the demo caseload, for one).
  useEffect(() => {
    if (loaded.current) return;
    loaded.current = true;
    void load({ quiet: true });
  }, [load]);

  return (
    <>
      <PageHeading>Import complete</PageHeading>
      <p className="lede" role="status">
        {plural(result.created, 'case created', 'cases created')}
        {result.skipped > 0 ? `, ${result.skipped.toLocaleString('en-GB')} skipped` : ''}
        {result.cliniciansAdded > 0 ? `. ${plural(result.cliniciansAdded, 'clinician', 'clinicians')} added to your team.` : ''}
      </p>
      <p>
        <a
          href="#caseload"
          onClick={(e) => {
            e.preventDefault();
            onCaseload();
          }}
        >
          Go to caseload
        </a>
      </p>
    </>
  );
}
