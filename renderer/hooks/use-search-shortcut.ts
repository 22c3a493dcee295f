/**
 * The `/` key that jumps to a page's search box (the caseload and the team view), and the test of
 * whether someone is typing in a field, which both the shortcut and the page heading's focus on
 * arrival (components/page.tsx) respect: a key or a screen change never takes focus away from a field.
 */
import { useEffect, type RefObject } from 'react';

/** The element takes typed text: an input, textarea, select or editable content. */
export function isTypingField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** `/` focuses `searchRef`'s box from anywhere on the page except while typing in a field. */
export function useSearchShortcut(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTypingField(event.target)) return;
      // Left alone when there is no box (yet): the key then does what it would anywhere else.
      if (!searchRef.current) return;
      event.preventDefault();
      searchRef.current.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [searchRef]);
}
