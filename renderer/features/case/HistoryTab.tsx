import { formatUkDateTime } from '../../../shared/dates';
import type { HistoryEntry } from '../../../shared/ipc/types';
import { useApiData } from '../../hooks/use-api-data';
import { LoadProblem, Loading } from '../../components/page';

/** An empty value (main sends null for "nothing"): a dash on screen, a word for screen readers. */
function Value({ value }: { value: string | null }) {
  if (value !== null) return <>{value}</>;
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">none</span>
    </>
  );
}

function Changes({ changes }: { changes: HistoryEntry['changes'] }) {
  if (changes.length === 0) return <span className="muted">Added</span>;
  return (
    <ul className="list list--plain">
      {changes.map((c, i) => (
        <li key={i}>
          {c.field}: <Value value={c.before} /> → <Value value={c.after} />
        </li>
      ))}
    </ul>
  );
}

/** The table of audit entries: newest first, each with who, what and the fields it changed. */
export function HistoryTable({ entries }: { entries: readonly HistoryEntry[] }) {
  if (entries.length === 0) return <p>Nothing recorded yet.</p>;
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <div className="table-container">
      <table className="table history-table">
        {/* The tab's heading already says "History" on screen; the caption names the table for screen readers. */}
        <caption className="visually-hidden">History</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Changes</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{formatUkDateTime(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{e.summary}</td>
              <td>
                <Changes changes={e.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The case's audit trail from main (every write is audited there): loaded when this tab is opened. */
export function HistoryTab({ caseId }: { caseId: string }) {
  const { data, reload } = useApiData((api) => api.cases.history({ caseId }), `history:${caseId}`);
  return (
    <section aria-labelledby="history-heading">
      <h2 className="heading-l" id="history-heading">
        History
      </h2>
      <p className="hint">Every change to this case, newest first: who made it, when, and what it changed.</p>
      {data.status === 'loading' ? <Loading what="the history" /> : null}
      {data.status === 'error' ? <LoadProblem message={data.error.message} onRetry={reload} /> : null}
      {data.status === 'ready' ? <HistoryTable entries={data.value} /> : null}
    </section>
  );
}
