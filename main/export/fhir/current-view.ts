/**
 * The Current View as FHIR: ONE Questionnaire that defines the form (items with SNOMED CT codes where
 * docs/domain.md#current-view gives one, answer options) and a QuestionnaireResponse per completed Current View.
 * Complexity factors have no SNOMED codes and exist only here (docs/domain.md#fhir-r4-mapping).
 */
import {
  CURRENT_VIEW_CONTEXTS,
  CURRENT_VIEW_ITEMS,
  CURRENT_VIEW_REASON_LABELS,
  CURRENT_VIEW_REASONS,
  SECTION_TITLES,
  type ComplexityRating,
  type CurrentViewContext,
  type CurrentViewItem,
  type CurrentViewSection,
  type SeverityRating,
} from '../../../shared/domain/current-view';
import { GROUPING_CODES, GROUPING_LABELS } from '../../../shared/domain/groupings';
import type { CurrentViewRecord } from '../../../shared/ipc/types';
import {
  CURRENT_VIEW_QUESTIONNAIRE_CANONICAL,
  CURRENT_VIEW_QUESTIONNAIRE_ID,
  CURRENT_VIEW_QUESTIONNAIRE_URL,
  CURRENT_VIEW_QUESTIONNAIRE_VERSION,
  LOCAL,
  NULL_FLAVOR_SYSTEM,
  SNOMED,
  UK_CORE_PROFILE,
  YES_NO_SYSTEM,
  isUuid,
  ref,
} from './systems';
import type { Coding, Questionnaire, QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem } from './types';

const NOT_KNOWN: Coding = { system: NULL_FLAVOR_SYSTEM, code: 'UNK', display: 'Not known' };

const SEVERITY_CODINGS: ReadonlyArray<[SeverityRating, Coding]> = [
  [0, { system: LOCAL.severitySystem, code: '0', display: 'None' }],
  [1, { system: LOCAL.severitySystem, code: '1', display: 'Mild' }],
  [2, { system: LOCAL.severitySystem, code: '2', display: 'Moderate' }],
  [3, { system: LOCAL.severitySystem, code: '3', display: 'Severe' }],
  ['not_known', NOT_KNOWN],
];

const COMPLEXITY_CODINGS: ReadonlyArray<[ComplexityRating, Coding]> = [
  ['yes', { system: YES_NO_SYSTEM, code: 'Y', display: 'Yes' }],
  ['no', { system: YES_NO_SYSTEM, code: 'N', display: 'No' }],
  ['not_known', NOT_KNOWN],
];

const CONTEXT_LABELS: Record<CurrentViewContext, string> = {
  open: 'At open',
  review: 'At review',
  close: 'At close',
};

export const groupingCoding = (code: (typeof GROUPING_CODES)[number]): Coding => ({ system: LOCAL.groupingSystem, code, display: GROUPING_LABELS[code] });
const reasonCoding = (code: (typeof CURRENT_VIEW_REASONS)[number]): Coding => ({ system: LOCAL.reasonSystem, code, display: CURRENT_VIEW_REASON_LABELS[code] });
const contextCoding = (code: CurrentViewContext): Coding => ({ system: LOCAL.contextSystem, code, display: CONTEXT_LABELS[code] });

const SECTIONS: readonly CurrentViewSection[] = ['problems', 'complexity', 'contextual', 'education'];

function optionsOf(item: CurrentViewItem): ReadonlyArray<[SeverityRating | ComplexityRating, Coding]> {
  return item.scale === 'severity' ? SEVERITY_CODINGS : COMPLEXITY_CODINGS;
}

function questionnaireItem(item: CurrentViewItem): QuestionnaireItem {
  return {
    linkId: item.code,
    prefix: `${item.number}.`,
    text: item.label,
    type: 'choice',
    ...(item.snomed ? { code: [{ system: SNOMED, code: item.snomed }] } : {}),
    answerOption: optionsOf(item).map(([, coding]) => ({ valueCoding: coding })),
  };
}

/** The one definition of the form; the same object in every bundle (its url/version identify it). */
export function currentViewQuestionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: CURRENT_VIEW_QUESTIONNAIRE_ID,
    url: CURRENT_VIEW_QUESTIONNAIRE_URL,
    version: CURRENT_VIEW_QUESTIONNAIRE_VERSION,
    name: 'ThriveCurrentView',
    title: 'Current View (with the THRIVE grouping)',
    status: 'active',
    subjectType: ['Patient'],
    description:
      "The practitioner's Current View of a young person's difficulties (CORC; Jones et al., 2013), completed at opening, " +
      'review and closing, with the THRIVE grouping agreed with the family. Not validated for tracking change over time.',
    copyright: 'Current View: Child Outcomes Research Consortium (CORC); use in an electronic system requires a CORC licence.',
    item: [
      { linkId: 'context', text: 'When completed', type: 'choice', answerOption: CURRENT_VIEW_CONTEXTS.map((c) => ({ valueCoding: contextCoding(c) })) },
      { linkId: 'reason', text: 'Reason for completing', type: 'choice', answerOption: CURRENT_VIEW_REASONS.map((r) => ({ valueCoding: reasonCoding(r) })) },
      {
        linkId: 'grouping',
        text: 'THRIVE grouping agreed with the family',
        type: 'choice',
        answerOption: GROUPING_CODES.map((g) => ({ valueCoding: groupingCoding(g) })),
      },
      ...SECTIONS.map(
        (section): QuestionnaireItem => ({
          linkId: section,
          text: SECTION_TITLES[section],
          type: 'group',
          item: CURRENT_VIEW_ITEMS.filter((i) => i.section === section).map(questionnaireItem),
        }),
      ),
    ],
  };
}

function answerItem(item: CurrentViewItem, value: SeverityRating | ComplexityRating | undefined): QuestionnaireResponseItem {
  const coding = value === undefined ? undefined : optionsOf(item).find(([v]) => v === value)?.[1];
  // An item the clinician left unrated is still listed (every item of the form), with no answer.
  return { linkId: item.code, text: item.label, ...(coding ? { answer: [{ valueCoding: coding }] } : {}) };
}

export function currentViewResponse(cv: CurrentViewRecord, patientId: string): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: cv.id,
    meta: { profile: [UK_CORE_PROFILE.QuestionnaireResponse] },
    questionnaire: CURRENT_VIEW_QUESTIONNAIRE_CANONICAL,
    status: 'completed',
    subject: ref(patientId, 'Patient'),
    authored: cv.completedDate,
    ...(isUuid(cv.recordedBy) ? { author: ref(cv.recordedBy, 'Practitioner', cv.recordedByName) } : {}),
    item: [
      { linkId: 'context', text: 'When completed', answer: [{ valueCoding: contextCoding(cv.context) }] },
      { linkId: 'reason', text: 'Reason for completing', answer: [{ valueCoding: reasonCoding(cv.reason) }] },
      { linkId: 'grouping', text: 'THRIVE grouping agreed with the family', answer: [{ valueCoding: groupingCoding(cv.grouping) }] },
      ...SECTIONS.map(
        (section): QuestionnaireResponseItem => ({
          linkId: section,
          text: SECTION_TITLES[section],
          item: CURRENT_VIEW_ITEMS.filter((i) => i.section === section).map((i) => answerItem(i, cv.ratings[i.code])),
        }),
      ),
    ],
  };
}
