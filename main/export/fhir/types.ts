/**
 * The slice of FHIR R4 this export writes, typed so the builders cannot misspell an element. Only the
 * elements we fill are declared; the test validators check the documents against the official R4
 * definitions, so these types need not be complete.
 */
export interface Coding {
  system: string;
  code: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference: string;
  type?: string;
  display?: string;
}

export interface Identifier {
  system: string;
  value: string;
  extension?: Array<{ url: string; valueCodeableConcept: CodeableConcept }>;
}

export interface Period {
  start?: string;
  end?: string;
}

export interface Annotation {
  text: string;
}

export interface Meta {
  profile?: string[];
  lastUpdated?: string;
}

export interface ResourceBase {
  resourceType: string;
  id: string;
  meta?: Meta;
}

export interface Patient extends ResourceBase {
  resourceType: 'Patient';
  identifier: Identifier[];
  name: Array<{ use: 'official'; text: string }>;
  birthDate: string;
}

export interface Practitioner extends ResourceBase {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  name: Array<{ text: string }>;
}

export interface EpisodeOfCare extends ResourceBase {
  resourceType: 'EpisodeOfCare';
  identifier: Identifier[];
  status: 'active' | 'finished';
  patient: Reference;
  managingOrganization: { display: string };
  period: Period;
  careManager?: Reference;
}

export interface CarePlan extends ResourceBase {
  resourceType: 'CarePlan';
  identifier: Identifier[];
  status: 'active' | 'revoked' | 'completed';
  intent: 'plan';
  category: CodeableConcept[];
  title: string;
  description: string;
  subject: Reference;
  period: Period;
  created: string;
  author?: Reference;
  replaces?: Reference[];
  supportingInfo: Reference[];
  goal: Reference[];
  note: Annotation[];
}

export interface Goal extends ResourceBase {
  resourceType: 'Goal';
  lifecycleStatus: 'active' | 'completed' | 'cancelled';
  achievementStatus?: CodeableConcept;
  description: CodeableConcept;
  subject: Reference;
  expressedBy: Reference;
  startDate: string;
  target?: Array<{ dueDate: string }>;
  statusDate?: string;
  statusReason?: string;
  note?: Annotation[];
}

export interface Observation extends ResourceBase {
  resourceType: 'Observation';
  status: 'final';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  focus: Reference[];
  effectiveDateTime: string;
  valueInteger: number;
}

export interface QuestionnaireItem {
  linkId: string;
  text: string;
  prefix?: string;
  type: 'group' | 'choice';
  code?: Coding[];
  answerOption?: Array<{ valueCoding: Coding }>;
  item?: QuestionnaireItem[];
}

export interface Questionnaire extends ResourceBase {
  resourceType: 'Questionnaire';
  url: string;
  version: string;
  name: string;
  title: string;
  status: 'active';
  subjectType: ['Patient'];
  description: string;
  copyright: string;
  item: QuestionnaireItem[];
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text: string;
  answer?: Array<{ valueCoding: Coding }>;
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse extends ResourceBase {
  resourceType: 'QuestionnaireResponse';
  questionnaire: string;
  status: 'completed';
  subject: Reference;
  authored: string;
  author?: Reference;
  item: QuestionnaireResponseItem[];
}

export type Resource = Patient | Practitioner | EpisodeOfCare | CarePlan | Goal | Observation | Questionnaire | QuestionnaireResponse;

export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
}

export interface Bundle {
  resourceType: 'Bundle';
  meta: Meta;
  identifier?: Identifier;
  type: 'collection';
  timestamp: string;
  entry?: BundleEntry[];
}
