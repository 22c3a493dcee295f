/**
 * Every URI the FHIR export writes, in one place (docs/exports-fhir.md lists them). NHS England and HL7
 * URIs are the published ones; the product's own code systems and identifiers live under a `.invalid`
 * host (RFC 2606) so they can never clash with a real namespace until the product has a registered one.
 */
export const PRODUCT_BASE = 'https://thrive-plans.invalid';

export const UK_CORE_PROFILE = {
  Bundle: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Bundle',
  Patient: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient',
  Practitioner: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner',
  EpisodeOfCare: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-EpisodeOfCare',
  CarePlan: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-CarePlan',
  Observation: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation',
  QuestionnaireResponse: 'https://fhir.hl7.org.uk/StructureDefinition/UKCore-QuestionnaireResponse',
} as const;

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const NHS_NUMBER_VERIFICATION_EXTENSION =
  'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus';
export const NHS_NUMBER_VERIFICATION_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland';

export const SNOMED = 'http://snomed.info/sct';
export const GOAL_ACHIEVEMENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
/** HL7 v2 table 0136 (Yes/No) and v3 NullFlavor UNK: standard codes for the Current View's Yes / No / Not known. */
export const YES_NO_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0136';
export const NULL_FLAVOR_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor';

/** The product's own identifiers and code systems (no national ones exist: docs/domain.md#uk-codes-and-identifiers). */
export const LOCAL = {
  caseRefId: `${PRODUCT_BASE}/Id/case-ref`,
  episodeId: `${PRODUCT_BASE}/Id/episode`,
  clinicianId: `${PRODUCT_BASE}/Id/clinician`,
  planId: `${PRODUCT_BASE}/Id/plan-version`,
  groupingSystem: `${PRODUCT_BASE}/CodeSystem/thrive-grouping`,
  severitySystem: `${PRODUCT_BASE}/CodeSystem/current-view-severity`,
  reasonSystem: `${PRODUCT_BASE}/CodeSystem/current-view-reason`,
  contextSystem: `${PRODUCT_BASE}/CodeSystem/current-view-context`,
} as const;

/** The Current View Questionnaire: canonical URL and version, quoted by every QuestionnaireResponse. */
export const CURRENT_VIEW_QUESTIONNAIRE_ID = 'thrive-current-view';
export const CURRENT_VIEW_QUESTIONNAIRE_URL = `${PRODUCT_BASE}/fhir/Questionnaire/${CURRENT_VIEW_QUESTIONNAIRE_ID}`;
export const CURRENT_VIEW_QUESTIONNAIRE_VERSION = '1';
export const CURRENT_VIEW_QUESTIONNAIRE_CANONICAL = `${CURRENT_VIEW_QUESTIONNAIRE_URL}|${CURRENT_VIEW_QUESTIONNAIRE_VERSION}`;

/** GBO score concepts by goal position (docs/domain.md#goal-based-outcomes, current set). */
export const GBO_SCORE_SNOMED: Record<number, string> = {
  1: '1638531000000102',
  2: '1638541000000106',
  3: '1638551000000109',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Record ids are UUIDs; an actor like 'system:import' is not a person and gets no Practitioner. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export function urn(id: string): string {
  return `urn:uuid:${id}`;
}

export function ref(id: string, type: string, display?: string): { reference: string; type: string; display?: string } {
  return display === undefined ? { reference: urn(id), type } : { reference: urn(id), type, display };
}
