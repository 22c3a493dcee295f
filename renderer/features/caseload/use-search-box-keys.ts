/**
 * The down arrow and Enter pressed in the caseload's search box, at any typing speed. The rule: the
 * down arrow moves into the list shown for the text as typed (the row the keyboard was last on while
 * it is listed, else the first case; each further press one row on), and Enter opens the row the
 * arrows reached. Two things used to break it when keys came quickly after "Back to caseload":
 *
 * - The list filters in the background (use-deferred-search.ts): a down arrow could land on a row of
 *   the previous search's list. The list now catches up before focus moves.
 * - The caseload loads after the screen opens: arrows and Enter typed in the search box before it
 *   arrived were lost. They are now kept and applied to the list when it arrives — the case they
 *   reach is the one they would have reached had it been there (and typing more cancels them).
 */
import { useCallback, useLayoutEffect, useRef } from 'react';
import type { CaseloadRow } from '../../../shared/ipc/types';
import { useCaseloadViewStore } from '../../stores/caseload-view';
import { focusCaseRow, focusHighlightedRow } from '../../components/CaseTable';

interface Options {
  /** The caseload has loaded (its list is rendered, or would be if any case matched). */
  ready: boolean;
  /** The cases listed for a search text under the current filters, in the order shown. */
  listFor(search: string): readonly CaseloadRow[];
  /** The search text the rendered list is for, and the ways to bring it up to the box's text. */
  shown: string;
  catchUp(current: string): void;
  catchUpBeforePaint(current: string): void;
  openCase(caseId: string): void;
}

/** Keys pressed in the search box while the caseload was loading, for the text the box held then. */
interface EarlyKeys {
  search: string;
  downs: number;
  enter: boolean;
}

const viewNow = () => useCaseloadViewStore.getState();

export function useSearchBoxKeys({ ready, listFor, shown, catchUp, catchUpBeforePaint, openCase }: Options) {
  const early = useRef<EarlyKeys | null>(null);
  /** The case whose row takes focus once it is rendered as the Tab stop. */
  const focusWhenShown = useRef<string | null>(null);

  const onArrowDown = useCallback(() => {
    const current = viewNow().search;
    if (!ready) {
      const kept = early.current;
      early.current = kept && kept.search === current && !kept.enter ? { ...kept, downs: kept.downs + 1 } : { search: current, downs: 1, enter: false };
      return;
    }
    catchUp(current);
    focusHighlightedRow();
  }, [ready, catchUp]);

  const onEnter = useCallback(() => {
    const kept = early.current;
    // Enter in the box means "open" only after the arrows went into the list.
    if (!ready && kept && kept.search === viewNow().search) early.current = { ...kept, enter: true };
  }, [ready]);

  // The caseload has arrived: apply what was pressed meanwhile, as the table would have.
  useLayoutEffect(() => {
    if (!ready) return;
    const kept = early.current;
    early.current = null;
    const { search, highlightedCaseId, actions } = viewNow();
    if (!kept || kept.search !== search) return;
    const listed = listFor(search);
    const start = Math.max(0, listed.findIndex((r) => r.caseId === highlightedCaseId));
    const target = listed[Math.min(listed.length - 1, start + kept.downs - 1)];
    if (!target) return;
    if (kept.enter) {
      openCase(target.caseId);
      return;
    }
    actions.highlight(target.caseId);
    catchUpBeforePaint(search);
    focusWhenShown.current = target.caseId;
  }, [ready, listFor, catchUpBeforePaint, openCase]);

  // …and focus its row once the list shown is the one for the box's text, with that row its Tab stop.
  useLayoutEffect(() => {
    const caseId = focusWhenShown.current;
    if (caseId === null || shown !== viewNow().search) return;
    if (focusCaseRow(caseId)) focusWhenShown.current = null;
  });

  return { onArrowDown, onEnter };
}
