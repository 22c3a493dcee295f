/**
 * The team's cases: the search and filters the caseload uses too (lib/case-search.ts), over
 * rows that arrive in urgency order (main sorts them with shared/domain/urgency.ts); filtering keeps
 * that order.
 */
export { filterCases as filterTeamRows, searchIndex } from '../../lib/case-search';
