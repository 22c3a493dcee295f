import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('writes counts the UK way', () => {
    expect(plural(1, 'open case', 'open cases')).toBe('1 open case');
    expect(plural(0, 'open case', 'open cases')).toBe('0 open cases');
    expect(plural(5000, 'open case', 'open cases')).toBe('5,000 open cases');
  });
});
