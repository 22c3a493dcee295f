/**
 * A plan version as `cases:get` returns it, every field with a plain default, for the fixtures that
 * build whole cases (case-detail-fixtures.ts, fhir/fixtures.ts). Each sets only what it shows, so a new
 * plan field gets its default here, once.
 */
import type { PlanRecord } from '../../shared/ipc/types';

type Required = Pick<PlanRecord, 'id' | 'caseId' | 'versionNo' | 'agreedDate' | 'grouping'>;

export function planRecord(fields: Required & Partial<PlanRecord>): PlanRecord {
  return {
    revisionReason: null,
    reviewId: null,
    agreedOutcome: '',
    endingCriteria: [],
    likelihood: 'likely',
    likelihoodNote: null,
    targetDate: fields.agreedDate,
    contingency: '',
    reviewDate: fields.agreedDate,
    riskSupportSummary: null,
    sdm: { participants: ['young_person'], otherParticipants: null, optionsConsidered: '', decisionAid: null, collaborate: null },
    createdAt: `${fields.agreedDate}T10:00:00.000Z`,
    createdBy: 'clinician',
    createdByName: 'Clinician',
    ...fields,
  };
}
