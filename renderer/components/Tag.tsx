import type { ReactNode } from 'react';
import type { Flag } from '../../shared/domain/flags';

export type TagTone = 'urgent' | 'warning' | 'info' | 'neutral';

/** A coloured label. Colour is never the only signal: the text always says what it is. */
export function Tag({ tone, children }: { tone: TagTone; children: ReactNode }) {
  return <strong className={`tag tag--${tone}`}>{children}</strong>;
}

/** Flags with their reasons visible, so nobody has to open the case to know why. */
export function FlagList({ flags }: { flags: readonly Flag[] }) {
  return (
    <ul className="flag-list">
      {flags.map((flag) => (
        <li className="flag-list__item" key={flag.code}>
          <Tag tone={flag.severity}>{flag.label}</Tag> <span className="flag-list__reason">{flag.reason}</span>
        </li>
      ))}
    </ul>
  );
}
