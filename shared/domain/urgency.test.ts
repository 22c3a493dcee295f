import { describe, expect, it } from 'vitest';
import { computeFlags, FLAG_CODES, type FlagInput } from './flags';
import { DEFAULT_SETTINGS } from './settings';
import { compareUrgency, needsAction, sortByUrgency, URGENCY_ORDER, urgencyBand, type UrgencyInput } from './urgency';
import { timeOpenDistribution } from './team-stats';

const today = '2027-03-01';
function row(name: string, input: Partial<FlagInput>): UrgencyInput {
  const full: FlagInput = {
    status: 'open',
    openDate: '2026-12-01',
    grouping: 'getting_help',
    hasCompletePlan: true,
    nextReviewDate: '2027-04-30',
    targetDate: '2027-06-30',
    lastReviewDate: null,
    targetDiscussedOn: null,
    ...input,
  };
  return {
    flags: computeFlags(full, DEFAULT_SETTINGS, today),
    openDate: full.openDate,
    nextReviewDate: full.nextReviewDate,
    targetDate: full.targetDate,
    lastReviewDate: full.lastReviewDate,
    name,
    caseRef: `REF-${name}`,
  };
}

describe('urgency order', () => {
  it('puts Risk Support gaps first, then the most overdue reviews, then past targets, stuck goals, no plan, due soon, the rest', () => {
    const cases = [
      row('Quiet', {}),
      row('DueSoon', { nextReviewDate: '2027-03-04' }),
      row('NoPlan', { hasCompletePlan: false, nextReviewDate: null, targetDate: null, openDate: '2027-01-01' }),
      row('Overdue3', { nextReviewDate: '2027-02-26' }),
      row('Overdue20', { nextReviewDate: '2027-02-09' }),
      row('PastTarget', { targetDate: '2027-02-20' }),
      row('Stuck', { goals: [{ description: 'g', ratings: [{ date: '2026-12-01', score: 3 }, { date: '2027-02-15', score: 4 }] }] }),
      row('Risk', { grouping: 'getting_risk_support', openDate: '2027-01-01', nextReviewDate: '2027-03-20' }),
      row('DueSooner', { nextReviewDate: '2027-03-02' }),
      row('NoDate', { nextReviewDate: null }),
    ];
    expect(sortByUrgency(cases).map((c) => c.name)).toEqual([
      'Risk',
      'Overdue20',
      'Overdue3',
      'PastTarget',
      'Stuck',
      'NoPlan',
      'DueSooner',
      'DueSoon',
      'Quiet',
      'NoDate',
    ]);
  });

  it('places every flag in exactly one band, and cases with no flag in the last', () => {
    expect(URGENCY_ORDER.map((b) => b.flag)).toEqual([...FLAG_CODES, null]);
    expect(urgencyBand([])).toBe(URGENCY_ORDER.length - 1);
  });

  it('puts the most overdue first among cases with the same flag, whatever their names', () => {
    const cases = [row('Amy', { nextReviewDate: '2027-02-26' }), row('Ben', { nextReviewDate: '2027-02-09' }), row('Cal', { nextReviewDate: '2026-12-20' })];
    expect(sortByUrgency(cases).map((c) => c.name)).toEqual(['Cal', 'Ben', 'Amy']);
    expect(compareUrgency(cases[2]!, cases[0]!)).toBeLessThan(0);
  });

  it('places a case by its most urgent flag', () => {
    const both = row('Both', { nextReviewDate: '2027-02-20', hasCompletePlan: false, openDate: '2026-12-01' });
    expect(urgencyBand(both.flags)).toBe(1);
  });

  it('counts due soon as a heads-up, not an action', () => {
    expect(needsAction(row('DueSoon', { nextReviewDate: '2027-03-04' }).flags)).toBe(false);
    expect(needsAction(row('Overdue', { nextReviewDate: '2027-02-04' }).flags)).toBe(true);
  });

  it('is stable: ties go by name then reference', () => {
    const a = row('Amy', { nextReviewDate: '2027-02-26' });
    const b = row('Ben', { nextReviewDate: '2027-02-26' });
    expect(sortByUrgency([b, a]).map((c) => c.name)).toEqual(['Amy', 'Ben']);
    const a2 = { ...a, caseRef: 'REF-2' };
    const a1 = { ...a, caseRef: 'REF-1' };
    expect(sortByUrgency([a2, a1]).map((c) => c.caseRef)).toEqual(['REF-1', 'REF-2']);
  });
});

describe('time open distribution', () => {
  it('buckets by completed weeks at the boundaries', () => {
    const dist = timeOpenDistribution(['2027-02-23', '2027-01-18', '2027-01-19', '2026-09-01', '2026-03-03', '2026-03-02'], today);
    expect(dist.map((b) => [b.label, b.count])).toEqual([
      ['Under 6 weeks', 2], // 6 days; 41 days (5 weeks)
      ['6 to 12 weeks', 1], // 42 days = 6 weeks exactly
      ['12 to 26 weeks', 1],
      ['26 to 52 weeks', 1], // 2026-03-03: 363 days = 51 weeks 6 days
      ['52 weeks or more', 1], // 2026-03-02: 364 days = 52 weeks exactly
    ]);
  });
});
