import { z } from 'zod';
import { ageOn, type IsoDate } from '../../dates';
import type { FieldError } from '../result';
import { present } from '../validate';
import { Id, isoDate, OptionalNhsNumber, text } from './common';

export const MAX_AGE_YEARS = 25;

export const OpenCaseArgs = z.strictObject({
  caseRef: text('Enter the case reference', 40, { label: 'Case reference', tooLong: 'Case reference must be 40 characters or fewer' }).regex(
    /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/,
    'Case reference can only contain letters, numbers, and - / _ .',
  ),
  name: text("Enter the young person's name", 200, { label: 'Name' }),
  dateOfBirth: isoDate('Enter the date of birth'),
  nhsNumber: OptionalNhsNumber,
  referralDate: isoDate('Enter the referral date'),
  openDate: isoDate('Enter the date the case was opened'),
  leadClinicianId: z
    .string({ error: 'Choose the lead clinician' })
    .min(1, 'Choose the lead clinician')
    .pipe(Id),
  coordinatingAgency: text('Enter the coordinating agency', 120, { label: 'Coordinating agency' }),
});
export type OpenCaseInput = z.input<typeof OpenCaseArgs>;
export type OpenCaseValue = z.output<typeof OpenCaseArgs>;

/** Date rules that need today's date; run in the form and again in main. */
export function openCaseRules(v: OpenCaseValue, ctx: { today: IsoDate }): FieldError[] {
  const f: FieldError[] = [];
  const { dateOfBirth: dob, referralDate: referral, openDate: open } = v;
  if (present(dob) && dob > ctx.today) f.push({ path: 'dateOfBirth', message: 'Date of birth must be today or in the past' });
  else if (present(dob) && ageOn(dob, present(open) && open <= ctx.today ? open : ctx.today) > MAX_AGE_YEARS)
    f.push({ path: 'dateOfBirth', message: `The young person must be ${MAX_AGE_YEARS} or under when the case opens` });
  if (present(referral) && referral > ctx.today)
    f.push({ path: 'referralDate', message: 'Referral date must be today or in the past' });
  else if (present(referral, dob) && referral < dob)
    f.push({ path: 'referralDate', message: 'Referral date must be on or after the date of birth' });
  if (present(open) && open > ctx.today) f.push({ path: 'openDate', message: 'Open date must be today or in the past' });
  else if (present(open, referral) && open < referral)
    f.push({ path: 'openDate', message: 'Open date must be on or after the referral date' });
  return f;
}

export const CaseIdArgs = z.strictObject({ caseId: Id });

export const CaseListArgs = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).optional(),
  clinicianId: Id.optional(),
});

export const CaseloadArgs = z.strictObject({
  /** Defaults to the signed-in clinician. */
  clinicianId: Id.optional(),
});
