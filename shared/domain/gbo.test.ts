import { describe, expect, it } from 'vitest';
import { classifyGboChange, isGboRating } from './gbo';
import { groupingFromText, GROUPING_LABELS } from './groupings';

describe('GBO change (threshold 3, NHS England CYP metric)', () => {
  it.each([
    [2, 5, 'improved'],
    [2, 4, 'no_reliable_change'],
    [5, 5, 'no_reliable_change'],
    [6, 4, 'no_reliable_change'],
    [6, 3, 'deteriorated'],
    [0, 10, 'improved'],
  ])('%i → %i is %s', (first, latest, expected) => {
    expect(classifyGboChange(first, latest)).toBe(expected);
  });

  it('accepts whole numbers 0 to 10 only', () => {
    expect([0, 10, 5].every(isGboRating)).toBe(true);
    expect([-1, 11, 4.5, Number.NaN].some(isGboRating)).toBe(false);
  });
});

describe('THRIVE groupings', () => {
  it('maps display variants to one code', () => {
    expect(groupingFromText('Coping')).toBe('getting_advice');
    expect(groupingFromText('Getting Advice')).toBe('getting_advice');
    expect(groupingFromText('getting_risk_support')).toBe('getting_risk_support');
    expect(groupingFromText('GETTING MORE HELP')).toBe('getting_more_help');
    expect(groupingFromText('Tier 3')).toBeNull();
    expect(GROUPING_LABELS.getting_advice).toBe('Getting Advice and Signposting');
  });
});
