/**
 * Whole cases as `cases:get` returns them (CaseDetail, the export model), shared by the pure export
 * builders' golden tests (main/export/). Pure data. One young person
 * (Riley Shaw) through a plan, a review that revised it, a review recorded without its Current View,
 * and (in the closed variant) an ending. Every date is fixed; "today" is FIXTURE_TODAY (11/01/2027).
 *
 * Goals, so each change label has a case:
 *  - Goal 1 "Sleep through the night": 3 → 5 → 6 (+3, Improved)
 *  - Goal 2 "Go back to school": 2 → 2, reworded at review 1 (23/11/2026) into
 *    Goal 2 "Go to school three days a week": 4 → 6 (+2, No reliable change)
 *  - Goal 3 "Join a club": 5 → 5, dropped at review 1
 *  - Goal 3 "Feel less worried when out", added at review 1: 6 → 3 (−3, Deteriorated)
 */
import type { IsoDate } from '../../shared/dates';
import { planRecord } from './plan-record';
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../shared/domain/current-view';
import { FLAG_LABELS, FLAG_SEVERITY } from '../../shared/domain/flags';
import type { GroupingCode } from '../../shared/domain/groupings';
import type {
  CaseDetail,
  CurrentViewRecord,
  EndingCriterionRecord,
  EndingRecord,
  GoalRecord,
  PlanRecord,
  ReviewRecord,
} from '../../shared/ipc/types';

/** Every item rated: None for severity items, No for complexity factors (unless overridden). */
function allRated(overrides: CurrentViewRatings = {}): CurrentViewRatings {
  return Object.fromEntries(CURRENT_VIEW_ITEMS.map((item) => [item.code, overrides[item.code] ?? (item.scale === 'severity' ? 0 : 'no')]));
}

export const FIXTURE_TODAY = '2027-01-11';
export const CASE_ID = '00000000-0000-7000-8000-0000000c0001';
export const NEXT_EPISODE_ID = '00000000-0000-7000-8000-0000000c0002';
export const PREVIOUS_EPISODE_ID = '00000000-0000-7000-8000-0000000c0000';
export const CLINICIAN_ID = '00000000-0000-7000-8000-0000000d0001';
export const CLINICIAN = 'Alex Morgan';

export const GOAL_IDS = {
  sleep: '00000000-0000-7000-8000-0000000a0001',
  schoolOld: '00000000-0000-7000-8000-0000000a0002',
  club: '00000000-0000-7000-8000-0000000a0003',
  school: '00000000-0000-7000-8000-0000000a0004',
  worried: '00000000-0000-7000-8000-0000000a0005',
} as const;

export const CRITERION_IDS = {
  sleep: '00000000-0000-7000-8000-0000000b0001',
  schoolOld: '00000000-0000-7000-8000-0000000b0002',
  school: '00000000-0000-7000-8000-0000000b0003',
} as const;

export const REVIEW_IDS = {
  first: '00000000-0000-7000-8000-0000000e0001',
  second: '00000000-0000-7000-8000-0000000e0002',
} as const;

const CV_IDS = {
  open: '00000000-0000-7000-8000-0000000f0001',
  review: '00000000-0000-7000-8000-0000000f0002',
  close: '00000000-0000-7000-8000-0000000f0003',
} as const;

let ratingSeq = 0;
function goal(
  id: string,
  position: number,
  description: string,
  ratings: Array<[IsoDate, number, GoalRecord['ratings'][number]['context']]>,
  extra: Partial<GoalRecord> = {},
): GoalRecord {
  return {
    id,
    position,
    description,
    status: 'active',
    replacesGoalId: null,
    createdOn: ratings[0]![0],
    endedOn: null,
    ratings: ratings.map(([ratedOn, score, context]) => {
      ratingSeq += 1;
      return { id: `00000000-0000-7000-8000-0001${ratingSeq.toString(16).padStart(8, '0')}`, goalId: id, ratedOn, score, context };
    }),
    ...extra,
  };
}

function currentView(id: string, context: CurrentViewRecord['context'], completedDate: IsoDate, grouping: GroupingCode, overrides: CurrentViewRatings): CurrentViewRecord {
  return {
    id,
    caseId: CASE_ID,
    context,
    completedDate,
    reason: context === 'open' ? 'first_contact' : 'changed_understanding',
    grouping,
    ratings: allRated(overrides),
    recordedBy: CLINICIAN_ID,
    recordedByName: CLINICIAN,
    createdAt: `${completedDate}T15:00:00.000Z`,
  };
}

const criterion = (id: string, position: number, text: string, retiredAt: string | null = null): EndingCriterionRecord => ({
  id,
  position,
  text,
  retiredAt,
});

function planVersion(versionNo: 1 | 2): PlanRecord {
  const first = versionNo === 1;
  return planRecord({
    id: `00000000-0000-7000-8000-00000009000${versionNo}`,
    caseId: CASE_ID,
    versionNo,
    revisionReason: first ? null : 'Riley wanted the school goal to be more realistic and the club goal no longer fits.',
    reviewId: first ? null : REVIEW_IDS.first,
    agreedDate: first ? '2026-10-12' : '2026-11-23',
    grouping: first ? 'getting_more_help' : 'getting_help',
    agreedOutcome: 'Riley sleeps well and is back at school.',
    endingCriteria: first
      ? [criterion(CRITERION_IDS.sleep, 1, 'Sleeps through most nights for a month'), criterion(CRITERION_IDS.schoolOld, 2, 'Attends school every day for four weeks')]
      : [criterion(CRITERION_IDS.sleep, 1, 'Sleeps through most nights for a month'), criterion(CRITERION_IDS.school, 2, 'Attends school three days a week for four weeks')],
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: first ? '2027-02-01' : '2027-03-01',
    contingency: 'Review with Riley and family; consider Getting More Help.',
    reviewDate: first ? '2026-11-23' : '2027-01-04',
    riskSupportSummary: null,
    sdm: {
      participants: ['young_person', 'parent_carer'],
      otherParticipants: null,
      optionsConsidered: 'CBT for anxiety; sleep hygiene; school liaison.',
      decisionAid: null,
      collaborate: first ? { understand: 8, listen: 9, include: 7 } : null,
    },
    createdAt: first ? '2026-10-12T10:00:00.000Z' : '2026-11-23T11:00:00.000Z',
    createdBy: CLINICIAN_ID,
    createdByName: CLINICIAN,
  });
}

function reviews(): ReviewRecord[] {
  return [
    {
      id: REVIEW_IDS.first,
      caseId: CASE_ID,
      reviewDate: '2026-11-23',
      attendees: ['young_person', 'parent_carer'],
      otherAttendees: null,
      decision: 'revise_plan',
      explicitDiscussion: null,
      endingPlan: null,
      nextReviewDate: '2027-01-04',
      notes: 'Sleep improving; school feels too big a step.',
      currentViewId: CV_IDS.review,
      goalRatings: [
        { goalId: GOAL_IDS.sleep, score: 5 },
        { goalId: GOAL_IDS.schoolOld, score: 2 },
        { goalId: GOAL_IDS.club, score: 5 },
      ],
      criteriaProgress: [
        { criterionId: CRITERION_IDS.sleep, status: 'partly' },
        { criterionId: CRITERION_IDS.schoolOld, status: 'not_yet' },
      ],
      createdAt: '2026-11-23T10:30:00.000Z',
      createdBy: CLINICIAN_ID,
      createdByName: CLINICIAN,
    },
    {
      id: REVIEW_IDS.second,
      caseId: CASE_ID,
      reviewDate: '2027-01-04',
      attendees: ['young_person', 'other'],
      otherAttendees: 'School nurse',
      decision: 'move_to_ending',
      explicitDiscussion: 'Agreed to keep the sleep routine going without sessions.',
      endingPlan: 'Two more sessions, then end with a wellbeing plan.',
      nextReviewDate: '2027-02-15',
      notes: null,
      currentViewId: null,
      goalRatings: [
        { goalId: GOAL_IDS.sleep, score: 6 },
        { goalId: GOAL_IDS.school, score: 6 },
        { goalId: GOAL_IDS.worried, score: 3 },
      ],
      criteriaProgress: [
        { criterionId: CRITERION_IDS.sleep, status: 'met' },
        { criterionId: CRITERION_IDS.school, status: 'partly' },
      ],
      createdAt: '2027-01-04T14:05:00.000Z',
      createdBy: CLINICIAN_ID,
      createdByName: CLINICIAN,
    },
  ];
}

function goals(): GoalRecord[] {
  return [
    goal(GOAL_IDS.sleep, 1, 'Sleep through the night', [
      ['2026-10-12', 3, 'plan'],
      ['2026-11-23', 5, 'review'],
      ['2027-01-04', 6, 'review'],
    ]),
    goal(
      GOAL_IDS.schoolOld,
      2,
      'Go back to school',
      [
        ['2026-10-12', 2, 'plan'],
        ['2026-11-23', 2, 'review'],
      ],
      { status: 'dropped', endedOn: '2026-11-23' },
    ),
    goal(
      GOAL_IDS.school,
      2,
      'Go to school three days a week',
      [
        ['2026-11-23', 4, 'plan'],
        ['2027-01-04', 6, 'review'],
      ],
      { replacesGoalId: GOAL_IDS.schoolOld },
    ),
    goal(
      GOAL_IDS.club,
      3,
      'Join a club',
      [
        ['2026-10-12', 5, 'plan'],
        ['2026-11-23', 5, 'review'],
      ],
      { status: 'dropped', endedOn: '2026-11-23' },
    ),
    goal(GOAL_IDS.worried, 3, 'Feel less worried when out', [
      ['2026-11-23', 6, 'plan'],
      ['2027-01-04', 3, 'review'],
    ]),
  ];
}

/** The open case: two plan versions, two reviews (the second without its Current View). */
export function openCaseDetail(): CaseDetail {
  const planVersions = [planVersion(1), planVersion(2)];
  return {
    summary: {
      id: CASE_ID,
      caseRef: 'RIO-2001',
      episodeNo: 1,
      youngPersonId: '00000000-0000-7000-8000-000000070001',
      name: 'Riley Shaw',
      dateOfBirth: '2011-06-30',
      nhsNumber: '9434765919',
      referralDate: '2026-09-21',
      openDate: '2026-10-05',
      closedDate: null,
      status: 'open',
      leadClinicianId: CLINICIAN_ID,
      leadClinicianName: CLINICIAN,
      teamId: '00000000-0000-7000-8000-000000060001',
      coordinatingAgency: 'CAMHS',
      grouping: 'getting_help',
      nextReviewDate: '2027-02-15',
      targetDate: '2027-03-01',
      planComplete: true,
      version: 9,
    },
    flags: [
      {
        code: 'current_view_missing',
        label: FLAG_LABELS.current_view_missing,
        severity: FLAG_SEVERITY.current_view_missing,
        reason: '1 review or closure recorded without a Current View.',
      },
    ],
    weeksOpen: 14,
    currentViews: [
      currentView(CV_IDS.open, 'open', '2026-10-05', 'getting_more_help', { p3: 3, p9: 2, cf3: 'not_known' }),
      currentView(CV_IDS.review, 'review', '2026-11-23', 'getting_help', { p3: 2, p9: 2, cf3: 'no' }),
    ],
    plan: planVersions[1]!,
    planVersions,
    goals: goals(),
    criteria: [
      criterion(CRITERION_IDS.sleep, 1, 'Sleeps through most nights for a month'),
      criterion(CRITERION_IDS.schoolOld, 2, 'Attends school every day for four weeks', '2026-11-23T11:00:00.000Z'),
      criterion(CRITERION_IDS.school, 2, 'Attends school three days a week for four weeks'),
    ],
    reviews: reviews(),
    ending: null,
    previousEpisodeId: null,
    nextEpisodeId: null,
  };
}

/** The same case ended on 08/01/2027 with its closing Current View (Thriving) and final ratings. */
export function closedCaseDetail(): CaseDetail {
  const detail = openCaseDetail();
  const ending: EndingRecord = {
    id: '00000000-0000-7000-8000-000000050001',
    caseId: CASE_ID,
    endingDate: '2027-01-08',
    reason: 'criteria_met',
    reasonOther: null,
    mhsdsCode: '01',
    continuingSupport: 'School pastoral team check in weekly.',
    signposting: 'Kooth online support.',
    wellbeingPlan: 'Bedtime routine, and who to talk to when worried.',
    discussedFromStart: true,
    currentViewId: CV_IDS.close,
    criteriaStatus: [
      { criterionId: CRITERION_IDS.sleep, status: 'met' },
      { criterionId: CRITERION_IDS.school, status: 'partly' },
    ],
    finalRatings: [
      { goalId: GOAL_IDS.sleep, score: 8 },
      { goalId: GOAL_IDS.school, score: 7 },
      { goalId: GOAL_IDS.worried, score: 5 },
    ],
    createdAt: '2027-01-08T16:20:00.000Z',
    createdBy: CLINICIAN_ID,
    createdByName: CLINICIAN,
  };
  for (const r of ending.finalRatings) {
    const g = detail.goals.find((x) => x.id === r.goalId)!;
    g.ratings.push({ id: `ending-${r.goalId}`, goalId: g.id, ratedOn: ending.endingDate, score: r.score, context: 'ending' });
  }
  detail.currentViews.push(currentView(CV_IDS.close, 'close', '2027-01-08', 'thriving', { p3: 1, p9: 1, cf3: 'no' }));
  detail.summary = { ...detail.summary, status: 'closed', closedDate: '2027-01-08', grouping: 'thriving', nextReviewDate: null, version: 12 };
  detail.flags = [];
  detail.ending = ending;
  return detail;
}

/** A case just opened: no Current View, no plan, nothing reviewed. */
export function newCaseDetail(): CaseDetail {
  const detail = openCaseDetail();
  return {
    ...detail,
    summary: { ...detail.summary, openDate: '2026-12-14', referralDate: '2026-12-01', grouping: null, nextReviewDate: null, targetDate: null, planComplete: false, version: 1 },
    flags: [],
    weeksOpen: 4,
    currentViews: [],
    plan: null,
    planVersions: [],
    goals: [],
    criteria: [],
    reviews: [],
  };
}
