import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  addMonthsTo,
  addWeeksTo,
  ageOn,
  daysBetween,
  formatUkDate,
  formatUkDateTime,
  isIsoDate,
  londonDateOf,
  parseUkDate,
  weeksBetween,
} from './dates';

describe('calendar dates (run with TZ=Europe/London)', () => {
  it('runs in the England time zone so clock-change cases are real', () => {
    expect(process.env.TZ).toBe('Europe/London');
  });

  it.each([
    ['2026-02-29', false], // 2026 is not a leap year
    ['2028-02-29', true],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['26-01-01', false],
    ['2026-1-01', false],
  ])('isIsoDate(%s) is %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it.each([
    ['15/03/2026', '2026-03-15'],
    ['5/3/2026', '2026-03-05'],
    ['05-03-2026', '2026-03-05'],
    ['05.03.2026', '2026-03-05'],
    [' 29/02/2028 ', '2028-02-29'],
    ['29/02/2027', null],
    ['31/04/2026', null],
    ['03/15/2026', null], // US order is not a UK date
    ['15/03/26', null], // two-digit years are ambiguous
    ['2026-03-15', null],
    ['', null],
  ])('parseUkDate(%j) → %j', (input, expected) => {
    expect(parseUkDate(input)).toBe(expected);
  });

  it('formats for UK display and back', () => {
    expect(formatUkDate('2026-03-05')).toBe('05/03/2026');
    expect(formatUkDate(null)).toBe('');
    expect(parseUkDate(formatUkDate('2027-10-31'))).toBe('2027-10-31');
  });

  it.each([
    // month ends
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-01-31', 29, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    // the clock changes: last Sunday of March (29/03/2026) and October (25/10/2026)
    ['2026-03-28', 1, '2026-03-29'],
    ['2026-03-29', 1, '2026-03-30'],
    ['2026-10-24', 1, '2026-10-25'],
    ['2026-10-25', 1, '2026-10-26'],
    ['2026-03-01', 42, '2026-04-12'],
  ])('addDaysTo(%s, %i) = %s', (from, n, to) => {
    expect(addDaysTo(from, n)).toBe(to);
    expect(daysBetween(from, to)).toBe(n);
  });

  it('adds weeks across both clock changes without drifting a day', () => {
    expect(addWeeksTo('2026-03-22', 1)).toBe('2026-03-29');
    expect(addWeeksTo('2026-03-22', 6)).toBe('2026-05-03');
    expect(addWeeksTo('2026-10-18', 1)).toBe('2026-10-25');
    expect(addWeeksTo('2026-10-18', 6)).toBe('2026-11-29');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it('goes back twelve calendar months (the team view period), keeping to real days', () => {
    expect(addMonthsTo('2026-11-22', -12)).toBe('2025-11-22');
    expect(addMonthsTo('2028-02-29', -12)).toBe('2027-02-28');
    expect(addMonthsTo('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsTo('2026-10-25', 1)).toBe('2026-11-25');
  });

  it('counts completed weeks', () => {
    expect(weeksBetween('2026-01-01', '2026-01-07')).toBe(0);
    expect(weeksBetween('2026-01-01', '2026-01-08')).toBe(1);
    expect(weeksBetween('2026-03-22', '2026-03-29')).toBe(1); // a 167-hour week
    expect(weeksBetween('2026-10-18', '2026-10-25')).toBe(1); // a 169-hour week
  });

  it('computes age in completed years, including a 29 February birthday', () => {
    expect(ageOn('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageOn('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('knows the calendar day in England at an instant, across BST', () => {
    expect(londonDateOf('2026-06-30T23:30:00Z')).toBe('2026-07-01'); // BST: already tomorrow
    expect(londonDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31'); // GMT
    expect(londonDateOf('2026-03-29T00:30:00Z')).toBe('2026-03-29');
    expect(londonDateOf('2026-10-24T23:30:00Z')).toBe('2026-10-25'); // still BST that night
    expect(londonDateOf('2026-10-25T23:30:00Z')).toBe('2026-10-25'); // GMT again
  });

  it('shows audit times in UK local time', () => {
    expect(formatUkDateTime('2026-07-01T13:05:00Z')).toBe('01/07/2026 14:05');
    expect(formatUkDateTime('2026-01-01T13:05:00Z')).toBe('01/01/2026 13:05');
  });
});
