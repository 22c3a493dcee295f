import { describe, expect, it } from 'vitest';
import { checkNhsNumber, formatNhsNumber, nhsCheckDigit } from './nhs-number';

describe('NHS number (Modulus 11)', () => {
  it.each(['9434765919', '943 476 5919', '943-476-5919', '4010232137', '9990000018'])('accepts %s', (n) => {
    const r = checkNhsNumber(n);
    expect(r.ok).toBe(true);
  });

  it.each([
    ['9434765910', 'check_digit'],
    ['943476591', 'length'],
    ['94347659190', 'length'],
    ['943476591A', 'non_digit'],
    ['', 'length'],
  ])('rejects %s (%s)', (n, problem) => {
    const r = checkNhsNumber(n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toBe(problem);
  });

  it('rejects a number whose stem gives a check value of 10 (no valid number exists)', () => {
    // 1000000010: sum = 1*10 + 1*2 = 12... find a stem with remainder 1 → check 10
    let stem = '';
    for (let i = 0; i < 1000 && !stem; i++) {
      const s = String(100000000 + i);
      if (nhsCheckDigit(s) === null) stem = s;
    }
    expect(stem).not.toBe('');
    for (let d = 0; d <= 9; d++) expect(checkNhsNumber(stem + d).ok).toBe(false);
  });

  it('normalises and shows 3-3-4', () => {
    const r = checkNhsNumber(' 943 476 5919 ');
    expect(r).toEqual({ ok: true, value: '9434765919' });
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber(null)).toBe('');
  });
});
