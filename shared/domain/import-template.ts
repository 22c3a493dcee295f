/**
 * The caseload import template (docs/exports.md, "Import"): the columns a caseload CSV may carry, their headers as the
 * app writes them (the cases CSV export uses exactly these headers, so an export imports back), which
 * are required, and the other names EHR reports commonly use for them (matched automatically; anything
 * else is matched by the user in the column-mapping step).
 *
 * A plan is optional per row; when any plan column is filled, the plan columns marked `plan` are needed.
 */
import { MAX_GOALS } from './gbo';

export const GOAL_NUMBERS = Array.from({ length: MAX_GOALS }, (_, i) => i + 1);

export interface ImportColumn {
  key: string;
  /** The header the app writes and the template shows. */
  header: string;
  required: boolean;
  /** Part of the plan: needed (see planNeeds) when any plan column of the row is filled. */
  plan: boolean;
  /** What to put in it (docs/exports.md and the mapping step show this). */
  help: string;
  /** Other names for the column in EHR reports, compared after normalising (see normaliseHeader). */
  aliases: readonly string[];
}

function goalColumns(n: number): ImportColumn[] {
  return [
    { key: `goal${n}`, header: `Goal ${n}`, required: false, plan: true, help: `Goal ${n} in the young person's own words`, aliases: [`goal ${n} description`, `goal${n} text`] },
    { key: `goal${n}FirstRating`, header: `Goal ${n} first rating`, required: false, plan: true, help: 'Whole number 0 to 10', aliases: [`goal ${n} baseline`, `goal ${n} first score`] },
    { key: `goal${n}FirstRatedOn`, header: `Goal ${n} first rated`, required: false, plan: true, help: 'dd/mm/yyyy; blank means the plan agreed date', aliases: [`goal ${n} baseline date`, `goal ${n} first rating date`] },
    { key: `goal${n}LatestRating`, header: `Goal ${n} latest rating`, required: false, plan: true, help: 'Whole number 0 to 10; blank if rated only once', aliases: [`goal ${n} latest score`, `goal ${n} current rating`] },
    { key: `goal${n}LatestRatedOn`, header: `Goal ${n} latest rated`, required: false, plan: true, help: 'dd/mm/yyyy, on or after the first rating', aliases: [`goal ${n} latest rating date`, `goal ${n} latest date`] },
  ];
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'caseRef', header: 'Case ref', required: true, plan: false, help: "The team's case reference (letters, numbers, - / _ .)", aliases: ['case reference', 'case id', 'reference', 'referral id', 'local id', 'case number'] },
  { key: 'name', header: 'Name', required: true, plan: false, help: "Young person's name", aliases: ["young person's name", 'young person', 'patient name', 'full name', 'client name'] },
  { key: 'dateOfBirth', header: 'Date of birth', required: true, plan: false, help: 'dd/mm/yyyy', aliases: ['dob', 'birth date', 'd.o.b.'] },
  { key: 'nhsNumber', header: 'NHS number', required: false, plan: false, help: '10 digits, may be spaced 3 3 4; blank if not known', aliases: ['nhs no', 'nhs', 'nhs num', 'nhsnumber'] },
  { key: 'referralDate', header: 'Referral date', required: true, plan: false, help: 'dd/mm/yyyy', aliases: ['date of referral', 'referral received', 'referred on'] },
  { key: 'openDate', header: 'Open date', required: true, plan: false, help: 'dd/mm/yyyy', aliases: ['date opened', 'opened', 'start date', 'episode start'] },
  { key: 'leadClinician', header: 'Lead clinician', required: true, plan: false, help: 'Name of a clinician in your team (a new name is added to your team)', aliases: ['clinician', 'care coordinator', 'key worker', 'lead professional', 'allocated clinician'] },
  { key: 'coordinatingAgency', header: 'Coordinating agency', required: false, plan: false, help: 'Blank means CAMHS', aliases: ['agency', 'service'] },
  { key: 'grouping', header: 'Grouping', required: false, plan: true, help: 'THRIVE grouping: Getting Advice, Getting Help, Getting More Help or Getting Risk Support', aliases: ['thrive grouping', 'thrive', 'needs based grouping', 'grouping now'] },
  { key: 'planAgreedDate', header: 'Plan agreed', required: false, plan: true, help: 'dd/mm/yyyy', aliases: ['plan agreed date', 'plan date', 'date plan agreed'] },
  { key: 'agreedOutcome', header: 'What success would look like', required: false, plan: true, help: 'In plain words', aliases: ['agreed outcome', 'success', 'outcome'] },
  { key: 'endingCriteria', header: 'Ending criteria', required: false, plan: true, help: 'One criterion per line in the cell', aliases: ['ending criterion', 'criteria for ending'] },
  { key: 'likelihood', header: 'Likelihood', required: false, plan: true, help: 'Likely, Possible or Unlikely', aliases: ['how likely', 'likelihood by target date'] },
  { key: 'targetDate', header: 'Target date', required: false, plan: true, help: 'dd/mm/yyyy, after the plan agreed date', aliases: ['target', 'expected end date', 'planned end date'] },
  { key: 'contingency', header: 'Contingency', required: false, plan: true, help: 'What happens if not achieved by the target date', aliases: ['if not achieved', 'what if not'] },
  { key: 'riskSupportSummary', header: 'Risk-support plan summary', required: false, plan: true, help: 'Needed for Getting Risk Support', aliases: ['risk support plan', 'risk plan'] },
  { key: 'nextReviewDate', header: 'Next review', required: false, plan: true, help: 'dd/mm/yyyy: the agreed review date', aliases: ['next review date', 'review date', 'agreed review date'] },
  ...GOAL_NUMBERS.flatMap(goalColumns),
];

export type ImportColumnKey = string;

export const REQUIRED_IMPORT_COLUMNS = IMPORT_COLUMNS.filter((c) => c.required);

/** Case, spaces, punctuation and a BOM never stop a header matching: "NHS No." ≡ "nhs no". */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The automatic column match: each template column to the file header equal to its header or one of
 * its aliases after normalising; null when none is. A header is used for one column at most.
 */
export function suggestMapping(headers: readonly string[]): Record<string, string | null> {
  const used = new Set<string>();
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normaliseHeader(h))) byNorm.set(normaliseHeader(h), h);
  const mapping: Record<string, string | null> = {};
  for (const col of IMPORT_COLUMNS) {
    const names = [col.header, ...col.aliases].map(normaliseHeader);
    const found = names.map((n) => byNorm.get(n)).find((h) => h !== undefined && !used.has(h)) ?? null;
    if (found !== null) used.add(found);
    mapping[col.key] = found;
  }
  return mapping;
}
