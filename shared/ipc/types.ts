/** Result types of the IPC contract: what main returns and the renderer shows. JSON-safe only. */
import type { IsoDate } from '../dates';
import type { CurrentViewContext, CurrentViewRatings, CurrentViewReason } from '../domain/current-view';
import type { Flag, FlagCode } from '../domain/flags';
import type { DraftKind, EndingReason } from '../domain/lifecycle';
import type { GroupingCode } from '../domain/groupings';
import type { VersionedSettings } from '../domain/settings';
import type { Role } from './schemas/clinicians';
import type { CloseCaseValue } from './schemas/cases-close-reopen';
import type { PlanFieldsValue } from './schemas/plan';
import type { RecordReviewValue } from './schemas/review';

export interface Team {
  id: string;
  name: string;
}

export interface Clinician {
  id: string;
  name: string;
  role: Role;
  teamId: string;
  teamName: string;
}

export interface AppState {
  /** The person using this app; null on first run. */
  profile: Clinician | null;
  settings: VersionedSettings;
  today: IsoDate;
  /** Cases in the database (any clinician, any status): 0 offers "Load demo caseload". */
  caseCount: number;
}

export interface CaseSummary {
  id: string;
  caseRef: string;
  episodeNo: number;
  youngPersonId: string;
  name: string;
  dateOfBirth: IsoDate;
  nhsNumber: string | null;
  referralDate: IsoDate;
  openDate: IsoDate;
  closedDate: IsoDate | null;
  status: 'open' | 'closed';
  leadClinicianId: string;
  leadClinicianName: string;
  teamId: string;
  coordinatingAgency: string;
  /** Grouping from the latest Current View; null until the opening Current View is recorded. */
  grouping: GroupingCode | null;
  nextReviewDate: IsoDate | null;
  targetDate: IsoDate | null;
  planComplete: boolean;
  /** Bumped on every write to the case; sent back by forms to detect stale saves. */
  version: number;
}

export interface CurrentViewRecord {
  id: string;
  caseId: string;
  context: CurrentViewContext;
  completedDate: IsoDate;
  reason: CurrentViewReason;
  grouping: GroupingCode;
  ratings: CurrentViewRatings;
  recordedBy: string;
  recordedByName: string;
  createdAt: string;
}

export interface GoalRatingRecord {
  id: string;
  goalId: string;
  ratedOn: IsoDate;
  score: number;
  context: 'plan' | 'review' | 'ending' | 'session';
}

export interface GoalRecord {
  id: string;
  position: number;
  description: string;
  status: 'active' | 'dropped' | 'achieved';
  /** A reworded goal is a new goal pointing at the one it replaced. */
  replacesGoalId: string | null;
  createdOn: IsoDate;
  /** The day it stopped being active (dropped, replaced or achieved). */
  endedOn: IsoDate | null;
  ratings: GoalRatingRecord[];
}

export interface EndingCriterionRecord {
  id: string;
  position: number;
  text: string;
  /** Instant it was retired by a plan revision; null while in force. */
  retiredAt: string | null;
}

/** A version of the plan: the fields `plan:save` and `plan:revise` share, as stored, and its history. */
export interface PlanRecord extends PlanFieldsValue {
  id: string;
  caseId: string;
  /** 1 for the plan agreed at the start; each revision adds one. */
  versionNo: number;
  /** Why it was revised (null for version 1) and the review it was revised at. */
  revisionReason: string | null;
  reviewId: string | null;
  agreedDate: IsoDate;
  grouping: GroupingCode;
  endingCriteria: EndingCriterionRecord[];
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

/** A review as `review:record` took it (its Current View stored apart), and who recorded it. */
export interface ReviewRecord
  extends Pick<
    RecordReviewValue,
    'reviewDate' | 'attendees' | 'otherAttendees' | 'decision' | 'explicitDiscussion' | 'endingPlan' | 'notes' | 'goalRatings' | 'criteriaProgress'
  > {
  id: string;
  caseId: string;
  nextReviewDate: IsoDate | null;
  /** Null when recorded without its Current View ("Current View missing"). */
  currentViewId: string | null;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

/** An ending as `cases:close` took it (its Current View stored apart), and who recorded it. */
export interface EndingRecord extends Omit<CloseCaseValue, 'caseId' | 'caseVersion' | 'currentView'> {
  id: string;
  caseId: string;
  currentViewId: string | null;
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

export interface CaseDetail {
  summary: CaseSummary;
  flags: Flag[];
  weeksOpen: number;
  /** Every Current View of the case, oldest first (open, reviews, close). */
  currentViews: CurrentViewRecord[];
  /** The plan in force (the latest version); null until agreed. */
  plan: PlanRecord | null;
  /** Every version of the plan, oldest first (the last is `plan`). */
  planVersions: PlanRecord[];
  /** Every goal ever set, in position then creation order, with all ratings; dropped ones included. */
  goals: GoalRecord[];
  /** Every ending criterion ever set; those in force have retiredAt null. */
  criteria: EndingCriterionRecord[];
  /** Reviews, oldest first. */
  reviews: ReviewRecord[];
  ending: EndingRecord | null;
  /** The episode this one re-opened, and the one that re-opened this, if any. */
  previousEpisodeId: string | null;
  nextEpisodeId: string | null;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actorId: string;
  actorName: string;
  /** e.g. 'case.open', 'review.record', 'plan.revise', 'goal.reword', 'case.close'. */
  action: string;
  entity: string;
  entityId: string;
  /** One line a clinician understands: "Review recorded (decision: Revise the plan)". */
  summary: string;
  /** Field-level before → after for changed fields (empty for pure additions). */
  changes: Array<{ field: string; before: string | null; after: string | null }>;
}

export interface DraftRecord {
  kind: DraftKind;
  caseId: string | null;
  payload: unknown;
  savedAt: string;
}

export interface CaseloadRow {
  caseId: string;
  caseRef: string;
  name: string;
  nhsNumber: string | null;
  dateOfBirth: IsoDate;
  grouping: GroupingCode | null;
  openDate: IsoDate;
  weeksOpen: number;
  nextReviewDate: IsoDate | null;
  /** Date of the latest review held, or null (the Risk Support gap runs from it). */
  lastReviewDate: IsoDate | null;
  reviewBadge: 'overdue' | 'soon' | null;
  targetDate: IsoDate | null;
  leadClinicianId: string;
  leadClinicianName: string;
  planComplete: boolean;
  /** Latest rating of each active goal in goal order, for the movement sparkline. */
  goalScores: Array<{ first: number; latest: number }>;
  flags: Flag[];
}

export interface Caseload {
  today: IsoDate;
  clinician: Clinician;
  rows: CaseloadRow[];
}

export interface SeedResult {
  clinicians: number;
  cases: number;
}

/** One row of the team view: the caseload row plus where it sits in the urgency order. */
export interface TeamCaseRow extends CaseloadRow {
  /** 0 = most urgent band (Risk Support review gap) … see shared/domain/urgency.ts. */
  urgencyBand: number;
  /** Position in the team's urgency order, 1-based. */
  rank: number;
}

export interface TeamCases {
  today: IsoDate;
  team: Team;
  /** Set when drilled down to one clinician. */
  clinician: Clinician | null;
  /** Every open case of the scope, most urgent first. */
  rows: TeamCaseRow[];
}

export interface GroupingTransition {
  from: GroupingCode;
  to: GroupingCode;
  count: number;
}

export interface TeamOverview {
  today: IsoDate;
  team: Team;
  clinician: Clinician | null;
  period: { from: IsoDate; to: IsoDate };
  openCases: number;
  needAction: number;
  byFlag: Array<{ code: FlagCode; count: number }>;
  byGrouping: Array<{ grouping: GroupingCode | null; count: number }>;
  byClinician: Array<{ clinicianId: string; name: string; role: Role; open: number; needAction: number }>;
  timeOpen: Array<{ key: string; label: string; count: number }>;
  /** Open cases: grouping at open → grouping now. */
  openToNow: GroupingTransition[];
  /** Cases closed in the period: grouping at open → grouping at close. */
  openToClose: GroupingTransition[];
  /** Goals of cases closed in the period, first vs final rating (threshold 3). */
  gboAtClose: { improved: number; noReliableChange: number; deteriorated: number; goals: number; cases: number };
  endingReasons: Array<{ reason: EndingReason; count: number }>;
  closedInPeriod: number;
}

/** A file for the user to save: text (CSV) or base64 (PDF). Payloads stay JSON-safe. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  encoding: 'utf8' | 'base64';
  content: string;
}
