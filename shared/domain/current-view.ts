/**
 * The Current View tool (CORC; Jones et al., 2013), docs/domain.md#current-view. Labels, order and SNOMED CT ids are
 * exact. A cross-reference that docs/domain.md marks uncertain or not confirmed is left out (null) so the
 * product never shows an unverified fact as certain.
 *
 * Storage: severity ratings are 0..3 (None..Severe) and 'not_known' is its own value, never a number;
 * complexity factors are 'yes' | 'no' | 'not_known'.
 */

export type Severity = 0 | 1 | 2 | 3;
export type SeverityRating = Severity | 'not_known';
export type ComplexityRating = 'yes' | 'no' | 'not_known';

export const SEVERITY_OPTIONS: ReadonlyArray<{ value: SeverityRating; label: string; key: string }> = [
  { value: 0, label: 'None', key: '0' },
  { value: 1, label: 'Mild', key: '1' },
  { value: 2, label: 'Moderate', key: '2' },
  { value: 3, label: 'Severe', key: '3' },
  { value: 'not_known', label: 'Not known', key: 'k' },
];

export const COMPLEXITY_OPTIONS: ReadonlyArray<{ value: ComplexityRating; label: string; key: string }> = [
  { value: 'yes', label: 'Yes', key: 'y' },
  { value: 'no', label: 'No', key: 'n' },
  { value: 'not_known', label: 'Not known', key: 'k' },
];

export type CurrentViewSection = 'problems' | 'complexity' | 'contextual' | 'education';

export interface CurrentViewItem {
  /** Stable storage key, e.g. `p9`, `cf3`, `ctx_home`, `eet_attendance`. */
  code: string;
  section: CurrentViewSection;
  /** Number on the form within its section (1-based). */
  number: number;
  label: string;
  /** Cross-reference printed on the form; null where unverified or absent. */
  crossRef: string | null;
  /** SNOMED CT concept id used in MHSDS; null for complexity factors (none exist). */
  snomed: string | null;
  scale: 'severity' | 'complexity';
}

const problems: Array<[string, string | null, string]> = [
  ['Anxious away from caregivers', 'Separation anxiety', '987251000000103'],
  ['Anxious in social situations', 'Social anxiety/phobia', '987261000000100'],
  ['Anxious generally', 'Generalized anxiety', '987271000000107'],
  ['Compelled to do or think things', 'OCD', '987281000000109'],
  ['Panics', 'Panic disorder', '987291000000106'],
  ['Avoids going out', 'Agoraphobia', '987301000000105'],
  ['Avoids specific things', 'Specific phobia', '987311000000107'],
  ['Repetitive problematic behaviours', 'Habit problems', '987321000000101'],
  ['Depression/low mood', 'Depression', '987331000000104'],
  ['Self-Harm', 'Self injury or self-harm', '987341000000108'],
  ['Extremes of mood', 'Bipolar disorder', '987351000000106'],
  ['Delusional beliefs and hallucinations', 'Psychosis', '987361000000109'],
  ['Drug and alcohol difficulties', 'Substance abuse', '987371000000102'],
  ['Difficulties sitting still or concentrating', 'ADHD/Hyperactivity', '987381000000100'],
  ['Behavioural difficulties', 'CD or ODD', '987391000000103'],
  ['Poses risk to others', null, '987401000000100'],
  ['Carer management of CYP behaviour', 'e.g. management of child behaviour', '987411000000103'],
  ["Doesn't get to toilet in time", 'Elimination problems', '987421000000109'],
  ['Disturbed by traumatic event', 'PTSD', '987431000000106'],
  ['Eating issues', 'Anorexia/Bulimia', '987441000000102'],
  ['Family relationship difficulties', null, '987451000000104'],
  ['Problems in attachment to parent/carer', 'Attachment problems', '987461000000101'],
  ['Peer relationship difficulties', null, '987471000000108'],
  ['Persistent difficulties managing relationships with others', 'includes emerging personality disorder', '987481000000105'],
  ['Does not speak', 'Selective mutism', '987491000000107'],
  // 26-30: cross-references uncertain or not confirmed (docs/domain.md#current-view) — label alone.
  ['Gender discomfort issues', null, '987501000000101'],
  ['Unexplained physical symptoms', null, '987511000000104'],
  ['Unexplained developmental difficulties', null, '987521000000105'],
  ['Self-care issues', null, '987531000000107'],
  ['Adjustment to health issues', null, '987541000000103'],
];

const complexity = [
  'Looked after child',
  'Young carer status',
  'Learning disability',
  'Serious physical health issues',
  'Pervasive developmental disorders',
  'Neurological issues',
  'Current protection plan',
  'Child in need',
  'Refugee or asylum seeker',
  'Experience of war, torture or trafficking',
  'Experience of abuse or neglect',
  'Parental health issues',
  'Contact with youth justice system',
  'Living in financial difficulty',
];

const contextual: Array<[string, string, string]> = [
  ['ctx_home', 'Home', '987201000000104'],
  ['ctx_school', 'School, work or training', '987211000000102'],
  ['ctx_community', 'Community', '987191000000101'],
  ['ctx_service', 'Service engagement', '987221000000108'],
];

const education: Array<[string, string, string]> = [
  ['eet_attendance', 'Attendance difficulties', '987241000000101'],
  ['eet_attainment', 'Attainment difficulties', '987231000000105'],
];

export const CURRENT_VIEW_ITEMS: readonly CurrentViewItem[] = [
  ...problems.map(([label, crossRef, snomed], i): CurrentViewItem => ({
    code: `p${i + 1}`,
    section: 'problems',
    number: i + 1,
    label,
    crossRef,
    snomed,
    scale: 'severity',
  })),
  ...complexity.map((label, i): CurrentViewItem => ({
    code: `cf${i + 1}`,
    section: 'complexity',
    number: i + 1,
    label,
    crossRef: null,
    snomed: null,
    scale: 'complexity',
  })),
  ...contextual.map(([code, label, snomed], i): CurrentViewItem => ({
    code,
    section: 'contextual',
    number: i + 1,
    label,
    crossRef: null,
    snomed,
    scale: 'severity',
  })),
  ...education.map(([code, label, snomed], i): CurrentViewItem => ({
    code,
    section: 'education',
    number: i + 1,
    label,
    crossRef: null,
    snomed,
    scale: 'severity',
  })),
];

export const CURRENT_VIEW_ITEM_BY_CODE: ReadonlyMap<string, CurrentViewItem> = new Map(
  CURRENT_VIEW_ITEMS.map((item) => [item.code, item]),
);

export const SECTION_TITLES: Record<CurrentViewSection, string> = {
  problems: 'Provisional problem descriptions',
  complexity: 'Selected complexity factors',
  contextual: 'Contextual problems',
  education: 'Education, employment or training',
};

export type CurrentViewRatings = Record<string, SeverityRating | ComplexityRating>;

/** Why the Current View is being completed (the form's options). */
export const CURRENT_VIEW_REASONS = ['first_contact', 'changed_situation', 'changed_understanding'] as const;
export type CurrentViewReason = (typeof CURRENT_VIEW_REASONS)[number];
export const CURRENT_VIEW_REASON_LABELS: Record<CurrentViewReason, string> = {
  first_contact: 'First contact',
  changed_situation: 'Changed situation',
  changed_understanding: 'Changed understanding',
};

/** When in the case the Current View was completed. */
export const CURRENT_VIEW_CONTEXTS = ['open', 'review', 'close'] as const;
export type CurrentViewContext = (typeof CURRENT_VIEW_CONTEXTS)[number];

export function ratingLabel(item: CurrentViewItem, value: SeverityRating | ComplexityRating | undefined): string {
  if (value === undefined) return 'Not rated';
  const options = item.scale === 'severity' ? SEVERITY_OPTIONS : COMPLEXITY_OPTIONS;
  return options.find((o) => o.value === value)?.label ?? 'Not rated';
}

export function itemDisplayLabel(item: CurrentViewItem): string {
  return item.crossRef ? `${item.label} (${item.crossRef})` : item.label;
}
