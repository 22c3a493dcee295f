import { useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../shared/ipc/schemas/sync';
import { getScheduler } from '../lib/scheduler';
import { syncAnnouncement, syncHeadline } from '../lib/sync-words';
import { useNavigationActions, useRoute } from '../stores/navigation';
import { useToday } from '../stores/session';
import { useSyncActions, useSyncStatus } from '../stores/sync';

/** How often the header asks main again: often enough that "waiting" and "offline" stay honest. */
export const SYNC_POLL_MS = 15_000;

/** Reads sync:status now, after every screen change (a save navigates) and then on a timer. */
function useSyncPolling(): void {
  const { refresh } = useSyncActions();
  const route = useRoute();
  useEffect(() => {
    let cancel = () => {};
    let stopped = false;
    const tick = () => {
      void refresh().finally(() => {
        if (!stopped) cancel = getScheduler().after(SYNC_POLL_MS, tick);
      });
    };
    tick();
    return () => {
      stopped = true;
      cancel();
    };
  }, [refresh, route]);
}

/**
 * The sentence for the polite live region: set only when the state changes (not on the first read,
 * which the person has not caused, and not when a count or a time moves within one state). "Syncing"
 * is passing (a round takes a moment) and is not spoken: only where it ends.
 */
function useStateAnnouncement(status: SyncStatus | null): string {
  const last = useRef<string | null>(null);
  const [message, setMessage] = useState('');
  const key = status?.mode === 'team' ? `${status.state}:${status.state === 'conflict' ? status.conflicts : ''}` : null;
  useEffect(() => {
    if (key === null || !status || status.state === 'syncing') return;
    if (last.current !== null && last.current !== key) setMessage(syncAnnouncement(status));
    last.current = key;
  }, [key, status]);
  return message;
}

/** States in which a round can be asked for now: not while one runs, and not signed out (Settings signs in). */
const CAN_SYNC_NOW: ReadonlySet<SyncStatus['state']> = new Set(['up_to_date', 'pending', 'offline', 'conflict', 'refused']);

/**
 * "Sync now": a clinician back on the network, or about to close the laptop, need not wait for the next
 * automatic round. Kept focusable while its round runs (aria-disabled, not disabled), so focus is not
 * lost from under a keyboard user; the state it ends in is spoken by the live region.
 */
function SyncNowButton({ status }: { status: SyncStatus }) {
  const { syncNow } = useSyncActions();
  const [busy, setBusy] = useState(false);
  if (!CAN_SYNC_NOW.has(status.state) && !busy) return null;
  return (
    <button
      type="button"
      className="button button--secondary button--small header__sync-now"
      aria-disabled={busy || status.state === 'syncing'}
      onClick={() => {
        if (busy || status.state === 'syncing') return;
        setBusy(true);
        void syncNow().finally(() => setBusy(false));
      }}
    >
      {busy ? 'Syncing…' : 'Sync now'}
    </button>
  );
}

/**
 * The header's team-sync state: "Up to date · as of 14:32", "3 changes waiting · oldest 09:10",
 * "1 conflict to resolve" (a link to the conflicts screen)… Nothing in solo mode. The live region is
 * always in the page, so a screen reader has registered it before it first speaks.
 */
export function SyncIndicator() {
  useSyncPolling();
  const status = useSyncStatus();
  const today = useToday();
  const { navigate } = useNavigationActions();
  const message = useStateAnnouncement(status);
  const headline = status?.mode === 'team' ? syncHeadline(status, today) : null;

  return (
    <>
      {headline ? (
        <p className={`header__sync header__sync--${status?.state ?? ''}`}>
          <span className="visually-hidden">Team sync: </span>
          {headline.link ? (
            <a
              className="header__sync-link"
              href="#resolve-conflicts"
              onClick={(e) => {
                e.preventDefault();
                navigate({ name: 'resolve-conflicts' });
              }}
            >
              {headline.text}
            </a>
          ) : (
            headline.text
          )}
        </p>
      ) : null}
      {headline && status?.mode === 'team' ? <SyncNowButton status={status} /> : null}
      {/* A wrong clock makes dates, flags and "as of" wrong: said wherever the sync state is. */}
      {status?.mode === 'team' && status.clockWarning ? <p className="header__sync header__sync--clock">{status.clockWarning}</p> : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </>
  );
}
