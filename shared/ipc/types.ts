/** Result types of the IPC contract: what main returns and the renderer shows. JSON-safe only. */
import type { IsoDate } from '../dates';
import type { CurrentViewContext, CurrentViewRatings, CurrentViewReason } from '../domain/current-view';
import type { Flag } from '../domain/flags';
import type { GroupingCode } from '../domain/groupings';
import type { Settings } from '../domain/settings';
import type { Role } from './schemas/clinicians';
import type { Likelihood, Participant } from './schemas/plan';

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
  settings: Settings;
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
  ratings: GoalRatingRecord[];
}

export interface EndingCriterionRecord {
  id: string;
  position: number;
  text: string;
}

export interface PlanRecord {
  id: string;
  caseId: string;
  agreedDate: IsoDate;
  grouping: GroupingCode;
  agreedOutcome: string;
  endingCriteria: EndingCriterionRecord[];
  likelihood: Likelihood;
  likelihoodNote: string | null;
  targetDate: IsoDate;
  contingency: string | null;
  reviewDate: IsoDate;
  riskSupportSummary: string | null;
  sdm: {
    participants: Participant[];
    otherParticipants: string | null;
    optionsConsidered: string;
    decisionAid: string | null;
    collaborate: { understand: number; listen: number; include: number } | null;
  };
  createdAt: string;
  createdBy: string;
  createdByName: string;
}

export interface CaseDetail {
  summary: CaseSummary;
  flags: Flag[];
  weeksOpen: number;
  currentViews: CurrentViewRecord[];
  plan: PlanRecord | null;
  goals: GoalRecord[];
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
