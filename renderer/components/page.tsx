import { useEffect, useRef, type ReactNode } from 'react';
import { isTypingField } from '../hooks/use-search-shortcut';

export const APP_NAME = 'THRIVE Plans';

/** Every screen names itself in the window title; "Error:" first while the form shows errors. */
export function usePageTitle(title: string, hasErrors = false): void {
  useEffect(() => {
    document.title = `${hasErrors ? 'Error: ' : ''}${title} – ${APP_NAME}`;
  }, [title, hasErrors]);
}

/**
 * The screen's h1. It takes focus when the screen opens so a screen reader starts at the new page
 * (the in-memory router does not reload the page, so nothing else would move focus) — unless a field
 * already has it: someone quick may be typing in the new screen's search box before this runs, and
 * what they type must not land on the heading and be lost.
 */
export function PageHeading({ children, caption }: { children: ReactNode; caption?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!isTypingField(document.activeElement)) ref.current?.focus();
  }, []);
  return (
    <>
      {caption ? <p className="caption">{caption}</p> : null}
      <h1 className="heading-xl page-heading" tabIndex={-1} ref={ref}>
        {children}
      </h1>
    </>
  );
}

/** Puts focus back on the screen's h1, e.g. when the button just pressed goes away. */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('h1.page-heading')?.focus();
}

/** A link that moves within the app (through the navigation guard), not a page load. */
export function BackLink({ href, onClick, children }: { href: string; onClick(): void; children: ReactNode }) {
  return (
    <a
      className="back-link"
      href={href}
      onClick={(e) => {
        e.preventDefault();
        onClick();
      }}
    >
      {children}
    </a>
  );
}

/** A loading or load-failed message for a screen's data. */
export function LoadProblem({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="inset inset--error" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}
