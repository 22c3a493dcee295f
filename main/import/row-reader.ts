/**
 * Reads one import row's cells by template key, collecting at most one reason per column, so each
 * problem is reported against the column it came from (main/import/row.ts).
 */
import type { IsoDate } from '../../shared/dates';
import { IMPORT_COLUMNS } from '../../shared/domain/import-template';
import type { FieldError } from '../../shared/ipc/result';
import { quote, readDateCell, readTextCell, readWholeNumberCell } from './cells';

const COLUMN = new Map(IMPORT_COLUMNS.map((c) => [c.key, c]));

/** The column's header as the template names it. */
export function header(key: string): string {
  return COLUMN.get(key)?.header ?? key;
}

const COLUMN_ORDER = new Map(IMPORT_COLUMNS.map((c, i) => [c.key, i]));

export class RowReader {
  private readonly found: Array<{ key: string; reason: string }> = [];
  private readonly failed = new Set<string>();
  constructor(private readonly cell: (key: string) => string) {}

  fail(key: string, reason: string): void {
    if (this.failed.has(key)) return;
    this.failed.add(key);
    this.found.push({ key, reason });
  }

  /** The problems in the file's column order (the template's), as a person reads the row. */
  get reasons(): string[] {
    return [...this.found].sort((a, b) => (COLUMN_ORDER.get(a.key) ?? 0) - (COLUMN_ORDER.get(b.key) ?? 0)).map((f) => f.reason);
  }

  hasFailed(key: string): boolean {
    return this.failed.has(key);
  }

  /** Text after the formula check, trimmed; '' when empty or refused. */
  text(key: string): string {
    const raw = this.cell(key);
    if (raw.trim() === '') return '';
    const r = readTextCell(header(key), raw);
    if (!r.ok) {
      this.fail(key, r.reason);
      return '';
    }
    return r.value.trim();
  }

  filled(key: string): boolean {
    return this.cell(key).trim() !== '';
  }

  required(key: string): string {
    const t = this.text(key);
    if (t === '' && !this.hasFailed(key)) this.fail(key, `${header(key)}: this column is required but the cell is empty`);
    return t;
  }

  date(key: string, required: boolean): IsoDate | undefined {
    const t = required ? this.required(key) : this.text(key);
    if (t === '') return undefined;
    const r = readDateCell(header(key), t);
    if (!r.ok) {
      this.fail(key, r.reason);
      return undefined;
    }
    return r.value;
  }

  wholeNumber(key: string, range: string): number | undefined {
    const t = this.text(key);
    if (t === '') return undefined;
    const r = readWholeNumberCell(header(key), t, range);
    if (!r.ok) {
      this.fail(key, r.reason);
      return undefined;
    }
    return r.value;
  }

  /** The shared schema's and rules' problems, against the column each field came from. */
  fields(fields: readonly FieldError[], columnOf: (path: string) => string): void {
    for (const f of fields) {
      const key = columnOf(f.path);
      if (this.hasFailed(key)) continue;
      const h = header(key);
      // "NHS number is not valid: …" already names the column: show the value in it instead of repeating it.
      const raw = this.cell(key).trim();
      if (f.message.toLowerCase().startsWith(h.toLowerCase()) && raw !== '') this.fail(key, `${h} ${quote(raw)}${f.message.slice(h.length)}`);
      else this.fail(key, `${h}: ${f.message}`);
    }
  }
}
