/**
 * NHS number (docs/domain.md#nhs-number): 10 digits, shown 3-3-4, check digit by Modulus 11.
 * Optional on a case, but when given it must pass.
 */
export type NhsNumberProblem = 'length' | 'non_digit' | 'check_digit';

export type NhsNumberResult = { ok: true; value: string } | { ok: false; problem: NhsNumberProblem; message: string };

const MESSAGES: Record<NhsNumberProblem, string> = {
  non_digit: 'NHS number must contain only numbers',
  length: 'NHS number must be 10 digits',
  check_digit: 'NHS number is not valid: check the digits (the check digit does not match)',
};

/** Strips the spaces and hyphens people type in "943 476 5919" or "943-476-5919". */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

export function nhsCheckDigit(firstNine: string): number | null {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null; // no valid NHS number has this stem
  return check;
}

export function checkNhsNumber(input: string): NhsNumberResult {
  const digits = normaliseNhsNumber(input);
  const fail = (problem: NhsNumberProblem): NhsNumberResult => ({ ok: false, problem, message: MESSAGES[problem] });
  if (!/^\d*$/.test(digits)) return fail('non_digit');
  if (digits.length !== 10) return fail('length');
  const check = nhsCheckDigit(digits.slice(0, 9));
  if (check === null || check !== Number(digits[9])) return fail('check_digit');
  return { ok: true, value: digits };
}

/** "9434765919" → "943 476 5919"; anything not 10 digits is returned as typed. */
export function formatNhsNumber(value: string | null | undefined): string {
  if (!value) return '';
  const d = normaliseNhsNumber(value);
  return /^\d{10}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}` : value;
}
