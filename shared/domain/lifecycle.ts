/**
 * Reviews and endings (docs/product.md#the-lifecycle-of-a-case): the fixed lists a clinician chooses from.
 * Codes are stored; labels are shown.
 */

/** What was decided at a review. */
export const REVIEW_DECISIONS = ['continue', 'revise_plan', 'move_to_ending', 'change_grouping'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  continue: 'Continue with the plan',
  revise_plan: 'Revise the plan',
  move_to_ending: 'Move to ending',
  change_grouping: 'Change grouping',
};

/** Progress on an ending criterion at a review. */
export const CRITERION_PROGRESS = ['met', 'partly', 'not_yet'] as const;
export type CriterionProgress = (typeof CRITERION_PROGRESS)[number];
export const CRITERION_PROGRESS_LABELS: Record<CriterionProgress, string> = {
  met: 'Met',
  partly: 'Partly met',
  not_yet: 'Not yet',
};

/** An ending criterion's final status when the case closes. */
export const CRITERION_FINAL_STATUS = ['met', 'partly', 'not_met'] as const;
export type CriterionFinalStatus = (typeof CRITERION_FINAL_STATUS)[number];
export const CRITERION_FINAL_STATUS_LABELS: Record<CriterionFinalStatus, string> = {
  met: 'Met',
  partly: 'Partly met',
  not_met: 'Not met',
};

/**
 * Why a case ended. Our own list (docs/product.md#end): the MHSDS referral closure reason labels could not be
 * verified (docs/domain.md#uk-codes-and-identifiers), so the MHSDS code is a separate optional field the clinician enters.
 */
export const ENDING_REASONS = [
  'criteria_met',
  'enough_help',
  'contingency_applied',
  'chose_to_end',
  'did_not_engage',
  'moved_away',
  'transferred',
  'other',
] as const;
export type EndingReason = (typeof ENDING_REASONS)[number];
export const ENDING_REASON_LABELS: Record<EndingReason, string> = {
  criteria_met: 'Ending criteria met',
  enough_help: 'Enough help agreed, though not all criteria met',
  contingency_applied: 'Contingency applied: moved to other support',
  chose_to_end: 'Young person or family chose to end',
  did_not_engage: 'Did not engage',
  moved_away: 'Moved away',
  transferred: 'Transferred to another service',
  other: 'Other',
};

/** Form drafts autosaved while typing. A draft is never a record: nothing reads it but its form. */
export const DRAFT_KINDS = ['open_case', 'current_view', 'plan', 'plan_revision', 'review', 'ending', 'reopen'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];
