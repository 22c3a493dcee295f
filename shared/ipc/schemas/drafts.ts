import { z } from 'zod';
import { DRAFT_KINDS } from '../../domain/lifecycle';
import { Id } from './common';

/** Drafts are bounded so a runaway form cannot fill the database. */
export const MAX_DRAFT_BYTES = 256 * 1024;

const DraftKey = {
  kind: z.enum(DRAFT_KINDS, { error: 'Unknown kind of draft' }),
  /** Null for a form that has no case yet ("open a case"). */
  caseId: Id.nullable(),
};

export const DraftSaveArgs = z.strictObject({
  ...DraftKey,
  payload: z
    .json()
    .refine((v) => JSON.stringify(v).length <= MAX_DRAFT_BYTES, `A draft must be smaller than ${MAX_DRAFT_BYTES / 1024} KB`),
});
export const DraftKeyArgs = z.strictObject(DraftKey);
