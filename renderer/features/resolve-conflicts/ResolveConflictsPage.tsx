import { useState } from 'react';
import type { ConflictSide, ConflictView } from '../../../shared/ipc/schemas/sync';
import { request } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { focusPageHeading, LoadProblem, Loading, PageHeading, usePageTitle } from '../../components/page';
import { useApiData } from '../../hooks/use-api-data';
import { useFormErrors } from '../../lib/form-errors';
import { plural } from '../../lib/plural';
import { conflictValue, syncTime } from '../../lib/sync-words';
import { useNavigationActions } from '../../stores/navigation';
import { useToday } from '../../stores/session';
import { useSyncActions, useSyncStatus } from '../../stores/sync';
import { DropMineDialog } from './DropMineDialog';
import { RefusedChanges } from './RefusedChanges';

export const CONFLICTS_HEADING = 'Changes to resolve';

/**
 * Team mode (route 'resolve-conflicts', sync:resolve): each case whose changes made on this computer
 * met a newer version on the team server. Nothing was merged silently: the person sees theirs beside
 * the server's, field by field, and chooses. Both choices keep the other side in the audit trail.
 */
export function ResolveConflictsPage() {
  const form = useFormErrors();
  usePageTitle(CONFLICTS_HEADING, form.errors.length > 0);
  const { data, reload } = useApiData((api) => api.sync.conflicts({}), 'sync-conflicts');
  const { apply } = useSyncActions();
  const [done, setDone] = useState<string | null>(null);
  const [dropping, setDropping] = useState<ConflictView | null>(null);

  const resolve = async (conflict: ConflictView, choice: 'mine' | 'theirs') => {
    if (form.saving) return;
    setDone(null);
    await form.save(async () => {
      apply(await request((api) => api.sync.resolve({ conflictId: conflict.id, choice })));
      form.clear();
      setDropping(null);
      setDone(
        choice === 'mine'
          ? `${conflict.caseRef} (${conflict.youngPersonName}): your changes were kept on top of the server's version and will be sent to the team server.`
          : `${conflict.caseRef} (${conflict.youngPersonName}) now matches the server's version. Your changes are kept in the case's audit trail.`,
      );
      reload();
      // The buttons just pressed go with their conflict: the heading keeps the keyboard on the page.
      focusPageHeading();
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>{CONFLICTS_HEADING}</PageHeading>
      {/* Always in the page, so screen readers have registered the region before it speaks. */}
      <div role="status">{done ? <p className="notification notification--success">{done}</p> : null}</div>
      {data.status === 'loading' ? <Loading what="the changes to resolve" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {data.status === 'ready' ? (
        <ConflictList conflicts={data.value} onMine={(c) => void resolve(c, 'mine')} onTheirs={setDropping} />
      ) : null}
      <RefusedChanges />
      {dropping ? (
        <DropMineDialog conflict={dropping} onConfirm={() => void resolve(dropping, 'theirs')} onCancel={() => setDropping(null)} />
      ) : null}
    </>
  );
}

function ConflictList({
  conflicts,
  onMine,
  onTheirs,
}: {
  conflicts: readonly ConflictView[];
  onMine(c: ConflictView): void;
  onTheirs(c: ConflictView): void;
}) {
  const { navigate } = useNavigationActions();
  const refused = useSyncStatus()?.refusedChanges ?? 0;
  if (conflicts.length === 0 && refused > 0) return <p>There are no conflicts to resolve.</p>;
  if (conflicts.length === 0) {
    return (
      <>
        <p>There are no changes to resolve. Every case on this computer agrees with the team server.</p>
        <p>
          <a
            href="#caseload"
            onClick={(e) => {
              e.preventDefault();
              navigate({ name: 'caseload' });
            }}
          >
            Back to your caseload
          </a>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="lede">
        {plural(conflicts.length, 'case was', 'cases were')} changed on the team server after you changed {conflicts.length === 1 ? 'it' : 'them'} on
        this computer. Nothing has been overwritten: choose which version each case keeps.
      </p>
      {conflicts.map((c) => (
        <ConflictSection key={c.id} conflict={c} onMine={() => onMine(c)} onTheirs={() => onTheirs(c)} />
      ))}
    </>
  );
}

function ConflictSection({ conflict, onMine, onTheirs }: { conflict: ConflictView; onMine(): void; onTheirs(): void }) {
  const today = useToday();
  const headingId = `conflict-${conflict.id}`;
  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h2 className="heading-m" id={headingId}>
        {conflict.caseRef} · {conflict.youngPersonName}
      </h2>
      <p>
        Changed on the team server by {conflict.serverAuthorName}, received here at {syncTime(conflict.serverAt, today)}, while
        your changes to it were waiting to be sent.
      </p>
      <div className="table-container">
        <table className="table conflict-table">
          <caption className="table__caption table__caption--s">What differs in {conflict.caseRef}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours</th>
              <th scope="col">On the server</th>
            </tr>
          </thead>
          <tbody>
            {/* Two rows can share a label (two goals' descriptions): the position keeps them apart. */}
            {conflict.fields.map((f, i) => (
              <tr key={i}>
                <th scope="row">{f.label}</th>
                <td>
                  <ConflictSideCell side={f.mine} />
                </td>
                <td>
                  <ConflictSideCell side={f.theirs} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-group">
        <button type="button" className="button" aria-describedby={headingId} onClick={onMine}>
          Keep mine on top of theirs
        </button>
        <button type="button" className="button button--secondary" aria-describedby={headingId} onClick={onTheirs}>
          Use the server&rsquo;s version
        </button>
      </div>
    </section>
  );
}

/** One side of a difference: a value in words, a record only this side holds as its fields, or "(none)". */
function ConflictSideCell({ side }: { side: ConflictSide }) {
  if (side === null) return <span className="muted">(none)</span>;
  if (typeof side === 'string') return <>{conflictValue(side)}</>;
  return (
    <ul className="list conflict-record">
      {side.map((p) => (
        <li key={p.label}>
          {p.label}: {conflictValue(p.value)}
        </li>
      ))}
    </ul>
  );
}
