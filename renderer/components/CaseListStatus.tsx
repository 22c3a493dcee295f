import { plural } from '../lib/plural';

/**
 * The line above a list of cases (the caseload, the team view): how many are open, how many need
 * action and, while a search or filter hides some, how many are shown. A status, so a screen reader
 * hears the count change as the search narrows.
 */
export function CaseCountLine({ prefix = '', total, actionCount, shown }: { prefix?: string; total: number; actionCount: number; shown: number }) {
  return (
    <p className="lede" role="status">
      {prefix}
      {plural(total, 'open case', 'open cases')}, {plural(actionCount, 'needs action', 'need action')}
      {shown !== total ? `. Showing ${shown} that match.` : ''}
    </p>
  );
}

/** In place of the table when the search and filters leave no case, with the way back to all of them. */
export function NoCasesMatch({ onClear }: { onClear(): void }) {
  return (
    <div className="inset">
      <p>No open cases match your search and filters.</p>
      <button type="button" className="button button--secondary" onClick={onClear}>
        Clear search and filters
      </button>
    </div>
  );
}
