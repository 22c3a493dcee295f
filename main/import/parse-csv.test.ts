import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { readDateCell, readTextCell } from './cells';
import { decodeCsvBytes } from './decode';
import { parseCsv } from './parse-csv';
import { buildImportPreview } from './preview';

function records(text: string) {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error);
  return r.records;
}

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, with CRLF or LF', () => {
    expect(records('a,b,c\r\n"x, y","say ""hi""","one\r\ntwo"\r\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'one\r\ntwo'] },
    ]);
    expect(records('a,b\nc,d')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['c', 'd'] },
    ]);
  });

  it('ends a row at CRLF, LF or a lone CR, even mixed in one file, and keeps a stray quote as text', () => {
    expect(records('a\r\nb\nc\rd').map((r) => r.cells)).toEqual([['a'], ['b'], ['c'], ['d']]);
    expect(records('x\n"1\r\n2"\r\ny\r')).toEqual([
      { line: 1, cells: ['x'] },
      { line: 2, cells: ['1\r\n2'] },
      { line: 3, cells: ['y'] },
    ]);
    expect(records('a,b"c,d\n')).toEqual([{ line: 1, cells: ['a', 'b"c', 'd'] }]);
  });

  it('numbers rows as a spreadsheet does: a cell spanning lines is one row', () => {
    const r = records('h\r\n"1\n2\n3"\r\nnext\r\n');
    expect(r.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(r[2]!.cells).toEqual(['next']);
  });

  it('keeps empty trailing cells and reports an unclosed quote with the line it opens on', () => {
    expect(records('a,,\r\n')).toEqual([{ line: 1, cells: ['a', '', ''] }]);
    const bad = parseCsv('h\r\nok\r\n"never closed\r\nmore\r\n');
    expect(bad.ok ? null : bad.error).toMatch(/^Line 3 of the file opens a quoted cell/);
    // Counted as a text editor counts lines, whatever ends them, and past names that are not ASCII.
    const later = parseCsv('Siân\r\nŁukasz\n"one\ntwo"\rok\n"never closed\n');
    expect(later.ok ? null : later.error).toMatch(/^Line 6 of the file opens a quoted cell/);
  });
});

describe('import cells', () => {
  it('accepts dd/mm/yyyy and yyyy-mm-dd, refuses US order, impossible dates and two-digit years', () => {
    expect(readDateCell('Open date', '5/3/2026')).toEqual({ ok: true, value: '2026-03-05' });
    expect(readDateCell('Open date', '2026-03-05')).toEqual({ ok: true, value: '2026-03-05' });
    expect(readDateCell('Open date', '03/25/2026')).toMatchObject({ ok: false, reason: expect.stringContaining('looks like a US date') });
    expect(readDateCell('Open date', '29/02/2027')).toMatchObject({ ok: false, reason: expect.stringContaining('there is no 29 February 2027') });
    expect(readDateCell('Open date', '29/02/2028')).toEqual({ ok: true, value: '2028-02-29' });
    expect(readDateCell('Open date', '05/03/26')).toMatchObject({ ok: false, reason: expect.stringContaining('two-digit year') });
    expect(readDateCell('Open date', 'soon')).toMatchObject({ ok: false, reason: expect.stringContaining('is not a date') });
  });

  it('refuses formula-like text but restores text the export neutralised', () => {
    for (const raw of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(readTextCell('Name', raw).ok).toBe(false);
    expect(readTextCell('Name', "'=1+1")).toEqual({ ok: true, value: '=1+1' });
    expect(readTextCell('Name', "'Twas")).toEqual({ ok: true, value: "'Twas" });
  });

  it('decodes UTF-8 (BOM removed) and refuses Windows-1252 and UTF-16', () => {
    expect(decodeCsvBytes(Buffer.from('\uFEFFSiân', 'utf8'))).toEqual({ ok: true, text: 'Siân' });
    expect(decodeCsvBytes(Buffer.from('Siân', 'latin1'))).toMatchObject({ ok: false, error: expect.stringContaining('not saved as UTF-8') });
    expect(decodeCsvBytes(Buffer.from('Case ref,Name', 'utf16le'))).toMatchObject({ ok: false, error: expect.stringContaining('UTF-16') });
    expect(decodeCsvBytes(new Uint8Array())).toMatchObject({ ok: false, error: expect.stringContaining('empty') });
  });
});

describe('buildImportPreview on arbitrary input', () => {
  const known = { caseRefs: new Map(), nhsNumbers: new Map(), teamClinicians: new Map() };
  const settings = DEFAULT_SETTINGS;

  it('never throws: random bytes and random CSV-ish text give a file error, problems or rows', () => {
    const csvish = fc
      .array(fc.array(fc.oneof(fc.string(), fc.constantFrom('', '=1', '"', '31/02/2026', '03/25/2026', 'Getting Help', '943 476 5919')), { maxLength: 8 }), { maxLength: 6 })
      .map((rows) => [HEADER, ...rows.map((r) => r.join(','))].join('\r\n'));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('base64')), csvish.map((t) => Buffer.from(t).toString('base64')), fc.string()), (contentBase64) => {
        const { preview, rows } = buildImportPreview({ fileName: 'x.csv', contentBase64, today: '2026-11-22', settings, known });
        expect(preview.canImport).toBe(rows.length > 0 && preview.badRows.length === 0 && preview.fileError === null);
      }),
      { numRuns: 300 },
    );
  });
});

const HEADER = 'Case ref,Name,Date of birth,NHS number,Referral date,Open date,Lead clinician,Grouping,Plan agreed';
