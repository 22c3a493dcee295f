/**
 * Invisible and hostile text through the one way in (dispatch), the CSV import and the review rules:
 * refused beside the field that holds it, with nothing written; names stored NFC so the decomposed and
 * composed spellings are one name everywhere.
 */
import { describe, expect, it } from 'vitest';
import { tableCounts } from '../support/temp-db';
import { toBase64 } from '../support/csv-read';
import { appWithCase, openCaseArgs, planArgs, reviewArgs, startApp } from '../support/test-app';

const HOSTILE = 'Name must not contain control or direction-override characters';

describe('a young person\'s name that shows nothing, or hides something', () => {
  it.each([
    ['a zero-width space', '\u200B', "Enter the young person's name"],
    ['a Braille blank', '\u2800', "Enter the young person's name"],
    ['Hangul fillers and spaces', ' \u3164 \uFFA0 ', "Enter the young person's name"],
    ['a right-to-left override', '\u202E', HOSTILE],
    ['a right-to-left override inside a name', 'Jo\u202Eenoj', HOSTILE],
    ['ANSI escapes that clear the screen', '\u001b[2J\u001b[3J\u001b[HJo', HOSTILE],
    ['NUL', '\u0000', HOSTILE],
    ['only NULs', '\u0000\u0000\u0000\u0000', HOSTILE],
  ])('%s is refused beside the name field and nothing is written', (_what, name, message) => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const before = tableCounts(app.services.db);
    expect(app.call('cases:open', openCaseArgs(profile.id, { name }))).toEqual({
      ok: false,
      error: { code: 'validation', message, fields: [{ path: 'name', message }] },
    });
    expect(tableCounts(app.services.db)).toEqual(before);
    expect(app.logs.filter((l) => l.includes('failed'))).toEqual([]);
  });

  it('refuses the same in a profile, a team and a clinician name', () => {
    const app = startApp();
    expect(app.call('profile:setup', { name: '\u200B\u200B', role: 'clinician', teamName: 'North' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'name', message: 'Enter your name' }] },
    });
    expect(app.call('profile:setup', { name: 'Sam', role: 'clinician', teamName: 'North\u001b]0;pwned\u0007' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'teamName', message: 'Team must not contain control or direction-override characters' }] },
    });
    const profile = app.ok('profile:setup', { name: 'Sam', role: 'clinician', teamName: 'North' });
    expect(app.call('clinicians:create', { name: '\u2800', role: 'clinician', teamId: profile.teamId })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'name', message: "Enter the clinician's name" }] },
    });
  });

  it('says a case reference given as a number "must be text"', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const result = app.call('cases:open', { ...openCaseArgs(profile.id), caseRef: 123 as unknown as string });
    expect(result).toMatchObject({ ok: false, error: { fields: [{ path: 'caseRef', message: 'Case reference must be text, not a number' }] } });
  });
});

describe('names are stored NFC', () => {
  it('a decomposed "Zoë" is stored, found and exported as the composed one', () => {
    const app = startApp();
    const profile = app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const opened = app.ok('cases:open', openCaseArgs(profile.id, { name: 'Zoe\u0308 Bronte\u0308' }));
    expect(app.ok('cases:get', { caseId: opened.id }).summary.name).toBe('Zoë Brontë');
    expect(app.ok('caseload:list', {}).rows.map((r) => r.name)).toEqual(['Zoë Brontë']);
    const csv = app.ok('export:caseloadCsv', { file: 'cases' });
    expect(csv.content).toContain('Zoë Brontë');
    expect(csv.content).not.toContain('Zoe\u0308');

    // The duplicate check: a team typed decomposed is the same team when typed composed.
    app.ok('teams:create', { name: 'Ynys Mo\u0302n' });
    expect(app.call('teams:create', { name: 'Ynys Môn' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'name', message: 'There is already a team called Ynys Môn' }] },
    });
  });
});

describe('the explicit discussion cannot be made of invisible text', () => {
  it('"\\u200B" does not satisfy the rule after the target date, and "Past target date" stays', () => {
    const app = appWithCase('2026-12-20');
    app.ok('plan:save', planArgs(app.caseId, { targetDate: '2027-01-10' }));
    app.clock.set('2027-01-12');
    const moving = app.detail().goals.map((g, i) => ({ goalId: g.id, score: [8, 9][i]! }));
    const before = tableCounts(app.services.db);
    for (const invisible of ['\u200B', '\u2800 \u200D', '\uFEFF\n\u3164']) {
      const result = app.call('review:record', reviewArgs(app.detail(), { reviewDate: '2027-01-12', nextReviewDate: '2027-02-07', goalRatings: moving, explicitDiscussion: invisible }));
      expect(result).toMatchObject({
        ok: false,
        error: { fields: [{ path: 'explicitDiscussion', message: 'The target date 10/01/2027 has passed: record what was agreed, per the contingency' }] },
      });
    }
    expect(tableCounts(app.services.db)).toEqual(before);
    expect(app.ok('caseload:list', {}).rows[0]!.flags.map((f) => f.label)).toContain('Past target date');
  });
});

describe('the CSV import checks text with the same building block', () => {
  it('reports a row whose name is invisible, or hides an escape, by line; nothing is imported', () => {
    const app = startApp('2026-11-22');
    app.ok('profile:setup', { name: 'Sam Taylor', role: 'clinician', teamName: 'CAMHS North' });
    const header = 'Case ref,Name,Date of birth,Referral date,Open date,Lead clinician\r\n';
    const rows = [
      'RIO-1,Jo Bloggs,14/05/2012,01/10/2026,20/10/2026,Sam Taylor',
      'RIO-2,\u200B,14/05/2012,01/10/2026,20/10/2026,Sam Taylor',
      'RIO-3,\u2800\u2800,14/05/2012,01/10/2026,20/10/2026,Sam Taylor',
      'RIO-4,Jo\u001b[2J,14/05/2012,01/10/2026,20/10/2026,Sam Taylor',
      'RIO-5,Zoe\u0308 Ashdown,14/05/2012,01/10/2026,20/10/2026,\u200B',
    ];
    const args = { fileName: 'caseload.csv', contentBase64: toBase64(header + rows.map((r) => `${r}\r\n`).join('')) };
    const before = tableCounts(app.services.db);
    const preview = app.ok('import:preview', args);
    expect(preview.badRows).toEqual([
      { line: 3, caseRef: 'RIO-2', reasons: ["Name: Enter the young person's name"] },
      { line: 4, caseRef: 'RIO-3', reasons: ["Name: Enter the young person's name"] },
      { line: 5, caseRef: 'RIO-4', reasons: ['Name "Jo\\u001b[2J" must not contain control or direction-override characters'] },
      { line: 6, caseRef: 'RIO-5', reasons: ["Lead clinician: Enter the clinician's name"] },
    ]);
    expect(app.call('import:commit', args)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(tableCounts(app.services.db)).toEqual(before);
  });
});
