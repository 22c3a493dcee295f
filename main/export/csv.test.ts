import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, neutraliseFormula, toCsv } from './csv';
import { slug, supervisionPackFileName, teamCsvFileName } from './file-names';

describe('CSV cells', () => {
  it.each([
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])('neutralises a cell that a spreadsheet would run: %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves ordinary text alone, including a formula character later in the text', () => {
    expect(csvCell('Jess Example')).toBe('Jess Example');
    expect(csvCell('A-1 = B')).toBe('A-1 = B');
    expect(csvCell('Siân Ó Súilleabháin')).toBe('Siân Ó Súilleabháin');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(neutraliseFormula('')).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('Jo "JJ" Smith')).toBe('"Jo ""JJ"" Smith"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvLine(['a', 'b,c', 3])).toBe('a,"b,c",3');
  });

  it('writes a UTF-8 file with a byte-order mark, a header and CRLF line ends', () => {
    expect(toCsv(['Name', 'Age'], [['Zoë', 14], ['=1', null]])).toBe(`${CSV_BOM}Name,Age\r\nZoë,14\r\n'=1,\r\n`);
  });
});

/** Reads one quoted-or-bare cell back, as a spreadsheet would. */
function readCell(cell: string): string {
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

describe('CSV cells, for any text', () => {
  it('never start like a formula, and read back as the text (with the quote prefix when one was added)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const cell = csvCell(text);
        const back = readCell(cell);
        expect(back === text || back === `'${text}`).toBe(true);
        expect(/^[=+\-@\t\r]/.test(back)).toBe(false);
        // A bare cell can hold no separator, quote or line break.
        if (!cell.startsWith('"')) expect(/[",\r\n]/.test(cell)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('export file names', () => {
  it('are made of [a-z0-9-] only, whatever the names hold', () => {
    expect(slug('CAMHS North (Team 2)', 'team')).toBe('camhs-north-team-2');
    expect(slug('Siân Ó Súilleabháin', 'x')).toBe('sian-o-suilleabhain');
    expect(slug('../../etc/passwd', 'x')).toBe('etc-passwd');
    expect(slug('C:\\Windows\\CON', 'x')).toBe('c-windows-con');
    expect(slug('東京', 'team')).toBe('team');
    expect(slug('a'.repeat(100), 'x')).toHaveLength(60);
    expect(teamCsvFileName('CAMHS West', null, '2026-11-22')).toBe('thrive-team-camhs-west-2026-11-22.csv');
    expect(teamCsvFileName('CAMHS West', "Dr Zoë O'Neill", '2026-11-22')).toBe('thrive-team-camhs-west-dr-zoe-o-neill-2026-11-22.csv');
    expect(supervisionPackFileName('Dr Morgan Ellis', '2026-11-22')).toBe('thrive-supervision-dr-morgan-ellis-2026-11-22.pdf');
  });
});
