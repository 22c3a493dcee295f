/**
 * The import uses the check the person just saw (import:preview) only when nothing at all has been
 * written since, by the app or by another process; otherwise it checks every row again inside its write
 * transaction. Either way a case opened between the preview and the import is never imported twice.
 */
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/app-services';
import { checkBeforeCommit, commitImport } from '../../main/features/import/commit-import';
import { writeContextOf } from '../../main/features/write-context';
import { TEST_KEY, tableCounts } from '../support/temp-db';
import { toBase64 } from '../support/csv-read';
import { openCaseArgs, startApp } from '../support/test-app';

const HEADER = 'Case ref,Name,Date of birth,Referral date,Open date,Lead clinician';
const file = (rows: string[]) => ({ fileName: 'caseload.csv', contentBase64: toBase64([HEADER, ...rows].join('\r\n')) });
const ROWS = ['IMP-1,Alex Rowe,01/02/2012,01/09/2026,15/09/2026,Sam Taylor', 'IMP-2,Bea Lund,03/04/2011,02/09/2026,16/09/2026,Sam Taylor'];

function appWithProfile() {
  const app = startApp('2026-11-22');
  const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
  return { app, profile };
}

describe('import:commit after import:preview', () => {
  it('imports what the preview showed when nothing was written in between', () => {
    const { app } = appWithProfile();
    expect(app.ok('import:preview', file(ROWS)).toCreate.map((r) => r.caseRef)).toEqual(['IMP-1', 'IMP-2']);
    expect(app.ok('import:commit', file(ROWS))).toMatchObject({ created: 2, skipped: 0 });
  });

  it('sees a case opened in the app between the preview and the import, and skips its row', () => {
    const { app, profile } = appWithProfile();
    expect(app.ok('import:preview', file(ROWS)).toCreate).toHaveLength(2);
    app.ok('cases:open', openCaseArgs(profile.id, { caseRef: 'IMP-1', nhsNumber: null }));
    expect(app.ok('import:commit', file(ROWS))).toMatchObject({ created: 1, skipped: 1 });
    expect(app.services.db.prepare("SELECT count(*) FROM cases WHERE case_ref = 'IMP-1'").pluck().get()).toBe(1);
  });

  it('sees a case opened by another process (the CLI) between the preview and the import', () => {
    const { app, profile } = appWithProfile();
    expect(app.ok('import:preview', file(ROWS)).toCreate).toHaveLength(2);
    const cli = createAppServices({ dbPath: app.services.db.name, key: TEST_KEY, clock: app.clock, log: () => undefined });
    expect(cli.invoke('cases:open', openCaseArgs(profile.id, { caseRef: 'IMP-2', nhsNumber: null })).ok).toBe(true);
    cli.close();
    expect(app.ok('import:commit', file(ROWS))).toMatchObject({ created: 1, skipped: 1 });
    expect(app.services.db.prepare("SELECT count(*) FROM cases WHERE case_ref = 'IMP-2'").pluck().get()).toBe(1);
  });

  it('checks the file it is given, not the one previewed: a bad row refuses the import and writes nothing', () => {
    const { app } = appWithProfile();
    expect(app.ok('import:preview', file(ROWS)).canImport).toBe(true);
    const before = tableCounts(app.services.db);
    const refused = app.call('import:commit', file([...ROWS, 'IMP-3,Cal Moss,31/02/2012,01/09/2026,15/09/2026,Sam Taylor']));
    expect(refused.ok).toBe(false);
    expect(tableCounts(app.services.db)).toEqual(before);
  });
});

describe('the moment between the check and the write lock', () => {
  it('checks again inside the transaction when another process wrote after the check was taken', () => {
    const { app, profile } = appWithProfile();
    const w = writeContextOf({ db: app.services.db, clock: app.clock, log: () => undefined, systemActor: 'system:test' });
    const checked = checkBeforeCommit(w, file(ROWS));
    expect(checked.outcome.preview.toCreate).toHaveLength(2);
    // Another process commits after the check, before the import takes the write lock.
    const cli = createAppServices({ dbPath: app.services.db.name, key: TEST_KEY, clock: app.clock, log: () => undefined });
    expect(cli.invoke('cases:open', openCaseArgs(profile.id, { caseRef: 'IMP-1', nhsNumber: null })).ok).toBe(true);
    cli.close();
    expect(commitImport(w, file(ROWS), checked)).toMatchObject({ created: 1, skipped: 1 });
    expect(app.services.db.prepare("SELECT count(*) FROM cases WHERE case_ref = 'IMP-1'").pluck().get()).toBe(1);
  });
});
