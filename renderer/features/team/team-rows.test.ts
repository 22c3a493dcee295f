import { describe, expect, it } from 'vitest';
import type { TeamCaseRow } from '../../../shared/ipc/types';
import { filterTeamRows, searchIndex } from './team-rows';

function row(over: Partial<TeamCaseRow>): TeamCaseRow {
  return {
    caseId: over.caseRef ?? 'x',
    caseRef: 'RIO-1',
    name: 'Riley Shaw',
    nhsNumber: null,
    dateOfBirth: '2012-05-04',
    grouping: null,
    openDate: '2026-11-02',
    weeksOpen: 10,
    nextReviewDate: null,
    reviewBadge: null,
    targetDate: null,
    leadClinicianId: 'c',
    leadClinicianName: 'Dr Kim',
    planComplete: false,
    goalScores: [],
    flags: [],
    urgencyBand: 7,
    rank: 1,
    lastReviewDate: null,
    ...over,
  };
}

const rows = [
  row({ caseRef: 'RIO-1', name: 'Riley Shaw', nhsNumber: '9434765919', grouping: 'getting_help' }),
  row({ caseRef: 'RIO-2', name: 'Sam Patel', flags: [{ code: 'no_plan', label: 'No plan', severity: 'warning', reason: 'r' }] }),
  row({ caseRef: 'RIO-3', name: 'Jo Okafor', flags: [{ code: 'review_due_soon', label: 'Review due soon', severity: 'info', reason: 'r' }] }),
];
const index = searchIndex(rows);
const names = (f: Partial<Parameters<typeof filterTeamRows>[2]>) =>
  filterTeamRows(index, rows, { search: '', flag: '', grouping: '', ...f }).map((r) => r.name);

describe('team row filters', () => {
  it('returns the very same list when nothing filters, so nothing downstream recomputes', () => {
    expect(filterTeamRows(index, rows, { search: '  ', flag: '', grouping: '' })).toBe(rows);
  });

  it('matches name and case reference in any case, and NHS number digits with spaces or hyphens ignored', () => {
    expect(names({ search: 'PATEL' })).toEqual(['Sam Patel']);
    expect(names({ search: 'rio-3' })).toEqual(['Jo Okafor']);
    expect(names({ search: '943 476 5919' })).toEqual(['Riley Shaw']);
    expect(names({ search: '943-476' })).toEqual(['Riley Shaw']);
    // Name and case reference are searched separately: no match across the two.
    expect(names({ search: 'shawrio' })).toEqual([]);
  });

  it('filters by flag (any that needs action, one flag, none) and by grouping', () => {
    expect(names({ flag: 'needs_action' })).toEqual(['Sam Patel']);
    expect(names({ flag: 'review_due_soon' })).toEqual(['Jo Okafor']);
    expect(names({ flag: 'none' })).toEqual(['Riley Shaw']);
    expect(names({ grouping: 'getting_help' })).toEqual(['Riley Shaw']);
    expect(names({ grouping: 'not_recorded', search: 'okafor' })).toEqual(['Jo Okafor']);
  });
});
