import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_ITEMS } from '../../domain/current-view';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { validateWith } from '../validate';
import { OpenCaseArgs, openCaseRules, type OpenCaseInput } from './cases';
import { RecordOpeningCurrentViewArgs, currentViewRules } from './current-view';
import { SavePlanArgs, planRules, type PlanRuleContext, type SavePlanInput } from './plan';

const ID = '0190f3a0-0000-7000-8000-000000000001';
const today = '2026-11-22';

const openCase: OpenCaseInput = {
  caseRef: 'CAMHS-0042',
  name: 'Sam Example',
  dateOfBirth: '2012-05-04',
  nhsNumber: '943 476 5919',
  referralDate: '2026-10-01',
  openDate: '2026-10-20',
  leadClinicianId: ID,
  coordinatingAgency: 'CAMHS',
};

function openCaseFields(patch: Partial<OpenCaseInput>) {
  const r = validateWith(OpenCaseArgs, { ...openCase, ...patch }, openCaseRules, { today });
  return r.ok ? [] : r.fields;
}

describe('open case', () => {
  it('accepts a complete case and normalises the NHS number', () => {
    const r = validateWith(OpenCaseArgs, openCase, openCaseRules, { today });
    expect(r.ok && r.value.nhsNumber).toBe('9434765919');
  });

  it('treats a blank NHS number as not known', () => {
    const r = validateWith(OpenCaseArgs, { ...openCase, nhsNumber: '  ' }, openCaseRules, { today });
    expect(r.ok && r.value.nhsNumber).toBeNull();
  });

  it.each<[Partial<OpenCaseInput>, string, string]>([
    [{ caseRef: '' }, 'caseRef', 'Enter the case reference'],
    [{ name: '   ' }, 'name', "Enter the young person's name"],
    [{ nhsNumber: '943 476 5910' }, 'nhsNumber', 'check digit'],
    [{ nhsNumber: '94347659' }, 'nhsNumber', '10 digits'],
    [{ nhsNumber: '94347659AB' }, 'nhsNumber', 'only numbers'],
    [{ dateOfBirth: '2026-11-23' }, 'dateOfBirth', 'today or in the past'],
    [{ dateOfBirth: '2000-01-01' }, 'dateOfBirth', '25 or under'],
    [{ openDate: '2026-09-30' }, 'openDate', 'on or after the referral date'],
    [{ openDate: '2026-11-23' }, 'openDate', 'today or in the past'],
    [{ referralDate: '2026-02-30' }, 'referralDate', 'real date'],
    [{ leadClinicianId: '' }, 'leadClinicianId', 'Choose the lead clinician'],
  ])('%j → %s: %s', (patch, path, message) => {
    const fields = openCaseFields(patch);
    expect(fields.map((f) => f.path)).toContain(path);
    expect(fields.find((f) => f.path === path)?.message).toContain(message);
  });

  it('allows a young person who is exactly 25 on the open date', () => {
    expect(openCaseFields({ dateOfBirth: '2001-10-20' })).toEqual([]);
    expect(openCaseFields({ dateOfBirth: '2000-10-19' }).map((f) => f.path)).toEqual(['dateOfBirth']);
  });
});

describe('Current View at open', () => {
  const ratings = Object.fromEntries(CURRENT_VIEW_ITEMS.map((i) => [i.code, i.scale === 'severity' ? 0 : 'no']));
  const cv = { caseId: ID, completedDate: '2026-10-20', reason: 'first_contact', grouping: 'getting_help', ratings };

  it('has all 50 items, every one required', () => {
    expect(CURRENT_VIEW_ITEMS).toHaveLength(50);
    expect(validateWith(RecordOpeningCurrentViewArgs, cv).ok).toBe(true);
    const { p5: _omit, ...missing } = ratings;
    const r = validateWith(RecordOpeningCurrentViewArgs, { ...cv, ratings: missing });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fields).toEqual([
        { path: 'ratings.p5', message: 'Rate "Panics" (problem 5): choose None, Mild, Moderate, Severe or Not known' },
      ]);
    }
  });

  it('keeps Not known distinct from None and rejects other values', () => {
    expect(validateWith(RecordOpeningCurrentViewArgs, { ...cv, ratings: { ...ratings, p1: 'not_known' } }).ok).toBe(true);
    expect(validateWith(RecordOpeningCurrentViewArgs, { ...cv, ratings: { ...ratings, p1: 4 } }).ok).toBe(false);
    expect(validateWith(RecordOpeningCurrentViewArgs, { ...cv, ratings: { ...ratings, cf1: 2 } }).ok).toBe(false);
  });

  it('needs a grouping, and a case is not opened as Thriving', () => {
    const r = validateWith(RecordOpeningCurrentViewArgs, { ...cv, grouping: undefined });
    expect(!r.ok && r.fields[0]?.path).toBe('grouping');
    const thriving = validateWith(RecordOpeningCurrentViewArgs, { ...cv, grouping: 'thriving' }, currentViewRules, {
      today,
      openDate: '2026-10-20',
      context: 'open' as const,
    });
    expect(!thriving.ok && thriving.fields[0]?.path).toBe('grouping');
  });
});

describe('THRIVE plan', () => {
  const plan: SavePlanInput = {
    caseId: ID,
    agreedDate: '2026-10-27',
    goals: [{ description: 'To be able to go to school most days', firstRating: 2 }],
    agreedOutcome: 'Sam goes to school four days a week and sleeps better',
    endingCriteria: ['Attending school at least four days a week for a month'],
    likelihood: 'likely',
    targetDate: '2027-03-31',
    contingency: 'Review with school and consider Getting More Help',
    reviewDate: '2026-12-08',
    sdm: { participants: ['young_person', 'parent_carer'], optionsConsidered: 'CBT; guided self-help' },
  };
  const ctx: PlanRuleContext = { today, openDate: '2026-10-20', grouping: 'getting_help', settings: DEFAULT_SETTINGS };
  const fields = (patch: Partial<SavePlanInput>, c: Partial<PlanRuleContext> = {}) => {
    const r = validateWith(SavePlanArgs, { ...plan, ...patch }, planRules, { ...ctx, ...c });
    return r.ok ? [] : r.fields.map((f) => f.path);
  };

  it('accepts a complete plan', () => expect(fields({})).toEqual([]));

  it.each<[Partial<SavePlanInput>, string]>([
    [{ goals: [] }, 'goals'],
    [{ goals: Array.from({ length: 4 }, () => ({ description: 'a goal', firstRating: 3 })) }, 'goals'],
    [{ goals: [{ description: 'x', firstRating: 11 }] }, 'goals.0.firstRating'],
    [{ goals: [{ description: 'x', firstRating: -1 }] }, 'goals.0.firstRating'],
    [{ goals: [{ description: 'x', firstRating: 4.5 }] }, 'goals.0.firstRating'],
    [{ goals: [{ description: ' ', firstRating: 4 }] }, 'goals.0.description'],
    [{ endingCriteria: [] }, 'endingCriteria'],
    [{ contingency: '' }, 'contingency'],
    [{ reviewDate: '2026-10-19' }, 'reviewDate'],
    [{ reviewDate: '2026-10-27' }, 'reviewDate'],
    [{ targetDate: '2026-10-27' }, 'targetDate'],
    [{ agreedDate: '2026-10-19' }, 'agreedDate'],
    [{ sdm: { participants: [], optionsConsidered: 'x' } }, 'sdm.participants'],
    [{ sdm: { participants: ['other'], optionsConsidered: 'x' } }, 'sdm.otherParticipants'],
    [{ sdm: { participants: ['young_person'], optionsConsidered: 'x', collaborate: { understand: 10, listen: 9, include: 9 } } }, 'sdm.collaborate.understand'],
  ])('%j → %s', (patch, path) => {
    expect(fields(patch)).toContain(path);
  });

  it('lets Getting Advice have no goals and no contingency, but still needs ending criteria', () => {
    expect(fields({ goals: [], contingency: null }, { grouping: 'getting_advice' })).toEqual([]);
    expect(fields({ endingCriteria: [] }, { grouping: 'getting_advice' })).toContain('endingCriteria');
  });

  it('requires a risk-support summary and a review within the maximum for Getting Risk Support', () => {
    const risk = { grouping: 'getting_risk_support' as const };
    expect(fields({}, risk)).toEqual(['riskSupportSummary', 'reviewDate']);
    expect(fields({ riskSupportSummary: 'Safety plan shared with school', reviewDate: '2026-11-24' }, risk)).toEqual([]);
    expect(fields({ riskSupportSummary: 'Safety plan', reviewDate: '2026-11-25' }, risk)).toEqual(['reviewDate']);
  });
});

describe('every problem at once', () => {
  it('reports cross-field rules alongside shape errors, so nothing is found only on a second submit', () => {
    const r = validateWith(
      OpenCaseArgs,
      { ...openCase, caseRef: '', openDate: '2026-09-30' },
      openCaseRules,
      { today },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fields.map((f) => f.path).sort()).toEqual(['caseRef', 'openDate']);
  });

  it('does not repeat a field the shape check already reported', () => {
    const r = validateWith(OpenCaseArgs, { ...openCase, dateOfBirth: 'soon' }, openCaseRules, { today });
    expect(!r.ok && r.fields).toEqual([
      { path: 'dateOfBirth', message: 'Enter a real date as dd/mm/yyyy, for example 15/03/2026' },
    ]);
  });

  it('shows a missing contingency together with a bad rating in the plan', () => {
    const r = validateWith(
      SavePlanArgs,
      {
        caseId: ID,
        agreedDate: '2026-10-27',
        goals: [{ description: 'sleep better', firstRating: 12 }],
        agreedOutcome: 'Sleeping through most nights',
        endingCriteria: ['Sleeping 8 hours most nights for a month'],
        likelihood: 'possible',
        targetDate: '2027-02-01',
        contingency: '',
        reviewDate: '2026-12-08',
        sdm: { participants: ['young_person'], optionsConsidered: 'Sleep hygiene work' },
      },
      planRules,
      { today, openDate: '2026-10-20', grouping: 'getting_help', settings: DEFAULT_SETTINGS },
    );
    expect(!r.ok && r.fields.map((f) => f.path).sort()).toEqual(['contingency', 'goals.0.firstRating']);
  });
});
