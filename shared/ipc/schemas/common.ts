import { z } from 'zod';
import { isIsoDate } from '../../dates';
import { checkNhsNumber, normaliseNhsNumber } from '../../domain/nhs-number';

/** Record ids are UUIDv7 (time-ordered, random) so records can later be merged across machines. */
export const Id = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not a valid record id');

/** A calendar date `YYYY-MM-DD`. The renderer converts dd/mm/yyyy before validating. */
export function isoDate(required: string) {
  return z
    .string({ error: required })
    .min(1, required)
    .refine(isIsoDate, 'Enter a real date as dd/mm/yyyy, for example 15/03/2026');
}

export function text(required: string, max: number, tooLong?: string) {
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .max(max, tooLong ?? `Use ${max} characters or fewer`);
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));
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
