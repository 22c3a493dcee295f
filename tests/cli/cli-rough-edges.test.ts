/**
 * The command line as a new user and an IT tester meet it: a new export folder, a new database with no
 * profile (what to run), quiet ordinary runs (no timings unless --verbose), short usage errors, type
 * errors named as such, and stored text that cannot act on the terminal.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { readKeyFile } from '../../main/db/key-file';
import { openDatabase } from '../../main/db/open';
import { tempDbPath, tempDir } from '../support/temp-db';
import { bundleCli, runBin } from '../support/cli-bundle';

async function thrive(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env: {} });
  return { code, out, err };
}

/** Characters a terminal acts on or reorders by (written out here, independently of shared/text.ts). */
function actsOnTerminal(output: string): string[] {
  return [...output].filter((c) => {
    const n = c.codePointAt(0)!;
    return (n < 0x20 && c !== '\n' && c !== '\t') || (n >= 0x7f && n <= 0x9f) || (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069);
  });
}

/** A new, empty database made the only way one is made: `thrive init`. */
async function newDb(path = tempDbPath()) {
  const made = await thrive(['--db', path, 'init']);
  expect(made.code, made.err).toBe(0);
  return path;
}

const PROFILE = '{"name":"Sam Taylor","role":"clinician","teamName":"CAMHS North"}';

/** A database with a profile and one case (the test's own, not the demo: no slow seed). */
async function databaseWithCase(name = 'Jo Bloggs') {
  const db = await newDb();
  const profile = JSON.parse((await thrive(['--db', db, 'call', 'profile:setup', PROFILE])).out).value;
  const args = { caseRef: 'RIO-1', name, dateOfBirth: '2012-01-01', referralDate: '2026-11-01', openDate: '2026-11-02', leadClinicianId: profile.id, coordinatingAgency: 'CAMHS' };
  const opened = await thrive(['--db', db, '--today', '2026-11-22', 'call', 'cases:open', JSON.stringify(args)]);
  expect(opened.code, opened.out).toBe(0);
  return { db, caseId: JSON.parse(opened.out).value.id as string };
}

describe('export csv --out-dir', () => {
  it('makes a folder that does not exist yet, inside one that does', async () => {
    const { db } = await databaseWithCase();
    const dir = join(tempDir(), '2026-11-22');
    const r = await thrive(['--db', db, '--today', '2026-11-22', 'export', 'csv', '--out-dir', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'thrive-cases-caseload-sam-taylor-2026-11-22.csv',
      'thrive-current-views-caseload-sam-taylor-2026-11-22.csv',
      'thrive-endings-caseload-sam-taylor-2026-11-22.csv',
      'thrive-gbo-ratings-caseload-sam-taylor-2026-11-22.csv',
      'thrive-reviews-caseload-sam-taylor-2026-11-22.csv',
    ]);
  });

  it('refuses, in one line and making nothing, when the folder that would hold it is missing or it is a file', async () => {
    const { db } = await databaseWithCase();
    const parent = join(tempDir(), 'share-not-mounted');
    const dir = join(parent, 'exports');
    const r = await thrive(['--db', db, 'export', 'csv', '--out-dir', dir]);
    expect(r).toEqual({ code: 1, out: '', err: `thrive: --out-dir ${dir}: the folder ${parent} that would hold it does not exist (is the drive or share connected?)\n` });
    expect(existsSync(parent)).toBe(false);

    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expect(await thrive(['--db', db, 'export', 'csv', '--out-dir', file])).toEqual({ code: 1, out: '', err: `thrive: --out-dir ${file} is a file, not a folder\n` });
  });

  it('makes no folder when the export is refused (no profile yet)', async () => {
    const db = await newDb();
    const dir = join(tempDir(), 'new');
    const r = await thrive(['--db', db, 'export', 'csv', '--out-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')[0]).toBe('thrive: Set up your profile before exporting: exports are made in your name.');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('a new database with no profile', () => {
  it('import csv says why, and gives the profile:setup command line that works', async () => {
    const db = await newDb();
    const csv = join(tempDir(), 'caseload.csv');
    writeFileSync(csv, 'Case ref,Name,Date of birth,Referral date,Open date,Lead clinician\r\nRIO-1,Jo Bloggs,14/05/2012,01/10/2026,20/10/2026,Sam Taylor\r\n');
    const r = await thrive(['--db', db, '--today', '2026-11-22', 'import', 'csv', csv]);
    expect(r.code).toBe(1);
    const lines = r.err.split('\n');
    expect(lines[0]).toBe('thrive: Set up your profile before importing: the cases join your team, and the import is recorded in your name.');
    expect(lines[1]).toMatch(/^No profile is set up in this database yet\. Set one up .*"clinician" or "team_lead"/);
    expect(lines[2]).toBe(`  thrive --db ${db} call profile:setup '{"name":"Sam Patel","role":"clinician","teamName":"North CAMHS"}'`);

    // The command as printed (less the program name) sets the profile up; then the import runs.
    const printed = /^ {2}thrive --db (\S+) call profile:setup '(.*)'$/.exec(lines[2]!)!;
    const setup = await thrive(['--db', printed[1]!, 'call', 'profile:setup', printed[2]!]);
    expect(setup.code, setup.out).toBe(0);
    const again = await thrive(['--db', db, '--today', '2026-11-22', 'import', 'csv', csv]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('Import complete: 1 case created');
  });

  it('quotes a database path with spaces so the printed command can be pasted', async () => {
    const db = join(tempDir(), 'My Documents', "Sam's thrive.db");
    mkdirSync(join(db, '..'));
    await newDb(db);
    const r = await thrive(['--db', db, 'export', 'csv', '--file', 'cases', '--out', join(tempDir(), 'c.csv')]);
    expect(r.err).toContain(`  thrive --db '${db.replace(/'/g, `'\\''`)}' call profile:setup '{"name":`);
  });

  it('caseload prints a thrive: line and the hint, not a JSON blob', async () => {
    const db = await newDb();
    const r = await thrive(['--db', db, 'caseload']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')[0]).toBe('thrive: No profile is set up yet: set up your profile, or say whose caseload to show');
    expect(r.err).toContain('call profile:setup');
  });

  it('call keeps its JSON on stdout and puts the hint on stderr', async () => {
    const db = await newDb();
    const r = await thrive(['--db', db, 'call', 'export:caseloadCsv', '{"file":"cases"}']);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(r.err).toContain('call profile:setup');
  });
});

describe('ordinary runs are quiet', () => {
  it('prints no "slow call" timings on stderr unless --verbose', async () => {
    const db = await newDb();
    const seeded = await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    expect(seeded.code).toBe(0);
    expect(seeded.err).toBe('');
    const verbose = await thrive(['--db', await newDb(), '--today', '2026-11-22', '--verbose', 'seed-demo']);
    expect(verbose.err).toMatch(/^thrive: slow call: demo:seed took \d+\.\d ms$/m);
  });
});

describe('usage mistakes', () => {
  it('print the one-line error first, then a short hint, not the whole help', async () => {
    const hint = 'Usage: thrive --db FILE [--key-file FILE] [--today YYYY-MM-DD] COMMAND\nRun thrive --help for every command and option.\n';
    expect(await thrive(['--db', tempDbPath(), 'frobnicate'])).toEqual({ code: 1, out: '', err: `thrive: Unknown command frobnicate\n${hint}` });
    expect(await thrive(['--db', tempDbPath(), '--frobnicate', 'caseload'])).toEqual({ code: 1, out: '', err: `thrive: Unknown option --frobnicate\n${hint}` });
    expect(await thrive(['--db', tempDbPath(), 'export', 'csv'])).toEqual({ code: 1, out: '', err: `thrive: Say --file cases|current-views|gbo-ratings|reviews|endings\n${hint}` });
  });
});

describe('call with a value of the wrong type', () => {
  it('says the field "must be text"', async () => {
    const db = await newDb();
    await thrive(['--db', db, 'call', 'profile:setup', PROFILE]);
    const r = await thrive(['--db', db, 'call', 'cases:open', '{"caseRef":123}']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.fields[0]).toEqual({ path: 'caseRef', message: 'Case reference must be text, not a number' });
  });
});

describe('stored text cannot act on the terminal', () => {
  const ESC = '\u001b';
  const hostile = `${ESC}[2J${ESC}[3J${ESC}[HJo${ESC}]0;owned\u0007 \u202Eenoj\u009B31m`;
  let bin: { bin: string; dispose: () => void };

  beforeAll(async () => {
    bin = await bundleCli();
  }, 60_000);
  afterAll(() => bin.dispose());

  /** A name written before text fields refused these characters: put in with SQL, as an old row would be. */
  async function oldRow() {
    const { db, caseId } = await databaseWithCase();
    const conn = openDatabase({ path: db, key: readKeyFile(`${db}.key`) });
    conn.prepare('UPDATE young_people SET name = ? WHERE id = (SELECT young_person_id FROM cases WHERE id = ?)').run(hostile, caseId);
    conn.close();
    return { db, caseId };
  }

  it('thrive caseload (a real process) prints no ESC, C1 or override character, and shows them escaped', async () => {
    const { db } = await oldRow();
    const run = runBin(bin.bin, ['--db', db, '--today', '2026-11-22', 'caseload']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('RIO-1');
    expect(actsOnTerminal(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('\\u001b[2J\\u001b[3J\\u001b[HJo\\u001b]0;owned\\u0007 \\u202eenoj\\u009b31m');

    // JSON output stays valid JSON and gives the stored name back exactly.
    const json = runBin(bin.bin, ['--db', db, '--today', '2026-11-22', 'caseload', '--json']);
    expect(actsOnTerminal(json.stdout)).toEqual([]);
    expect(JSON.parse(json.stdout).rows[0].name).toBe(hostile);
  });

  it('the caseload heading (clinician and team names, in process too) is escaped', async () => {
    const { db } = await oldRow();
    const conn = openDatabase({ path: db, key: readKeyFile(`${db}.key`) });
    conn.prepare('UPDATE clinicians SET name = ?').run(`Sam${ESC}[8m`);
    conn.prepare('UPDATE teams SET name = ?').run(`North\u2066${ESC}c`);
    conn.close();
    const r = await thrive(['--db', db, '--today', '2026-11-22', 'caseload']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Caseload of Sam\\u001b[8m (North\\u2066\\u001bc) on 22/11/2026: 1 open case');
    expect(actsOnTerminal(r.out)).toEqual([]);
  });
});
