/**
 * App lock, key recovery and backups (docs/quality.md#app-lock, docs/backups.md). Passphrases never leave main except as typed into
 * these calls; main derives keys from them and keeps nothing but the unwrapped data key while unlocked.
 */
import { z } from 'zod';

/** NCSC advice: length over complexity (three random words). 12 characters is about three short words. */
export const MIN_PASSPHRASE_LENGTH = 12;

const passphrase = z
  .string({ error: 'Enter a passphrase' })
  .min(1, 'Enter a passphrase')
  .min(MIN_PASSPHRASE_LENGTH, `Use at least ${MIN_PASSPHRASE_LENGTH} characters: three random words are easy to remember and hard to guess`)
  .max(200, 'Use 200 characters or fewer');

/** A passphrase being typed to unlock: any length (a wrong one is refused by the key check, not here). */
const enteredPassphrase = z.string({ error: 'Enter your passphrase' }).min(1, 'Enter your passphrase').max(200, 'Use 200 characters or fewer');

function confirmed<T extends z.ZodRawShape>(shape: T, field: 'passphrase' | 'newPassphrase') {
  return z.strictObject(shape).superRefine((v, ctx) => {
    const value = v as Record<string, unknown>;
    if (typeof value[field] === 'string' && typeof value.confirmPassphrase === 'string' && value[field] !== value.confirmPassphrase)
      ctx.addIssue({ code: 'custom', path: ['confirmPassphrase'], message: 'The passphrases do not match' });
  });
}

/** First run (or the first run after upgrading from a plain key file): set the app-lock passphrase. */
export const LockSetupArgs = confirmed({ passphrase, confirmPassphrase: z.string({ error: 'Enter the passphrase again' }).min(1, 'Enter the passphrase again') }, 'passphrase');

export const UnlockArgs = z.strictObject({ passphrase: enteredPassphrase });

export const ChangePassphraseArgs = confirmed(
  {
    currentPassphrase: enteredPassphrase,
    newPassphrase: passphrase,
    confirmPassphrase: z.string({ error: 'Enter the new passphrase again' }).min(1, 'Enter the new passphrase again'),
  },
  'newPassphrase',
);

/**
 * Recovery codes are 6 groups of 5 characters from Crockford's base32 (no I, L, O, U), about 150 bits:
 * typed with or without the hyphens or spaces, in any case.
 */
export const RECOVERY_CODE_RE = /^[0-9A-HJKMNP-TV-Z]{30}$/;
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const RecoverArgs = confirmed(
  {
    recoveryCode: z
      .string({ error: 'Enter the recovery code' })
      .min(1, 'Enter the recovery code')
      .max(80, 'A recovery code is 30 characters')
      .refine((c) => RECOVERY_CODE_RE.test(normaliseRecoveryCode(c)), 'A recovery code is 6 groups of 5 letters and numbers, like 7F3K9-…'),
    newPassphrase: passphrase,
    confirmPassphrase: z.string({ error: 'Enter the new passphrase again' }).min(1, 'Enter the new passphrase again'),
  },
  'newPassphrase',
);
