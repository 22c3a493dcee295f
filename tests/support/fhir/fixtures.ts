/**
 * Hand-made CaseDetail records for the pure FHIR builders: fixed ids and dates, so the golden files
 * never change unless the mapping does. Jess: an open case with an NHS number, a plan, a review and
 * Current Views recorded by two clinicians. Ben: no NHS number, a plan revised once (one goal reworded,
 * one dropped, one kept; criteria reworded and added) and then closed with final ratings.
 */
import { CURRENT_VIEW_ITEMS, type CurrentViewRatings } from '../../../shared/domain/current-view';
import type { CaseDetail, CurrentViewRecord, GoalRecord, PlanRecord } from '../../../shared/ipc/types';
import { planRecord } from '../plan-record';

/** A readable fixed UUID: id('a', 1) → 0000000a-0000-4000-8000-000000000001. */
export const id = (kind: string, n: number): string => `${kind.padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const SAM = { id: id('c', 1), name: 'Sam Taylor' };
export const PRIYA = { id: id('c', 2), name: 'Priya Shah' };

export const META = { generatedAt: '2026-11-22T12:00:00.000Z', today: '2026-11-22' };

function cvRatings(overrides: Partial<CurrentViewRatings> = {}): CurrentViewRatings {
  const r: CurrentViewRatings = {};
  for (const item of CURRENT_VIEW_ITEMS) r[item.code] = item.scale === 'severity' ? 0 : 'no';
  return { ...r, ...overrides } as CurrentViewRatings;
}

function cv(caseId: string, n: number, fields: Pick<CurrentViewRecord, 'context' | 'completedDate' | 'reason' | 'grouping' | 'ratings'>, by = SAM): CurrentViewRecord {
  return { id: id('d', n), caseId, recordedBy: by.id, recordedByName: by.name, createdAt: `${fields.completedDate}T10:00:00.000Z`, ...fields };
}

function plan(caseId: string, n: number, fields: Partial<PlanRecord> & Pick<PlanRecord, 'versionNo' | 'agreedDate' | 'targetDate' | 'grouping'>): PlanRecord {
  return planRecord({
    id: id('e', n),
    caseId,
    revisionReason: null,
    reviewId: null,
    agreedOutcome: 'Able to go to school most days and to talk about feelings at home.',
    endingCriteria: [],
    likelihood: 'likely',
    likelihoodNote: null,
    contingency: 'If not achieved, we will consider the group programme.',
    reviewDate: fields.agreedDate,
    riskSupportSummary: null,
    sdm: { participants: ['young_person', 'parent_carer'], otherParticipants: null, optionsConsidered: 'CBT-informed sessions', decisionAid: null, collaborate: null },
    createdAt: `${fields.agreedDate}T11:00:00.000Z`,
    createdBy: SAM.id,
    createdByName: SAM.name,
    ...fields,
  });
}

function goal(n: number, fields: Partial<GoalRecord> & Pick<GoalRecord, 'position' | 'description' | 'createdOn'>, ratings: Array<[string, number]>): GoalRecord {
  return {
    id: id('f', n),
    status: 'active',
    replacesGoalId: null,
    endedOn: null,
    ...fields,
    ratings: ratings.map(([ratedOn, score], i) => ({ id: id('1', n * 10 + i), goalId: id('f', n), ratedOn, score, context: i === 0 ? 'plan' : 'review' })),
  };
}

const JESS_CASE = id('a', 1);
const jessPlan = plan(JESS_CASE, 1, {
  versionNo: 1,
  agreedDate: '2026-10-27',
  targetDate: '2027-02-27',
  grouping: 'getting_help',
  likelihoodNote: 'Jess is keen; school are on board.',
  reviewDate: '2026-12-08',
});
const jessCriteria = [
  { id: id('b', 1), position: 1, text: 'Attending school four days a week for a month', retiredAt: null },
  { id: id('b', 2), position: 2, text: 'Jess says she can manage low days', retiredAt: null },
];
jessPlan.endingCriteria = jessCriteria;

export const jess: CaseDetail = {
  summary: {
    id: JESS_CASE,
    caseRef: 'RIO-1001',
    episodeNo: 1,
    youngPersonId: id('9', 1),
    name: 'Jess Example',
    dateOfBirth: '2012-05-14',
    nhsNumber: '9434765919',
    referralDate: '2026-10-01',
    openDate: '2026-10-20',
    closedDate: null,
    status: 'open',
    leadClinicianId: SAM.id,
    leadClinicianName: SAM.name,
    teamId: id('7', 1),
    coordinatingAgency: 'CAMHS',
    grouping: 'getting_help',
    nextReviewDate: '2027-01-22',
    targetDate: '2027-02-27',
    planComplete: true,
    version: 5,
  },
  flags: [],
  weeksOpen: 4,
  currentViews: [
    cv(JESS_CASE, 1, { context: 'open', completedDate: '2026-10-20', reason: 'first_contact', grouping: 'getting_help', ratings: cvRatings({ p9: 2, p3: 1, cf12: 'not_known', ctx_school: 'not_known' }) }),
    cv(JESS_CASE, 2, { context: 'review', completedDate: '2026-12-11', reason: 'changed_understanding', grouping: 'getting_help', ratings: cvRatings({ p9: 1, p3: 1, cf2: 'yes' }) }, PRIYA),
  ],
  plan: jessPlan,
  planVersions: [jessPlan],
  goals: [
    goal(1, { position: 1, description: 'Go to school without feeling sick every morning', createdOn: '2026-10-27' }, [['2026-10-27', 3], ['2026-12-11', 7]]),
    goal(2, { position: 2, description: 'Tell Mum when I feel low', createdOn: '2026-10-27' }, [['2026-10-27', 5], ['2026-12-11', 4]]),
  ],
  criteria: jessCriteria,
  reviews: [
    {
      id: id('5', 1),
      caseId: JESS_CASE,
      reviewDate: '2026-12-11',
      attendees: ['young_person'],
      otherAttendees: null,
      decision: 'continue',
      explicitDiscussion: null,
      endingPlan: null,
      nextReviewDate: '2027-01-22',
      notes: null,
      currentViewId: id('d', 2),
      goalRatings: [],
      criteriaProgress: [],
      createdAt: '2026-12-11T10:00:00.000Z',
      createdBy: PRIYA.id,
      createdByName: PRIYA.name,
    },
  ],
  ending: null,
  previousEpisodeId: null,
  nextEpisodeId: null,
};

const BEN_CASE = id('a', 2);
const benV1 = plan(BEN_CASE, 2, { versionNo: 1, agreedDate: '2026-03-02', targetDate: '2026-06-30', grouping: 'getting_more_help', contingency: null, likelihood: 'possible' });
const benV2 = plan(BEN_CASE, 3, {
  versionNo: 2,
  agreedDate: '2026-05-04',
  targetDate: '2026-07-31',
  grouping: 'getting_help',
  revisionReason: 'Ben wants his goals to be about football and sleep',
  agreedOutcome: 'Ben sleeps well and is back playing football with friends.',
});
const benCriteria = [
  { id: id('b', 3), position: 1, text: 'Sleeping through most nights', retiredAt: '2026-05-04T11:00:00.000Z' },
  { id: id('b', 4), position: 2, text: 'Back at football practice', retiredAt: null },
  { id: id('b', 5), position: 1, text: 'Asleep by 11pm on school nights for a month', retiredAt: null },
];
benV1.endingCriteria = benCriteria.slice(0, 2);
benV2.endingCriteria = [benCriteria[2]!, benCriteria[1]!];

export const ben: CaseDetail = {
  summary: {
    id: BEN_CASE,
    caseRef: 'RIO 2002/B',
    episodeNo: 1,
    youngPersonId: id('9', 2),
    name: 'Ben Sample',
    dateOfBirth: '2010-01-31',
    nhsNumber: null,
    referralDate: '2026-02-01',
    openDate: '2026-02-16',
    closedDate: '2026-07-10',
    status: 'closed',
    leadClinicianId: SAM.id,
    leadClinicianName: SAM.name,
    teamId: id('7', 1),
    coordinatingAgency: 'CAMHS with Youth Service',
    grouping: 'thriving',
    nextReviewDate: null,
    targetDate: '2026-07-31',
    planComplete: true,
    version: 12,
  },
  flags: [],
  weeksOpen: 20,
  currentViews: [
    cv(BEN_CASE, 3, { context: 'open', completedDate: '2026-02-16', reason: 'first_contact', grouping: 'getting_more_help', ratings: cvRatings({ p3: 2, p9: 3, cf11: 'yes' }) }),
    cv(BEN_CASE, 4, { context: 'close', completedDate: '2026-07-10', reason: 'changed_situation', grouping: 'thriving', ratings: cvRatings({ p3: 1, cf11: 'yes' }) }),
  ],
  plan: benV2,
  planVersions: [benV1, benV2],
  goals: [
    goal(3, { position: 1, description: 'Sleep better', createdOn: '2026-03-02', status: 'dropped', endedOn: '2026-05-04' }, [['2026-03-02', 2], ['2026-04-13', 3]]),
    goal(6, { position: 1, description: 'Be asleep by 11pm on school nights', createdOn: '2026-05-04', replacesGoalId: id('f', 3) }, [['2026-05-04', 4], ['2026-06-08', 7], ['2026-07-10', 10]]),
    goal(4, { position: 2, description: 'Feel less angry', createdOn: '2026-03-02', status: 'dropped', endedOn: '2026-05-04' }, [['2026-03-02', 5]]),
    goal(5, { position: 3, description: 'Go back to football practice', createdOn: '2026-03-02' }, [['2026-03-02', 6], ['2026-06-08', 4], ['2026-07-10', 2]]),
  ],
  criteria: benCriteria,
  reviews: [],
  ending: {
    id: id('6', 1),
    caseId: BEN_CASE,
    endingDate: '2026-07-10',
    reason: 'criteria_met',
    reasonOther: null,
    mhsdsCode: null,
    continuingSupport: null,
    signposting: 'School wellbeing team',
    wellbeingPlan: null,
    discussedFromStart: true,
    currentViewId: id('d', 4),
    criteriaStatus: [
      { criterionId: id('b', 4), status: 'partly' },
      { criterionId: id('b', 5), status: 'met' },
    ],
    finalRatings: [],
    createdAt: '2026-07-10T15:00:00.000Z',
    createdBy: PRIYA.id,
    createdByName: PRIYA.name,
  },
  previousEpisodeId: null,
  nextEpisodeId: null,
};
