import { useCallback, useRef, useState } from 'react';
import type { SummaryKind } from '../../../shared/ipc/schemas/export';
import type { SummaryText } from '../../../shared/ipc/import-types';
import { request, toApiError } from '../../api/client';
import { copyToClipboard } from '../../lib/clipboard';

export type CopyState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'copied'; title: string }
  /** The clipboard refused: the text is shown to copy by hand. */
  | { status: 'manual'; summary: SummaryText }
  | { status: 'failed'; message: string };

/** The announced line after a copy (the wording the user pastes by). */
export function copiedMessage(title: string): string {
  return `${title} copied. Paste it into the progress note.`;
}

/**
 * Asks main for a plain-text summary (plan, review or ending) and puts it on the clipboard. A second
 * press while one is being prepared does nothing.
 */
export function useCopySummary(caseId: string) {
  const [state, setState] = useState<CopyState>({ status: 'idle' });
  const busy = useRef(false);

  const copy = useCallback(
    async (kind: SummaryKind, reviewId?: string) => {
      if (busy.current) return;
      busy.current = true;
      setState({ status: 'busy' });
      try {
        const summary = await request((api) => api.export.summaryText({ caseId, kind, ...(reviewId ? { reviewId } : {}) }));
        const copied = await copyToClipboard(summary.text);
        setState(copied ? { status: 'copied', title: summary.title } : { status: 'manual', summary });
      } catch (error) {
        setState({ status: 'failed', message: toApiError(error).message });
      } finally {
        busy.current = false;
      }
    },
    [caseId],
  );

  const closeDialog = useCallback(() => setState({ status: 'idle' }), []);
  return { state, copy, closeDialog };
}
