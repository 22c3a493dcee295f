/**
 * Joining a team (docs/team-mode.md "Joining"): the cases made on this computer before it joined are
 * reviewed, never sent silently. `sync:joinPreview` lists them, each with the case on the team server
 * it may be the same young person as; `sync:join` carries the person's decision for each.
 */
import { z } from 'zod';
import { Id } from './common';

export const joinChoices = ['upload', 'keep_server'] as const;
export type JoinChoice = (typeof joinChoices)[number];

export const SyncJoinArgs = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        caseId: Id,
        choice: z.enum(joinChoices, { error: 'Choose to upload the case or to keep the team server’s record' }),
      }),
      { error: 'Choose what to do with each case' },
    )
    .min(1, 'Choose what to do with at least one case')
    .max(2000, 'Join at most 2,000 cases at a time'),
});

export const joinMatchSchema = z.object({
  serverCaseId: z.string(),
  caseRef: z.string(),
  youngPersonName: z.string(),
  /** What the two have in common. */
  by: z.enum(['nhs_number', 'case_ref']),
});

export const joinCandidateSchema = z.object({
  caseId: z.string(),
  caseRef: z.string(),
  episodeNo: z.number().int(),
  youngPersonName: z.string(),
  status: z.enum(['open', 'closed']),
  /** A case on the team server that may be the same young person: offered for matching, not duplicated. */
  match: joinMatchSchema.nullable(),
  /** What the person may choose for this case. */
  choices: z.array(z.enum(joinChoices)),
});

export const joinPreviewSchema = z.object({
  /** False until signed in and the server's cases have been fetched once: matching needs them. */
  ready: z.boolean(),
  /** The team the cases would join (the signed-in person's team on the server). */
  teamName: z.string().nullable(),
  message: z.string().nullable(),
  cases: z.array(joinCandidateSchema),
  /**
   * Cases on the team server held back because a record here that is not offered for joining (a demo
   * case, another team's case) has their NHS number or reference: said, so no case goes missing unseen.
   */
  unplaced: z.array(z.object({ caseRef: z.string(), youngPersonName: z.string() })),
});

export type JoinMatch = z.infer<typeof joinMatchSchema>;
export type JoinCandidate = z.infer<typeof joinCandidateSchema>;
export type JoinPreview = z.infer<typeof joinPreviewSchema>;
