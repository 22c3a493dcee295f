import { describe, expect, it } from 'vitest';
import { inFormOrder, onePerField, onItemInputs, readUkDate, withMessages } from './form-errors';
import { fieldId } from './field-ids';

describe('readUkDate', () => {
  it('reads dd/mm/yyyy and the forms people type', () => {
    expect(readUkDate('15/03/2026', 'Open date')).toEqual({ value: '2026-03-15', message: null });
    expect(readUkDate('5/3/2026', 'Open date')).toEqual({ value: '2026-03-05', message: null });
    expect(readUkDate(' 05-03-2026 ', 'Open date')).toEqual({ value: '2026-03-05', message: null });
  });

  it('leaves a blank for the schema to report as missing', () => {
    expect(readUkDate('  ', 'Open date')).toEqual({ value: '', message: null });
  });

  it('explains the format, or that the date does not exist', () => {
    expect(readUkDate('March 2026', 'Open date').message).toBe('Enter open date as dd/mm/yyyy, for example 15/03/2026');
    expect(readUkDate('29/02/2027', 'Target date').message).toBe('Target date must be a real date, for example 15/03/2026');
  });
});

describe('error helpers', () => {
  it('puts errors in the order of the fields on screen', () => {
    const fields = [
      { path: 'grouping', message: 'g' },
      { path: 'ratings.p2', message: 'p2' },
      { path: 'completedDate', message: 'd' },
      { path: 'ratings.p1', message: 'p1' },
    ];
    expect(inFormOrder(fields, ['completedDate', 'ratings', 'grouping']).map((f) => f.message)).toEqual(['d', 'p2', 'p1', 'g']);
  });

  it("replaces the schema's message with the form's own", () => {
    expect(withMessages([{ path: 'openDate', message: 'generic' }], { openDate: 'own', other: null })).toEqual([
      { path: 'openDate', message: 'own' },
    ]);
  });

  it('gives every path a valid, distinct element id', () => {
    expect(fieldId('goals.1.firstRating')).toBe('field-goals-1-firstRating');
    expect(fieldId('sdm.participants')).toBe('field-sdm-participants');
    expect(fieldId('ratings.p5')).not.toBe(fieldId('ratings.p50'));
  });
});

describe('onItemInputs', () => {
  it('moves errors about the n-th item sent onto that record\'s input, leaving others alone', () => {
    const fields = [
      { path: 'goalRatings.1.score', message: 'Enter a rating from 0 to 10' },
      { path: 'goalRatings.goal-a', message: 'Rate goal "A" from 0 to 10' },
      { path: 'goalRatings.0.goalId', message: 'This goal is no longer active' },
      { path: 'reviewDate', message: 'Enter the date of the review' },
    ];
    expect(onItemInputs(fields, 'goalRatings', ['b', 'c'], (id) => `goalRatings.goal-${id}`)).toEqual([
      { path: 'goalRatings.goal-c', message: 'Enter a rating from 0 to 10' },
      { path: 'goalRatings.goal-a', message: 'Rate goal "A" from 0 to 10' },
      { path: 'goalRatings.goal-b', message: 'This goal is no longer active' },
      { path: 'reviewDate', message: 'Enter the date of the review' },
    ]);
  });

  it('keeps one message per input', () => {
    expect(
      onePerField([
        { path: 'x', message: 'first' },
        { path: 'x', message: 'second' },
        { path: 'y', message: 'other' },
      ]),
    ).toEqual([
      { path: 'x', message: 'first' },
      { path: 'y', message: 'other' },
    ]);
  });
});
