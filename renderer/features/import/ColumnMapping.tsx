import { IMPORT_COLUMNS } from '../../../shared/domain/import-template';
import type { ImportPreview } from '../../../shared/ipc/import-types';
import { Select } from '../../components/fields';
import { mappingPath, type ColumnMapping as Mapping } from './use-import';

const NOT_IN_FILE = '';

/**
 * "Match the columns": which column of the file holds each template column, for reports from other
 * systems that name them differently. Open when a required column could not be matched; otherwise
 * closed but there to check what was matched automatically.
 */
export function ColumnMapping({
  preview,
  mapping,
  open,
  busy,
  onToggle,
  onChoose,
  onCheckAgain,
}: {
  preview: ImportPreview;
  mapping: Mapping;
  open: boolean;
  busy: boolean;
  onToggle(open: boolean): void;
  onChoose(key: string, header: string | null): void;
  onCheckAgain(): void;
}) {
  const headers = [...new Set(preview.headers)];
  const options = [{ value: NOT_IN_FILE, label: 'Not in this file' }, ...headers.map((h) => ({ value: h, label: h }))];
  const missing = new Map(preview.missingColumns.map((c) => [c.key, c.header]));

  return (
    <details className="details import-mapping" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="details__summary">
        <span className="details__summary-text">Match the columns</span>
      </summary>
      <div className="details__text">
        <p>
          For each column the app imports, choose the column of your file that holds it. Columns marked
          &ldquo;(required)&rdquo; must be in the file.
        </p>
        {IMPORT_COLUMNS.map((column) => {
          const header = missing.get(column.key);
          return (
            <Select
              key={column.key}
              path={mappingPath(column.key)}
              label={column.required ? `${column.header} (required)` : column.header}
              hint={column.help}
              error={header ? `Choose the column that holds ${header}` : undefined}
              value={mapping[column.key] ?? NOT_IN_FILE}
              options={options}
              onChange={(value) => onChoose(column.key, value === NOT_IN_FILE ? null : value)}
            />
          );
        })}
        <button type="button" className="button button--secondary" disabled={busy} onClick={onCheckAgain}>
          Check again
        </button>
      </div>
    </details>
  );
}
