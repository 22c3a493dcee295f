import { useEffect, useRef } from 'react';

/**
 * Moves focus after the next render, to an element that only exists then (a goal just added) or
 * away from one that has gone (the "Remove" button just pressed), so focus is never lost to the page.
 */
export function useFocusAfterRender(): (id: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (pending.current) {
      document.getElementById(pending.current)?.focus();
      pending.current = null;
    }
  });
  return (id: string) => {
    pending.current = id;
  };
}
