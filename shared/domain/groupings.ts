/** THRIVE needs-based groupings (docs/domain.md#thrive-groupings). One canonical code each; labels are for display. */
export const GROUPING_CODES = [
  'thriving',
  'getting_advice',
  'getting_help',
  'getting_more_help',
  'getting_risk_support',
] as const;

export type GroupingCode = (typeof GROUPING_CODES)[number];

export const GROUPING_LABELS: Record<GroupingCode, string> = {
  thriving: 'Thriving',
  getting_advice: 'Getting Advice and Signposting',
  getting_help: 'Getting Help',
  getting_more_help: 'Getting More Help',
  getting_risk_support: 'Getting Risk Support',
};

/** Short labels for dense lists (caseload rows, badges). */
export const GROUPING_SHORT_LABELS: Record<GroupingCode, string> = {
  thriving: 'Thriving',
  getting_advice: 'Getting Advice',
  getting_help: 'Getting Help',
  getting_more_help: 'Getting More Help',
  getting_risk_support: 'Getting Risk Support',
};

/** Groupings a case can be opened into: Thriving is where a case ends, not where help starts. */
export const OPENING_GROUPINGS: readonly GroupingCode[] = GROUPING_CODES.filter((g) => g !== 'thriving');

export function isGroupingCode(value: unknown): value is GroupingCode {
  return typeof value === 'string' && (GROUPING_CODES as readonly string[]).includes(value);
}

/**
 * Maps the display variants trusts use (the 2014 paper's "Coping", "Getting Advice", labels in any
 * case) onto the canonical code. Used by imports; returns null for anything unrecognised.
 */
export function groupingFromText(text: string): GroupingCode | null {
  const t = text.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  if (isGroupingCode(text.trim())) return text.trim() as GroupingCode;
  const table: Record<string, GroupingCode> = {
    thriving: 'thriving',
    coping: 'getting_advice',
    'getting advice': 'getting_advice',
    'getting advice and signposting': 'getting_advice',
    'getting help': 'getting_help',
    'getting more help': 'getting_more_help',
    'getting risk support': 'getting_risk_support',
  };
  return table[t] ?? null;
}
