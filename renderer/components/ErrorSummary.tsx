import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import type { FieldError } from '../../shared/ipc/result';
import { fieldId, findFieldElement } from '../lib/field-ids';

interface Props {
  errors: readonly FieldError[];
  /** Changes on every failed submit, so the summary takes focus each time (not only the first). */
  attempt: number;
  /**
   * Lists at most this many, then one link to the next ("and 40 more…"): a summary of 50 unrated
   * Current View items would push the form off the screen. Every field still shows its own message.
   */
  maxListed?: number;
  moreMessage?: (remaining: number) => string;
  /** What the user can do about it, under the list (e.g. "Reload the case" after a conflict). */
  children?: ReactNode;
}

/**
 * The NHS.UK error summary: at the top of the form, announced, focused on a failed submit, with a
 * link to each field. A message with no field (e.g. "case not found") is listed as plain text.
 */
export function ErrorSummary({ errors, attempt, maxListed, moreMessage, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  const hasErrors = errors.length > 0;
  // Focus follows each failed submit, not every change of the list (e.g. a server error arriving later).
  useEffect(() => {
    if (attempt > 0 && hasErrors) ref.current?.focus();
  }, [attempt]);

  if (errors.length === 0) return null;

  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>, path: string) => {
    event.preventDefault();
    findFieldElement(path)?.focus();
  };
  const limit = maxListed !== undefined && moreMessage && errors.length > maxListed + 1 ? maxListed : errors.length;
  const listed = errors.slice(0, limit);
  const next = errors[limit];

  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {listed.map((error, i) => (
          <li key={`${error.path}-${i}`}>
            {error.path ? (
              <a href={`#${fieldId(error.path)}`} onClick={(e) => onLinkClick(e, error.path)}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
        {next && moreMessage ? (
          <li>
            <a href={`#${fieldId(next.path)}`} onClick={(e) => onLinkClick(e, next.path)}>
              {moreMessage(errors.length - limit)}
            </a>
          </li>
        ) : null}
      </ul>
      {children ? <div className="error-summary__actions">{children}</div> : null}
    </div>
  );
}
