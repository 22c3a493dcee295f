import type { Flag } from '../../../shared/domain/flags';
import { Tag } from '../../components/Tag';

/** Lines a row has room for: every row of the virtualised table has one fixed height. */
const LINES = 3;

/**
 * A case's flags in the team table: each flag's tag with its reason on one line (cut with an
 * ellipsis when long; the whole reason stays in the text for screen readers and is on the case page).
 * More flags than lines: the last line lists the rest as tags, their reasons kept for screen readers.
 */
export function TeamFlags({ flags }: { flags: readonly Flag[] }) {
  if (flags.length === 0) return <span className="muted">None</span>;
  const full = flags.length > LINES ? flags.slice(0, LINES - 1) : flags;
  const rest = flags.slice(full.length);
  return (
    <ul className="team-flags">
      {full.map((f) => (
        <li className="team-flags__item" key={f.code}>
          <Tag tone={f.severity}>{f.label}</Tag> <span className="team-flags__reason">{f.reason}</span>
        </li>
      ))}
      {rest.length > 0 ? (
        <li className="team-flags__item">
          {rest.map((f) => (
            <span key={f.code}>
              <Tag tone={f.severity}>{f.label}</Tag> <span className="visually-hidden">{f.reason} </span>
            </span>
          ))}
        </li>
      ) : null}
    </ul>
  );
}
