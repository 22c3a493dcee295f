/**
 * The pure CSV set builder on hand-made cases (tests/support/case-detail-fixtures.ts): each file of the set
 * byte for byte against a golden file (tests/golden/csv). A mismatch fails; `UPDATE_GOLDEN=1 npx vitest run
 * --project node tests/integration/export-csv-golden.test.ts` rewrites the files (review the diff).
 * The cases: an open case with a revised plan, a reworded, a dropped and an added goal and a review
 * without its Current View; the same case closed; a case just opened; and one whose text would run as
 * spreadsheet formulas.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closedCaseDetail, FIXTURE_TODAY, newCaseDetail, openCaseDetail } from '../support/case-detail-fixtures';
import { CSV_BOM } from '../../main/export/csv';
import { buildCsvSetFile, CSV_SET } from '../../main/export/csv-set';
import { CSV_FILES } from '../../shared/ipc/schemas/export';
import type { CaseDetail } from '../../shared/ipc/types';

const GOLDEN_DIR = join(__dirname, '..', 'golden', 'csv');

function cases(): CaseDetail[] {
  const open = openCaseDetail();
  const closed = closedCaseDetail();
  closed.summary = { ...closed.summary, caseRef: 'RIO-2002' };
  const fresh = newCaseDetail();
  fresh.summary = { ...fresh.summary, caseRef: 'RIO-2003', name: 'Sam Okafor', nhsNumber: null };
  const risky = openCaseDetail();
  risky.summary = { ...risky.summary, caseRef: 'RIO-2004', name: '=HYPERLINK("http://evil.example","Riley")', coordinatingAgency: '@SUM(1+1)' };
  risky.plan = { ...risky.plan!, agreedOutcome: '+44 7700 900123 will call "weekly", then monthly', contingency: '-2 sessions, then review' };
  return [open, closed, fresh, risky];
}

const teamNames = new Map([[openCaseDetail().summary.teamId, 'CAMHS North']]);

describe('CSV set builder — golden files', () => {
  for (const file of CSV_FILES) {
    it(`${file}.csv matches its golden file`, () => {
      const { file: built, cases: n } = buildCsvSetFile({ file, fileStem: 'caseload-Alex Morgan', today: FIXTURE_TODAY, bom: false, context: { teamNames }, cases: cases() });
      expect(n).toBe(4);
      expect(built.fileName).toBe(`thrive-${file}-caseload-alex-morgan-2027-01-11.csv`);
      const path = join(GOLDEN_DIR, `${file}.csv`);
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, built.content);
      else if (!existsSync(path)) expect.fail(`No golden file ${file}.csv: run with UPDATE_GOLDEN=1 to create it, then review it`);
      expect(built.content, `${file}.csv differs from the golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(path, 'utf8'));
      // The byte-order mark is the only difference the option makes.
      const withBom = buildCsvSetFile({ file, fileStem: 'x', today: FIXTURE_TODAY, bom: true, context: { teamNames }, cases: cases() }).file.content;
      expect(withBom).toBe(`${CSV_BOM}${built.content}`);
      expect(built.content.startsWith(`${CSV_SET[file].header.join(',')}\r\n`)).toBe(true);
    });
  }
});
