import { formatUkDate } from '../../../shared/dates';
import type { CaseDetail } from '../../../shared/ipc/types';
import { useNavigationActions } from '../../stores/navigation';

/**
 * What can be done with the case from here. An open case offers the next steps of the THRIVE cycle;
 * a closed one says plainly that it is read-only (main refuses every write to it anyway) and offers
 * the only way on: a new episode linked to this one.
 */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { navigate } = useNavigationActions();
  const s = detail.summary;
  const caseId = s.id;

  if (s.status === 'closed') {
    const ended = detail.ending?.endingDate ?? s.closedDate;
    return (
      <div className="inset case-closed">
        <p>
          <strong>This case is closed (ended {formatUkDate(ended)}) and is read-only.</strong>
        </p>
        {detail.nextEpisodeId ? (
          // Re-opening twice would fork the record into two parallel episodes: go to the one that exists.
          <p>It has already been re-opened as episode {s.episodeNo + 1}.</p>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'reopen-case', caseId })}>
            Re-open as a new episode
          </button>
        )}
      </div>
    );
  }

  return (
    <div className="button-group case-actions">
      <button type="button" className="button" onClick={() => navigate({ name: 'review', caseId })}>
        Record a review
      </button>
      {detail.plan ? (
        <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'revise-plan', caseId })}>
          Revise the plan
        </button>
      ) : null}
      <button type="button" className="button button--secondary" onClick={() => navigate({ name: 'close-case', caseId })}>
        End the case
      </button>
    </div>
  );
}

/** Links between the episodes of one young person's care (a re-opened case is a new, linked episode). */
export function EpisodeLinks({ detail }: { detail: CaseDetail }) {
  const { navigate } = useNavigationActions();
  const { previousEpisodeId, nextEpisodeId } = detail;
  const n = detail.summary.episodeNo;
  if (!previousEpisodeId && !nextEpisodeId) return null;
  const link = (caseId: string, text: string) => (
    <a
      href={`#case-${caseId}`}
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'case', caseId });
      }}
    >
      {text}
    </a>
  );
  return (
    <nav className="episode-links" aria-label="Episodes">
      <ul className="episode-links__list">
        {previousEpisodeId ? <li>{link(previousEpisodeId, `Previous episode (episode ${n - 1})`)}</li> : null}
        {nextEpisodeId ? <li>{link(nextEpisodeId, `Next episode (episode ${n + 1})`)}</li> : null}
      </ul>
    </nav>
  );
}
