/**
 * Every "bad input" from the issue: each is refused as a validation error naming the field, and the
 * database is left exactly as it was (every table's row count, including the audit trail).
 */
import { describe, expect, it } from 'vitest';
import type { ArgsOf } from '../../shared/ipc/contract';
import { newId } from '../../main/db/ids';
import { tableCounts } from '../support/temp-db';
import { appWithCase, currentViewArgs, openCaseArgs, planArgs, ratings, type TestApp } from '../support/test-app';

type Setup = TestApp & { caseId: string; profileId: string; caseWithoutCv: string };

function setup(): Setup {
  const app = appWithCase('2026-11-22');
  const second = app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-1002', name: 'Alex Second', nhsNumber: null }));
  return { ...app, profileId: app.profile.id, caseWithoutCv: second.id };
}

const goal = (firstRating: number) => ({ description: 'Feel calmer at school', firstRating });

const badInputs: Array<{ what: string; call: (s: Setup) => unknown; fields: string[]; message?: RegExp }> = [
  {
    what: 'a case with every required field missing',
    call: (s) => s.services.invoke('cases:open', {}),
    fields: ['caseRef', 'name', 'dateOfBirth', 'referralDate', 'openDate', 'leadClinicianId', 'coordinatingAgency'],
  },
  {
    what: 'a case with blank required text',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', name: '   ', nhsNumber: null })),
    fields: ['name'],
    message: /young person's name/,
  },
  {
    what: 'a case reference already in use (in any letter case)',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'rio-1001', nhsNumber: null })),
    fields: ['caseRef'],
    message: /Case reference RIO-1001 is already in use/,
  },
  {
    what: 'an NHS number with the wrong check digit',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: '943 476 5918' })),
    fields: ['nhsNumber'],
    message: /check digit/,
  },
  {
    what: 'an NHS number of the wrong length',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: '943 476 591' })),
    fields: ['nhsNumber'],
    message: /10 digits/,
  },
  {
    what: 'an NHS number with letters',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: '943 476 59AB' })),
    fields: ['nhsNumber'],
    message: /only numbers/,
  },
  {
    what: 'an NHS number already on an open case',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000' })),
    fields: ['nhsNumber'],
    message: /already on open case RIO-1001/,
  },
  {
    what: 'a date of birth in the future',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: null, dateOfBirth: '2027-01-01' })),
    fields: ['dateOfBirth'],
    message: /today or in the past/,
  },
  {
    what: 'a young person over 25',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: null, dateOfBirth: '1999-01-01' })),
    fields: ['dateOfBirth'],
    message: /25 or under/,
  },
  {
    what: 'a case opened before its referral',
    call: (s) =>
      s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: null, referralDate: '2026-10-25', openDate: '2026-10-20' })),
    fields: ['openDate'],
    message: /on or after the referral date/,
  },
  {
    what: 'a date that is not a real day',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: null, openDate: '2026-02-30' })),
    fields: ['openDate'],
  },
  {
    what: 'a lead clinician who does not exist',
    call: (s) => s.services.invoke('cases:open', openCaseArgs(newId(), { caseRef: 'RIO-2000', nhsNumber: null })),
    fields: ['leadClinicianId'],
  },
  {
    what: 'a review date before the open date',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { reviewDate: '2026-10-10' })),
    fields: ['reviewDate'],
    message: /on or after the date the case was opened/,
  },
  {
    what: 'a GBO rating above 10',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { goals: [goal(11)] })),
    fields: ['goals.0.firstRating'],
  },
  {
    what: 'a GBO rating below 0',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { goals: [goal(3), goal(-1)] })),
    fields: ['goals.1.firstRating'],
  },
  {
    what: 'a GBO rating that is not a whole number',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { goals: [goal(2.5)] })),
    fields: ['goals.0.firstRating'],
    message: /whole number/,
  },
  {
    what: 'more than three goals',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { goals: [goal(1), goal(2), goal(3), goal(4)] })),
    fields: ['goals'],
    message: /No more than 3 goals/,
  },
  {
    what: 'a plan without ending criteria',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { endingCriteria: [] })),
    fields: ['endingCriteria'],
    message: /at least one ending criterion/,
  },
  {
    what: 'a Getting Help plan without a contingency',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { contingency: null })),
    fields: ['contingency'],
  },
  {
    what: 'a Getting Help plan without goals',
    call: (s) => s.services.invoke('plan:save', planArgs(s.caseId, { goals: [] })),
    fields: ['goals'],
  },
  {
    what: 'a Current View with an item missing',
    call: (s) => {
      const { p5: _missing, ...rest } = ratings();
      return s.services.invoke('currentView:record', currentViewArgs(s.caseWithoutCv, { ratings: rest }));
    },
    fields: ['ratings.p5'],
    message: /Panics/,
  },
  {
    what: 'a Current View with a rating outside the scale',
    call: (s) =>
      s.services.invoke('currentView:record', currentViewArgs(s.caseWithoutCv, { ratings: { ...ratings(), cf3: 2 } as ArgsOf<'currentView:record'>['ratings'] })),
    fields: ['ratings.cf3'],
  },
  {
    what: 'a case opened as Thriving',
    call: (s) => s.services.invoke('currentView:record', currentViewArgs(s.caseWithoutCv, { grouping: 'thriving' })),
    fields: ['grouping'],
  },
  {
    what: 'settings that would switch a flag off',
    call: (s) => s.services.invoke('settings:update', { dueSoonDays: 0 }),
    fields: ['dueSoonDays'],
  },
  {
    what: 'an argument the channel does not take',
    call: (s) => s.services.invoke('cases:open', { ...openCaseArgs(s.profileId, { caseRef: 'RIO-2000', nhsNumber: null }), admin: true }),
    fields: [''],
  },
];

describe('bad input is refused, naming the field, and nothing is written', () => {
  it.each(badInputs)('$what', ({ call, fields, message }) => {
    const s = setup();
    const before = tableCounts(s.services.db);
    const result = call(s) as { ok: boolean; error?: { code: string; message: string; fields?: Array<{ path: string; message: string }> } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('validation');
    const paths = result.error?.fields?.map((f) => f.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(fields));
    for (const f of result.error?.fields ?? []) expect(f.message.length).toBeGreaterThan(5);
    if (message) expect(result.error?.fields?.map((f) => f.message).join(' | ')).toMatch(message);
    expect(tableCounts(s.services.db)).toEqual(before);
  });
});
