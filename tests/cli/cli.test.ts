import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { runCli } from '../../main/cli';
import { openDatabase } from '../../main/db/open';
import { readKeyFile } from '../../main/db/key-file';
import { listCaseAudit } from '../../main/db/repos/audit';
import { tableCounts, TEST_KEY, tempDbPath, tempDir } from '../support/temp-db';
import { bundleCli } from '../support/cli-bundle';

const ROOT = resolve(__dirname, '../..');

async function thrive(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), env });
  return { code, out, err };
}

function countsOf(dbPath: string) {
  const db = openDatabase({ path: dbPath, key: readKeyFile(`${dbPath}.key`) });
  try {
    return tableCounts(db);
  } finally {
    db.close();
  }
}

describe('thrive (in process)', () => {
  it('prints help', async () => {
    const r = await thrive(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: thrive --db FILE');
    expect(r.out).toContain('seed-demo');
  });

  it('lists every channel with its description and JSON Schema', async () => {
    const r = await thrive(['channels']);
    expect(r.code).toBe(0);
    const channels = JSON.parse(r.out) as Array<{ channel: string; description: string; args: { type?: string; properties?: object } }>;
    expect(channels.map((c) => c.channel)).toEqual([...CHANNEL_NAMES]);
    const open = channels.find((c) => c.channel === 'cases:open')!;
    expect(open.description).toBe('Open a new case (episode of care)');
    expect(open.args.type).toBe('object');
    expect(Object.keys(open.args.properties ?? {})).toContain('nhsNumber');
  });

  it('loads the demo and prints the caseload as a table with flags and their reasons', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    const seeded = await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    expect(seeded).toMatchObject({ code: 0, out: 'Loaded the fictional demo caseload: 29 cases, 4 clinicians.\n' });

    const r = await thrive(['--db', db, '--today', '22/11/2026', 'caseload']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Caseload of Dr Morgan Ellis (Demo CAMHS Team (fictional)) on 22/11/2026: 10 open cases');
    expect(lines[2]).toMatch(/^Name\s+Case ref\s+Grouping\s+Weeks open\s+Next review\s+Target date\s+Goals\s+Flags$/);
    const ruby = lines.find((l) => l.startsWith('Ruby Ashdown'))!;
    expect(ruby).toMatch(/DEMO-0003\s+Getting Risk Support\s+7\s+04\/11\/2026 \(overdue\)/);
    expect(ruby).toContain('Risk Support review gap, Review overdue');
    expect(r.out).toContain('    Review overdue: Agreed review date 04/11/2026 passed 18 days ago; no review held since.');
    expect(lines.find((l) => l.startsWith('Amelia Hart'))).toContain('(due soon)');

    const json = await thrive(['--db', db, '--today', '2026-11-22', 'caseload', '--json']);
    expect(JSON.parse(json.out).rows).toHaveLength(10);
  });

  it('records a review with call review:record and shows it in call cases:history', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    const call = async (channel: string, args: unknown) =>
      JSON.parse((await thrive(['--db', db, '--today', '2026-11-22', 'call', channel, JSON.stringify(args)])).out);
    const amelia = (await call('cases:list', { status: 'open' })).value.find((c: { name: string }) => c.name === 'Amelia Hart');
    const detail = (await call('cases:get', { caseId: amelia.id })).value;
    const review = {
      caseId: amelia.id,
      caseVersion: detail.summary.version,
      reviewDate: '2026-11-22',
      attendees: ['young_person'],
      goalRatings: detail.goals.map((g: { id: string }) => ({ goalId: g.id, score: 6 })),
      criteriaProgress: detail.criteria.map((c: { id: string }) => ({ criterionId: c.id, status: 'partly' })),
      currentView: null,
      decision: 'continue',
      nextReviewDate: '2027-01-03',
    };
    expect(await call('review:record', review)).toMatchObject({ ok: true, value: { reviewDate: '2026-11-22', currentViewId: null } });
    // The same save again is stale: the case version moved on.
    expect(await call('review:record', review)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const history = (await call('cases:history', { caseId: amelia.id })).value as Array<{ summary: string; actorName: string }>;
    expect(history.at(-1)).toMatchObject({ summary: 'Review recorded (decision: Continue with the plan)', actorName: 'Dr Morgan Ellis' });
    expect(history[0]).toMatchObject({ summary: 'Case opened', actorName: 'System (demo data)' });
  });

  it("shows another clinician's caseload with --clinician", async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    const list = JSON.parse((await thrive(['--db', db, 'call', 'clinicians:list', '{}'])).out) as { value: Array<{ id: string; name: string }> };
    const priya = list.value.find((c) => c.name === 'Priya Natarajan')!;
    const r = await thrive(['--db', db, '--today', '2026-11-22', 'caseload', '--clinician', priya.id]);
    expect(r.out.split('\n')[0]).toBe('Caseload of Priya Natarajan (Demo CAMHS Team (fictional)) on 22/11/2026: 5 open cases');
  });

  it('calls a channel and prints the result as JSON; the command line is the audit actor without a profile', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    const r = await thrive(['--db', db, 'call', 'settings:update', '{"dueSoonDays": 10}']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, value: { dueSoonDays: 10 } });
    const conn = openDatabase({ path: db, key: readKeyFile(`${db}.key`) });
    expect(conn.prepare('SELECT actor_id FROM audit_log').pluck().all()).toEqual(['system:cli']);
    conn.close();
  });

  it('prints a structured validation error for invalid input, writes nothing, and exits 1', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await thrive(['--db', db, '--today', '2026-11-22', 'call', 'profile:setup', '{"name":"Sam","role":"clinician","teamName":"North"}']);
    const before = countsOf(db);
    const args = { caseRef: 'X-1', name: 'Jo', dateOfBirth: '2030-01-01', nhsNumber: '123', referralDate: '2026-01-01', openDate: '2026-01-02', leadClinicianId: 'nope', coordinatingAgency: 'CAMHS' };
    const r = await thrive(['--db', db, '--today', '2026-11-22', 'call', 'cases:open', JSON.stringify(args)]);
    expect(r.code).toBe(1);
    const result = JSON.parse(r.out);
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('validation');
    expect(result.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['nhsNumber', 'leadClinicianId']));
    expect(countsOf(db)).toEqual(before);
  });

  it('refuses arguments that are not JSON, without creating the database', async () => {
    const db = tempDbPath();
    const r = await thrive(['--db', db, 'call', 'cases:open', '{caseRef: X}']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/not valid JSON/) } });
    expect(existsSync(db)).toBe(false);
  });

  it('uses THRIVE_DB_KEY when there is no key file, and says clearly when the key is wrong', async () => {
    const db = tempDbPath();
    expect((await thrive(['--db', db, 'init'], { THRIVE_DB_KEY: TEST_KEY })).code).toBe(0);
    expect((await thrive(['--db', db, 'call', 'app:state', '{}'], { THRIVE_DB_KEY: TEST_KEY })).code).toBe(0);
    expect(existsSync(`${db}.key`)).toBe(false);
    const wrong = await thrive(['--db', db, 'call', 'app:state', '{}'], { THRIVE_DB_KEY: 'b'.repeat(64) });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe('thrive: The database key is wrong or the file is not a THRIVE Plans database\n');
    const keyFile = join(tempDir(), 'key');
    writeFileSync(keyFile, `${TEST_KEY}\n`, { mode: 0o600 });
    expect((await thrive(['--db', db, '--key-file', keyFile, 'call', 'app:state', '{}'], { THRIVE_DB_KEY: 'b'.repeat(64) })).code).toBe(0);
  });

  it('explains usage mistakes and exits 1', async () => {
    expect(await thrive([])).toMatchObject({ code: 1, err: expect.stringContaining('Usage:') });
    expect(await thrive(['--db', tempDbPath(), 'frobnicate'])).toMatchObject({ code: 1, err: expect.stringContaining('Unknown command frobnicate') });
    expect(await thrive(['caseload'])).toMatchObject({ code: 1, err: expect.stringContaining('--db FILE') });
    expect(await thrive(['--db', tempDbPath(), '--today', '31/02/2026', 'caseload'])).toMatchObject({ code: 1, err: expect.stringContaining('--today') });
    expect(await thrive(['--db', tempDbPath(), '--frobnicate', 'caseload'])).toMatchObject({ code: 1, err: expect.stringContaining('Unknown option --frobnicate') });
    const fresh = tempDbPath();
    await thrive(['--db', fresh, 'init']);
    const noProfile = await thrive(['--db', fresh, 'caseload']);
    expect(noProfile).toMatchObject({ code: 1, out: '', err: expect.stringMatching(/^thrive: No profile is set up yet/) });
  });

  it('shows the team view with call team:overview and team:cases, and writes exports with --out', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    const overview = await thrive(['--db', db, '--today', '2026-11-22', 'call', 'team:overview', '{}']);
    expect(overview.code).toBe(0);
    expect(JSON.parse(overview.out)).toMatchObject({
      ok: true,
      value: { team: { name: 'Demo CAMHS Team (fictional)' }, period: { from: '2025-11-22', to: '2026-11-22' }, openCases: 25 },
    });
    const cases = JSON.parse((await thrive(['--db', db, '--today', '2026-11-22', 'call', 'team:cases'])).out);
    expect(cases.value.rows).toHaveLength(25);
    expect(cases.value.rows[0]).toMatchObject({ rank: 1, urgencyBand: 0 });

    const csvPath = join(tempDir(), 'team.csv');
    const csv = await thrive(['--db', db, '--today', '2026-11-22', 'call', 'team:exportCsv', '{}', '--out', csvPath]);
    expect(csv.code).toBe(0);
    expect(JSON.parse(csv.out)).toMatchObject({ ok: true, value: { fileName: 'thrive-team-demo-camhs-team-fictional-2026-11-22.csv', path: csvPath } });
    expect(readFileSync(csvPath, 'utf8').split('\r\n')).toHaveLength(27); // header, 25 cases, and the last line end

    const lead = cases.value.rows[0].leadClinicianId as string;
    const pdfPath = join(tempDir(), 'pack.pdf');
    const pack = await thrive(['--db', db, '--today', '2026-11-22', 'call', 'team:supervisionPack', JSON.stringify({ clinicianId: lead }), '--out', pdfPath]);
    expect(JSON.parse(pack.out)).toMatchObject({ ok: true, value: { mimeType: 'application/pdf', bytes: readFileSync(pdfPath).length } });
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const notAFile = await thrive(['--db', db, 'call', 'app:state', '{}', '--out', join(tempDir(), 'x')]);
    expect(notAFile).toMatchObject({ code: 1, err: expect.stringContaining('--out is only for channels that return a file') });
  });

  it('records the profile as the actor once a profile exists', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    const state = JSON.parse((await thrive(['--db', db, 'call', 'app:state', '{}'])).out);
    const profileId = state.value.profile.id as string;
    const args = { caseRef: 'RIO-1', name: 'Jo Bloggs', dateOfBirth: '2012-01-01', referralDate: '2026-11-01', openDate: '2026-11-02', leadClinicianId: profileId, coordinatingAgency: 'CAMHS' };
    const opened = JSON.parse((await thrive(['--db', db, '--today', '2026-11-22', 'call', 'cases:open', JSON.stringify(args)])).out);
    const conn = openDatabase({ path: db, key: readKeyFile(`${db}.key`) });
    expect(listCaseAudit(conn, opened.value.id).map((e) => e.actorId)).toEqual([profileId]);
    conn.close();
  });
});

describe('bin/thrive.cjs (a real process)', () => {
  let bin: string;
  let dispose = () => {};

  beforeAll(async () => {
    ({ bin, dispose } = await bundleCli());
  }, 60_000);
  afterAll(() => dispose());

  it('runs the bundled CLI against a database: the flagged caseload, a supervision pack, and a pipe closed early', async () => {
    const db = tempDbPath();
    await thrive(['--db', db, 'init']);
    await thrive(['--db', db, '--today', '2026-11-22', 'seed-demo']);
    const run = spawnSync(process.execPath, [bin, '--db', db, '--today', '2026-11-22', 'caseload'], {
      encoding: 'utf8',
      // The private copy sits outside the repository; let it find the native module there.
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('on 22/11/2026: 10 open cases');
    expect(run.stdout).toContain('Review overdue: Agreed review date 04/11/2026 passed 18 days ago; no review held since.');

    // (In the same test: one seeded demo database serves every run.) A supervision pack,
    // with pdfkit loaded from node_modules at run time as the packaged app does.
    const state = JSON.parse((await thrive(['--db', db, 'call', 'app:state', '{}'])).out);
    const pdfPath = join(tempDir(), 'pack.pdf');
    const args = JSON.stringify({ clinicianId: state.value.profile.id });
    const packRun = spawnSync(process.execPath, [bin, '--db', db, '--today', '2026-11-22', 'call', 'team:supervisionPack', args, '--out', pdfPath], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      timeout: 30_000,
    });
    expect(packRun.status, packRun.stderr).toBe(0);
    expect(JSON.parse(packRun.stdout)).toMatchObject({ ok: true, value: { fileName: 'thrive-supervision-dr-morgan-ellis-2026-11-22.pdf' } });
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The streamed caseload FHIR export, with the FHIR builders bundled in, and its progress on stderr.
    const fhirPath = join(tempDir(), 'team.json');
    const fhirRun = spawnSync(process.execPath, [bin, '--db', db, '--today', '2026-11-22', 'export', 'fhir', '--scope', 'team', '--progress', '--out', fhirPath], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      timeout: 30_000,
    });
    expect(fhirRun.status, fhirRun.stderr).toBe(0);
    expect(fhirRun.stdout).toMatch(/^Exported 25 cases /);
    expect(fhirRun.stderr.trimEnd().split('\n').at(-1)).toBe('exported 25 of 25 cases');
    expect(JSON.parse(readFileSync(fhirPath, 'utf8'))).toMatchObject({ resourceType: 'Bundle', type: 'collection' });

    // (Still in the same test, on the same database.) A reader that stops early: thrive … | head.
    // A shell pipe into `head -c 100`: the reader takes the first bytes and closes its end while the CLI
    // is still writing the bundle (far more than a pipe holds).
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --db "${db}" --today 2026-11-22 call export:caseloadFhir '{"includeClosed":true}' | head -c 100 >/dev/null`], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') },
      timeout: 30_000,
    });
    expect(piped.stderr).not.toContain('EPIPE');
    expect(piped.stderr).not.toContain('Unhandled');
  });
});
