import { useEffect, useRef } from 'react';
import type { ImportPreview } from '../../../shared/ipc/import-types';
import { fieldId } from '../../lib/field-ids';
import { plural } from '../../lib/plural';
import { BAD_ROWS_PATH } from './use-import';

/**
 * "Check before importing": what the import would do, every row that stops it (by its line in the
 * file, as a spreadsheet numbers rows) and, only when nothing does, the button that imports.
 */
export function ImportCheck({
  preview,
  importing,
  onImport,
  focusHeading,
}: {
  preview: ImportPreview;
  importing: boolean;
  onImport(): void;
  /** True when nothing went to the error summary: the check's heading takes focus instead. */
  focusHeading: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading, preview]);

  const creating = preview.toCreate.length;
  const skipping = preview.alreadyPresent.length;
  return (
    <section aria-labelledby="import-check-heading">
      <h2 className="heading-l" id="import-check-heading" tabIndex={-1} ref={heading}>
        Check before importing
      </h2>
      <p>
        File: <strong>{preview.fileName}</strong> ({plural(preview.rowsRead, 'row', 'rows')} read)
      </p>
      <ul className="list list--bullet">
        {/* With bad rows nothing will be created yet: say what is ready, not what "will" happen. */}
        <li>
          {preview.badRows.length > 0
            ? plural(creating, 'row is ready, to import once every problem is fixed', 'rows are ready, to import once every problem is fixed')
            : plural(creating, 'case will be created', 'cases will be created')}
        </li>
        {skipping > 0 ? <li>{plural(skipping, 'case is already in the app and will be skipped', 'cases are already in the app and will be skipped')}</li> : null}
        {preview.newClinicians.length > 0 ? <li>New clinicians added to your team: {preview.newClinicians.join(', ')}</li> : null}
        {preview.ignoredHeaders.length > 0 ? <li>Columns not imported: {preview.ignoredHeaders.join(', ')}</li> : null}
      </ul>
      {preview.badRows.length > 0 ? (
        <table className="table" id={fieldId(BAD_ROWS_PATH)} tabIndex={-1}>
          <caption className="table__caption">Rows with problems</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Case ref</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {preview.badRows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{row.caseRef ?? ''}</td>
                <td>{row.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {preview.canImport ? (
        <button type="button" className="button" disabled={importing} onClick={onImport}>
          Import {plural(creating, 'case', 'cases')}
        </button>
      ) : null}
    </section>
  );
}
