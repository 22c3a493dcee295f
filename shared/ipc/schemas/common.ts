import { z } from 'zod';
import { isIsoDate } from '../../dates';
import { checkNhsNumber, normaliseNhsNumber } from '../../domain/nhs-number';
import { hasVisibleContent, hostileCharacter, normaliseText } from '../../text';

/** Record ids are UUIDv7 (time-ordered, random) so records can later be merged across machines. */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a valid record id');

/** A calendar date `YYYY-MM-DD`. The renderer converts dd/mm/yyyy before validating. */
export function isoDate(required: string) {
  return z
    .string({ error: (issue) => (issue.input == null ? required : 'Give the date as text, such as "2026-03-15"') })
    .min(1, required)
    .refine(isIsoDate, 'Enter a real date as dd/mm/yyyy, for example 15/03/2026');
}

export interface TextOptions {
  /** How the field is named in a message, e.g. "Name" → "Name must be text, not a number". */
  label: string;
  /** A paragraph (a textarea): newlines and tabs allowed. Default: one line. */
  multiline?: boolean;
  tooLong?: string;
}

/** A value of the wrong type ({"caseRef":123}) is a different mistake from a missing one. */
function wrongType(label: string, input: unknown): string {
  const what = Array.isArray(input) ? 'a list' : input === null ? 'empty' : typeof input === 'object' ? 'an object' : `a ${typeof input}`;
  return `${label} must be text, not ${what}`;
}

/**
 * The one building block of every free-text field: stored normalised (NFC, no invisible characters at
 * the ends: shared/text.ts), refusing control and direction-override characters, and, when required,
 * refusing text that shows nothing (a zero-width space or a Braille blank is not a name).
 */
function textField(opts: TextOptions, required: string | null) {
  return z
    .string({ error: (issue) => (required !== null && issue.input == null ? required : wrongType(opts.label, issue.input)) })
    .overwrite(normaliseText)
    .superRefine((value, ctx) => {
      const hostile = hostileCharacter(value, opts.multiline === true);
      if (hostile !== null) {
        const message = hostile === '\n' ? `${opts.label} must be on one line` : `${opts.label} must not contain control or direction-override characters`;
        ctx.addIssue({ code: 'custom', message });
      } else if (required !== null && !hasVisibleContent(value)) {
        ctx.addIssue({ code: 'custom', message: required });
      }
    });
}

export function text(required: string, max: number, opts: TextOptions) {
  return textField(opts, required).max(max, opts.tooLong ?? `Use ${max} characters or fewer`);
}

/** Blank, white space or only invisible characters are "not given" (null). */
export function optionalText(max: number, opts: TextOptions) {
  return textField(opts, null)
    .max(max, opts.tooLong ?? `Use ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v && hasVisibleContent(v) ? v : null));
}

/** Optional NHS number: blank means "not known"; anything typed must pass Modulus 11. */
export const OptionalNhsNumber = z
  .string()
  .nullish()
  .superRefine((value, ctx) => {
    if (!value || normaliseNhsNumber(value) === '') return;
    const result = checkNhsNumber(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  })
  .transform((value) => (value && normaliseNhsNumber(value) !== '' ? normaliseNhsNumber(value) : null));

export const Empty = z.strictObject({});
