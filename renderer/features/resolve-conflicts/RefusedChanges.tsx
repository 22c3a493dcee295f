import { useState } from 'react';
import type { RefusedChangeView } from '../../../shared/ipc/schemas/sync';
import { request, toApiError } from '../../api/client';
import { LoadProblem } from '../../components/page';
import { useApiData } from '../../hooks/use-api-data';
import { plural } from '../../lib/plural';
import { syncTime } from '../../lib/sync-words';
import { useToday } from '../../stores/session';
import { useSyncActions } from '../../stores/sync';

export const REFUSED_HEADING = 'Changes the team server refused';

/**
 * Beside the conflicts (route 'resolve-conflicts', sync:refused, sync:retry): each case whose change the
 * team server refused outright, with the server's own words and what to do. The change stays on this
 * computer and in the audit trail; "Try again" sends it once the cause is fixed (a membership granted
 * again). Shown only when there is one, so the conflicts screen reads as before otherwise.
 */
export function RefusedChanges() {
  const { data, reload } = useApiData((api) => api.sync.refused({}), 'sync-refused');
  const { apply } = useSyncActions();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const retry = async (r: RefusedChangeView) => {
    if (busy) return;
    setBusy(true);
    setSaid(null);
    try {
      const status = await request((api) => api.sync.retry({ caseId: r.caseId }));
      apply(status);
      const refusedAgain = (await request((api) => api.sync.refused({}))).some((x) => x.caseId === r.caseId);
      setSaid(
        refusedAgain
          ? { ok: false, text: `${r.caseRef} (${r.youngPersonName}) was refused again. It is still kept on this computer.` }
          : { ok: true, text: `${r.caseRef} (${r.youngPersonName}) is back among the changes to send. The header says when the team server has it.` },
      );
    } catch (error) {
      setSaid({ ok: false, text: toApiError(error).message });
    } finally {
      setBusy(false);
      reload();
    }
  };

  const list = data.status === 'ready' ? data.value : [];
  return (
    <>
      <div role="status">{said ? <p className={`notification notification--${said.ok ? 'success' : 'warning'}`}>{said.text}</p> : null}</div>
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {list.length > 0 ? (
        <section aria-labelledby="refused-heading">
          <h2 className="heading-l" id="refused-heading">
            {REFUSED_HEADING}
          </h2>
          <p className="lede">
            The team server refused {plural(list.length, 'change', 'changes')} made on this computer. Nothing has been lost: each is kept on
            this computer and in the case&rsquo;s audit trail until it can be sent.
          </p>
          {list.map((r) => (
            <RefusedSection key={r.caseId} refused={r} busy={busy} onRetry={() => void retry(r)} />
          ))}
        </section>
      ) : null}
    </>
  );
}

function RefusedSection({ refused, busy, onRetry }: { refused: RefusedChangeView; busy: boolean; onRetry(): void }) {
  const today = useToday();
  const headingId = `refused-${refused.caseId}`;
  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h3 className="heading-m" id={headingId}>
        {refused.caseRef} · {refused.youngPersonName}
      </h3>
      <p>Refused at {syncTime(refused.refusedAt, today)}. The team server said:</p>
      <blockquote className="refused__words">{refused.serverWords}</blockquote>
      <p>
        <strong>What to do:</strong> {refused.whatToDo}
      </p>
      <div className="button-group">
        <button type="button" className="button" aria-describedby={headingId} disabled={busy} onClick={onRetry}>
          Try again
        </button>
      </div>
    </section>
  );
}
