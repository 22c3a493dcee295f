/**
 * The search text a long list is filtered by: it trails the search box the way useDeferredValue does
 * (5,000 cases filter in the background while typing stays responsive), and can be made to catch up
 * at once. A key that acts on the list (the down arrow from the search box) must act on the list for
 * the text as typed, not on the one still shown: otherwise focus lands on a row of the old list, which
 * then disappears under it (and the Enter after it is lost) or stays and opens a case not searched for.
 */
import { useCallback, useDeferredValue, useState } from 'react';
import { flushSync } from 'react-dom';

export interface DeferredSearch {
  /** The text the list is filtered by now. */
  shown: string;
  /**
   * From an event handler: the list is rendered for `current` (the search box's text at the key
   * press, read from the store: this render's may be older) before this returns, so focus can move
   * into it straight after.
   */
  catchUp(current: string): void;
  /** From a layout effect (where flushSync cannot run): the list is rendered for `current` before the next paint. */
  catchUpBeforePaint(current: string): void;
}

export function useDeferredSearch(search: string): DeferredSearch {
  const deferred = useDeferredValue(search);
  const [caughtUp, setCaughtUp] = useState<string | null>(null);
  const catchUp = useCallback((current: string) => flushSync(() => setCaughtUp(current)), []);
  return { shown: caughtUp === search ? search : deferred, catchUp, catchUpBeforePaint: setCaughtUp };
}
