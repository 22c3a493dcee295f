/**
 * `thrive export fhir|csv|pdf|text` and `thrive import csv` (docs/exports.md): the app's channels, headless, on a
 * real encrypted database with a pinned --today. Files are checked as a reader opens them (the bundle
 * parsed, the PDF through pdftotext, the CSV's bytes), and every refusal leaves nothing behind.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { openDatabase } from '../../main/db/open';
import { readKeyFile } from '../../main/db/key-file';
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES } from '../../shared/ipc/schemas/import';
import type { CaseDetail, CaseSummary } from '../../shared/ipc/types';
import { tableCounts, tempDbPath, tempDir } from '../support/temp-db';

const TODAY = '2026-11-22';
const UK_DATE = /\b\d{2}\/\d{2}\/\d{4}\b/;

async function thrive(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

const at = (db: string) => ['--db', db, '--today', TODAY];

async function call<T>(db: string, channel: string, args: unknown = {}): Promise<T> {
  const r = JSON.parse((await thrive([...at(db), 'call', channel, JSON.stringify(args)])).out) as { ok: boolean; value: T; error?: unknown };
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function demoDb(): Promise<string> {
  const db = tempDbPath();
  expect((await thrive(['--db', db, 'init'])).code).toBe(0);
  expect((await thrive([...at(db), 'seed-demo'])).code).toBe(0);
  return db;
}

function withDb<T>(dbPath: string, read: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase({ path: dbPath, key: readKeyFile(`${dbPath}.key`) });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const countsOf = (dbPath: string) => withDb(dbPath, tableCounts);

function exportAudits(dbPath: string): Array<{ format: string; fileName: string; cases: number }> {
  return withDb(dbPath, (db) =>
    (db.prepare("SELECT after FROM audit_log WHERE action = 'export.create' ORDER BY rowid").pluck().all() as string[]).map((a) => JSON.parse(a)),
  );
}

interface Bundle {
  resourceType: string;
  type: string;
  entry?: Array<{ fullUrl: string; resource: { resourceType: string; name?: Array<{ text?: string }> } }>;
}

function patientNames(bundle: Bundle): string[] {
  return (bundle.entry ?? []).filter((e) => e.resource.resourceType === 'Patient').map((e) => e.resource.name?.[0]?.text ?? '');
}

describe('thrive export fhir', () => {
  it("streams the team's caseload to a file, says how far it has got, and records the export", async () => {
    const db = await demoDb();
    const all = await call<CaseSummary[]>(db, 'cases:list', { status: 'all' });
    expect(all).toHaveLength(29);
    const dir = tempDir();
    const out = join(dir, 'team.json');

    const r = await thrive([...at(db), 'export', 'fhir', '--scope', 'team', '--include-closed', '--progress', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Exported 29 cases \(Team Demo CAMHS Team \(fictional\), \d+ resources\) as a FHIR bundle to .*team\.json \([\d.]+ KB\)\.\n$/);
    // About ten progress lines, the last at the end.
    expect(r.err.trimEnd().split('\n')).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 29].map((n) => `exported ${n} of 29 cases`));

    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const resources = Number(/(\d+) resources/.exec(r.out)![1]);
    expect(bundle.entry).toHaveLength(resources);
    // Every young person once (a re-opened case is the same young person).
    expect(new Set(patientNames(bundle))).toEqual(new Set(all.map((c) => c.name)));
    expect(readdirSync(dir), 'no FILE.partial left behind').toEqual(['team.json']);
    expect(exportAudits(db)).toEqual([{ format: 'fhir', fileName: 'team.json', cases: 29 }]);
  });

  it('exports your own open cases by default, quietly when stderr is not a terminal', async () => {
    const db = await demoDb();
    const out = join(tempDir(), 'mine.json');
    const r = await thrive([...at(db), 'export', 'fhir', '--out', out]);
    expect(r).toMatchObject({ code: 0, err: '', out: expect.stringMatching(/^Exported 10 cases \(Caseload of Dr Morgan Ellis, /) });
    expect(patientNames(JSON.parse(readFileSync(out, 'utf8')) as Bundle)).toHaveLength(10);
  });

  it('exports one case with --case', async () => {
    const db = await demoDb();
    const amelia = (await call<CaseSummary[]>(db, 'cases:list', { status: 'open' })).find((c) => c.name === 'Amelia Hart')!;
    const out = join(tempDir(), 'amelia.json');
    const r = await thrive([...at(db), 'export', 'fhir', '--case', amelia.id, '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Saved the FHIR record to .*amelia\.json/);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Bundle;
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(patientNames(bundle)).toEqual(['Amelia Hart']);
  });

  it("refuses a clinician's team export, leaving no file and no FILE.partial", async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await call(db, 'profile:setup', { name: 'Sam Patel', role: 'clinician', teamName: 'North' });
    const dir = tempDir();
    const r = await thrive([...at(db), 'export', 'fhir', '--scope', 'team', '--out', join(dir, 'team.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('thrive: The team view is for team leads. Ask a team lead, or change your role in Settings.\n');
    expect(readdirSync(dir)).toEqual([]);
    expect(exportAudits(db)).toEqual([]);
  });

  it('explains mistakes before opening the database', async () => {
    const db = tempDbPath();
    const out = join(tempDir(), 'x.json');
    expect(await thrive([...at(db), 'export', 'fhir', '--case', 'c1', '--scope', 'team', '--out', out])).toMatchObject({
      code: 1,
      err: expect.stringContaining('--case exports one case: leave out --scope and --include-closed'),
    });
    expect(await thrive([...at(db), 'export', 'fhir', '--scope', 'everyone', '--out', out])).toMatchObject({
      code: 1,
      err: expect.stringContaining('--scope must be one of mine, team, not "everyone"'),
    });
    expect(await thrive([...at(db), 'export', 'fhir'])).toMatchObject({ code: 1, err: expect.stringContaining('Say the file to write with --out') });
    expect(await thrive([...at(db), 'export', 'xml'])).toMatchObject({ code: 1, err: expect.stringContaining('thrive export fhir|csv|pdf|text') });
    expect(await thrive([...at(db), 'export', 'fhir', '--no-bom', '--out', out])).toMatchObject({
      code: 1,
      err: expect.stringContaining('--no-bom is not an option of export fhir'),
    });
    expect(existsSync(db)).toBe(false);
  });
});

describe('thrive export csv', () => {
  it('writes one file of the set, with a byte-order mark unless --no-bom', async () => {
    const db = await demoDb();
    const dir = tempDir();
    const withBom = await thrive([...at(db), 'export', 'csv', '--file', 'cases', '--out', join(dir, 'cases.csv')]);
    expect(withBom.code, withBom.err).toBe(0);
    expect(withBom.out).toMatch(/^Saved Cases CSV to .*cases\.csv \(/);
    const bytes = readFileSync(join(dir, 'cases.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toMatch(/^Case ref,/);
    // The profile's 10 open cases, and no one else's.
    const mine = new Set((await call<{ rows: Array<{ caseRef: string }> }>(db, 'caseload:list')).rows.map((r) => r.caseRef));
    expect(mine.size).toBe(10);
    for (const c of await call<CaseSummary[]>(db, 'cases:list', { status: 'all' })) {
      expect(text.includes(`\n${c.caseRef},`), `${c.caseRef} in the profile's Cases CSV`).toBe(mine.has(c.caseRef));
    }

    await thrive([...at(db), 'export', 'csv', '--file', 'gbo-ratings', '--no-bom', '--scope', 'team', '--include-closed', '--out', join(dir, 'gbo.csv')]);
    expect(readFileSync(join(dir, 'gbo.csv'), 'utf8').charCodeAt(0)).not.toBe(0xfeff);
    expect(exportAudits(db).map((a) => [a.format, a.cases])).toEqual([
      ['csv:cases', 10],
      ['csv:gbo-ratings', 29],
    ]);
  });

  it('writes the whole set into a folder under the app’s file names', async () => {
    const db = await demoDb();
    const dir = tempDir();
    const r = await thrive([...at(db), 'export', 'csv', '--scope', 'team', '--out-dir', dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trimEnd().split('\n').map((l) => l.replace(/ to .*/, ''))).toEqual([
      'Saved Cases CSV',
      'Saved Current View ratings CSV',
      'Saved GBO ratings CSV',
      'Saved Reviews CSV',
      'Saved Endings CSV',
    ]);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(5);
    for (const f of files) expect(f).toMatch(/^thrive-[a-z0-9-]+-2026-11-22\.csv$/);
    expect(files.some((f) => f.includes('partial'))).toBe(false);
  });

  it('refuses --file with --out-dir, and an --out-dir whose parent folder does not exist', async () => {
    const db = tempDbPath();
    const dir = tempDir();
    expect(await thrive([...at(db), 'export', 'csv', '--file', 'cases', '--out-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('--out-dir writes the whole CSV set') });
    expect(await thrive([...at(db), 'export', 'csv', '--out-dir', join(dir, 'nope', 'deeper')])).toMatchObject({ code: 1, err: expect.stringContaining('does not exist') });
    expect(await thrive([...at(db), 'export', 'csv', '--out', join(dir, 'x.csv')])).toMatchObject({ code: 1, err: expect.stringContaining('Say --file cases|current-views|gbo-ratings|reviews|endings') });
  });
});

describe('thrive export pdf and text', () => {
  it("writes a closed case's ending letter and an open case's plan for the family, as PDFs with the young person's name", async () => {
    const db = await demoDb();
    const closed = await call<CaseSummary[]>(db, 'cases:list', { status: 'closed' });
    expect(closed.length).toBeGreaterThan(0);
    const ended = closed[0]!;
    const dir = tempDir();
    const letter = join(dir, 'letter.pdf');
    const r = await thrive([...at(db), 'export', 'pdf', '--case', ended.id, '--document', 'ending-letter', '--out', letter]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Saved the ending letter to .*letter\.pdf \(/);
    expect(readFileSync(letter).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', letter, '-'], { encoding: 'utf8' })).toContain(ended.name);

    const amelia = (await call<CaseSummary[]>(db, 'cases:list', { status: 'open' })).find((c) => c.name === 'Amelia Hart')!;
    const plan = join(dir, 'plan.pdf');
    expect((await thrive([...at(db), 'export', 'pdf', '--case', amelia.id, '--document', 'family-plan', '--out', plan])).code).toBe(0);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', plan, '-'], { encoding: 'utf8' })).toContain('Amelia Hart');
  });

  it('refuses an ending letter for an open case, writing nothing', async () => {
    const db = await demoDb();
    const amelia = (await call<CaseSummary[]>(db, 'cases:list', { status: 'open' })).find((c) => c.name === 'Amelia Hart')!;
    const dir = tempDir();
    const r = await thrive([...at(db), 'export', 'pdf', '--case', amelia.id, '--document', 'ending-letter', '--out', join(dir, 'x.pdf')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^thrive: .+\n/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('prints the plan and a chosen review as plain text for a progress note', async () => {
    const db = await demoDb();
    const amelia = (await call<CaseSummary[]>(db, 'cases:list', { status: 'open' })).find((c) => c.name === 'Amelia Hart')!;
    const plan = await thrive([...at(db), 'export', 'text', '--case', amelia.id, '--kind', 'plan']);
    expect(plan.code, plan.err).toBe(0);
    expect(plan.out.split('\n')[0]).toBe('THRIVE PLAN SUMMARY');
    expect(plan.out).toContain('Amelia Hart');
    expect(plan.out).toMatch(UK_DATE);
    expect(plan.out).not.toMatch(/[<>*#]|\d{4}-\d{2}-\d{2}/); // no markup, no ISO dates

    const withReview = (await call<CaseSummary[]>(db, 'cases:list', { status: 'all' }))
      .map((c) => c.id)
      .map(async (id) => call<CaseDetail>(db, 'cases:get', { caseId: id }));
    const detail = (await Promise.all(withReview)).find((d) => d.reviews.length > 0)!;
    const review = detail.reviews[0]!;
    const text = await thrive([...at(db), 'export', 'text', '--case', detail.summary.id, '--kind', 'review', '--review', review.id]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(detail.summary.name);
    expect(text.out).toContain(review.reviewDate.split('-').reverse().join('/'));

    expect(await thrive([...at(db), 'export', 'text', '--case', amelia.id, '--kind', 'plan', '--review', review.id])).toMatchObject({
      code: 1,
      err: expect.stringContaining('--review is for --kind review'),
    });
  });
});

const HEADER = 'Case ref,Name,Date of birth,NHS number,Referral date,Open date,Lead clinician';
const GOOD_ROWS = [
  'IMP-0001,Ava Brook,14/03/2012,,02/09/2026,09/09/2026,Sam Patel',
  'IMP-0002,Ben Carter,01/02/2011,,03/09/2026,10/09/2026,Sam Patel',
  'IMP-0003,Cara Dunn,22/07/2013,,04/09/2026,11/09/2026,Alex Reid',
  'IMP-0004,Dev Evans,05/11/2010,,05/09/2026,12/09/2026,Sam Patel',
];

function csvFile(rows: string[], header = HEADER): string {
  const file = join(tempDir(), 'caseload.csv');
  writeFileSync(file, `${[header, ...rows].join('\r\n')}\r\n`);
  return file;
}

async function clinicianDb(): Promise<string> {
  const db = tempDbPath();
  await thrive(['--db', db, 'init']);
  await call(db, 'profile:setup', { name: 'Sam Patel', role: 'clinician', teamName: 'North' });
  return db;
}

describe('thrive import csv', () => {
  it('reports every bad row by line and exits 1 without importing; the fixed file imports all or nothing, once', async () => {
    const db = await clinicianDb();
    const before = countsOf(db);
    // Line 3 has a date that does not exist; line 5 an NHS number that fails its check digit.
    const bad = [GOOD_ROWS[0]!, GOOD_ROWS[1]!.replace('01/02/2011', '30/02/2011'), GOOD_ROWS[2]!, GOOD_ROWS[3]!.replace(',,05/09', ',1234567890,05/09')];
    const dryRun = await thrive([...at(db), 'import', 'csv', csvFile(bad), '--dry-run']);
    expect(dryRun.code).toBe(1);
    const lines = dryRun.out.split('\n');
    expect(lines[0]).toBe('Checked caseload.csv: 4 rows read.');
    expect(dryRun.out).toContain('2 rows have problems. Fix them in the file and run the import again. Nothing has been imported.');
    expect(lines.filter((l) => l.startsWith('  line '))).toEqual([
      expect.stringMatching(/^ {2}line 3 \(IMP-0002\): Date of birth: .*30\/02\/2011.* is not a real date/),
      expect.stringMatching(/^ {2}line 5 \(IMP-0004\): .*NHS number/),
    ]);
    expect(countsOf(db)).toEqual(before);

    // Without --dry-run a file with problems is refused just the same.
    expect((await thrive([...at(db), 'import', 'csv', csvFile(bad)])).code).toBe(1);
    expect(countsOf(db)).toEqual(before);

    const fixed = csvFile(GOOD_ROWS);
    const check = await thrive([...at(db), 'import', 'csv', fixed, '--dry-run']);
    expect(check.code, check.out).toBe(0);
    expect(check.out).toContain('4 cases will be created');
    expect(check.out).toContain('New clinicians added to your team: Alex Reid');
    expect(check.out).toContain('Dry run: nothing has been imported.');
    expect(countsOf(db)).toEqual(before);

    const imported = await thrive([...at(db), 'import', 'csv', fixed]);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out.trimEnd().split('\n').at(-1)).toBe('Import complete: 4 cases created; 1 clinician added to your team.');
    const cases = await call<CaseSummary[]>(db, 'cases:list', { status: 'all' });
    expect(cases.map((c) => c.caseRef).sort()).toEqual(['IMP-0001', 'IMP-0002', 'IMP-0003', 'IMP-0004']);

    const again = await thrive([...at(db), 'import', 'csv', fixed]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('4 cases are already in the app and will be skipped');
    expect(again.out).toContain('Nothing to import.');
    expect(await call<CaseSummary[]>(db, 'cases:list', { status: 'all' })).toHaveLength(4);
  });

  it('asks for a missing required column, and reads it from the header named with --map', async () => {
    const db = await clinicianDb();
    const file = csvFile(GOOD_ROWS, HEADER.replace('Case ref', 'RiO ID'));
    const missing = await thrive([...at(db), 'import', 'csv', file, '--dry-run']);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('Missing column: no column holds Case ref (required). Name it with --map caseRef=HEADER.');
    const mapped = await thrive([...at(db), 'import', 'csv', file, '--dry-run', '--map', 'caseRef=RiO ID']);
    expect(mapped.code, mapped.out).toBe(0);
    expect(mapped.out).toContain('4 cases will be created');
    expect(await thrive([...at(db), 'import', 'csv', file, '--map', 'rioId=RiO ID'])).toMatchObject({ code: 1, err: expect.stringContaining('--map rioId: not a template column') });
  });

  it('refuses a file over the size limit before reading it, and says when the file cannot be read', async () => {
    const db = tempDbPath();
    const big = join(tempDir(), 'huge.csv');
    writeFileSync(big, '');
    truncateSync(big, MAX_IMPORT_BYTES + 1); // sparse: no 20 MB actually written
    expect(await thrive([...at(db), 'import', 'csv', big, '--dry-run'])).toMatchObject({ code: 1, err: `thrive: ${IMPORT_TOO_LARGE_MESSAGE}\n` });
    expect(existsSync(db), 'the database is not even opened').toBe(false);

    expect(await thrive([...at(db), 'import', 'csv', join(tempDir(), 'nope.csv')])).toMatchObject({ code: 1, err: expect.stringContaining('there is no such file') });
    const empty = join(tempDir(), 'empty.csv');
    writeFileSync(empty, '');
    await thrive(['--db', db, 'init']);
    await call(db, 'profile:setup', { name: 'Sam Patel', role: 'clinician', teamName: 'North' });
    const r = await thrive([...at(db), 'import', 'csv', empty]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^thrive: .+\n$/);
    expect(r.out).toBe('');
  });
});
