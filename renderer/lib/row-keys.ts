/**
 * Moving through a long (virtualised) table by keyboard: which row a key press on a row's link asks
 * for. The caseload and the team view move the same way — arrows one row, Page Up/Down a screenful,
 * Home and End the first and last case — whatever is rendered at the time.
 */
import type { KeyboardEvent } from 'react';

/**
 * The index of the row to move to, or null when the key is not a move or did not come from a row link
 * matching `linkSelector` (the caller then leaves the event alone). Clamped to the rows there are.
 */
export function rowMoveTarget(event: KeyboardEvent<HTMLElement>, linkSelector: string, rowCount: number, pageSize: number): number | null {
  const target = event.target as HTMLElement;
  if (!target.matches(linkSelector)) return null;
  const current = Number(target.closest('tr')?.dataset.rowIndex);
  if (!Number.isInteger(current)) return null;
  const last = rowCount - 1;
  const moves: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + pageSize,
    PageUp: current - pageSize,
    Home: 0,
    End: last,
  };
  const wanted = moves[event.key];
  if (wanted === undefined || last < 0) return null;
  return Math.min(last, Math.max(0, wanted));
}
