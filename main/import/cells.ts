/**
 * Reading one cell of an import row: formula-like text, dates and whole numbers. Every problem is a
 * sentence that names the column and quotes the value, because the person fixing it is looking at a
 * spreadsheet, not at the app.
 */
import { isIsoDate, type IsoDate } from '../../shared/dates';
import { escapeForTerminal } from '../../shared/text';

/** What a spreadsheet runs as a formula or DDE command (=, +, -, @) or can hide one behind (tab, CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Quotes a value for a message, shortened so one huge cell cannot flood the problem list. */
export function quote(value: string): string {
  // Controls and direction overrides shown as \u escapes: the person sees what is in the cell, and the
  // message cannot act on a terminal or reorder itself on screen.
  const v = escapeForTerminal(value.replace(/\r\n|[\r\n\t]/g, ' '));
  return `"${v.length > 60 ? `${v.slice(0, 57)}…` : v}"`;
}

/**
 * Formula-like cells are refused: importing "=HYPERLINK(…)" would store it and every later CSV export
 * would carry it. A cell the app's own export neutralised (a single quote before the formula character)
 * is restored to its text, so an export imports back exactly.
 */
export function readTextCell(header: string, raw: string): CellResult<string> {
  if (raw.startsWith("'") && FORMULA_START.test(raw.slice(1))) return { ok: true, value: raw.slice(1) };
  if (FORMULA_START.test(raw)) {
    const what = raw[0] === '\t' ? 'a tab' : raw[0] === '\r' ? 'a carriage return' : `"${raw[0]}"`;
    return {
      ok: false,
      reason: `${header}: ${quote(raw)} starts with ${what}, so a spreadsheet could run it as a formula; remove that character (or start the cell with a single quote ' if the text really begins with it)`,
    };
  }
  return { ok: true, value: raw };
}

const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function pad(n: string): string {
  return n.padStart(2, '0');
}

/**
 * dd/mm/yyyy (also d/m/yyyy, with - or . between) or yyyy-mm-dd. A date whose middle number is over 12
 * with the first at most 12 ("03/25/2026") is month-first, as US software writes it: refused rather than
 * guessed. A date that does not exist (31/02/2026) is refused too.
 */
export function readDateCell(header: string, text: string): CellResult<IsoDate> {
  const t = text.trim();
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const value = `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
    return isIsoDate(value) ? { ok: true, value } : { ok: false, reason: `${header}: ${quote(t)} is not a real date` };
  }
  const uk = UK_DATE.exec(t);
  if (!uk) return { ok: false, reason: `${header}: ${quote(t)} is not a date; write it as dd/mm/yyyy, for example 15/03/2026` };
  const [, d, m, y] = uk as unknown as [string, string, string, string];
  if (y.length === 2) return { ok: false, reason: `${header}: ${quote(t)} has a two-digit year; write the year in full, as dd/mm/yyyy` };
  if (Number(m) > 12 && Number(d) <= 12) {
    return {
      ok: false,
      reason: `${header}: ${quote(t)} looks like a US date (month first); write it day first as dd/mm/yyyy, for example ${pad(m)}/${pad(d)}/${y}`,
    };
  }
  const value = `${y}-${pad(m)}-${pad(d)}`;
  if (!isIsoDate(value)) return { ok: false, reason: `${header}: ${quote(t)} is not a real date (there is no ${dayMonth(d, m)} ${y})` };
  return { ok: true, value };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function dayMonth(d: string, m: string): string {
  const month = MONTHS[Number(m) - 1];
  return month ? `${Number(d)} ${month}` : `month ${Number(m)}`;
}

/** A whole number (the range is the shared schema's to check, with the form's message). */
export function readWholeNumberCell(header: string, text: string, range: string): CellResult<number> {
  const t = text.trim();
  if (!/^\d{1,3}$/.test(t)) return { ok: false, reason: `${header}: ${quote(t)} is not a whole number ${range}` };
  return { ok: true, value: Number(t) };
}
