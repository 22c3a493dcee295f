/**
 * Team sync as the renderer sees it: main's last SyncStatus (mode, state, counts, who is signed in).
 * Not a copy of any record: it holds counts and the signed-in person, read again on a timer and after
 * every sync call, so the header can never drift far from main. Solo mode keeps `status.mode` 'solo'
 * and nothing about sync is shown.
 */
import { create } from 'zustand';
import { request } from '../api/client';
import type { SyncStatus } from '../../shared/ipc/schemas/sync';
import { useSessionStore } from './session';

interface SyncStoreState {
  status: SyncStatus | null;
  actions: {
    /** Reads sync:status; a failure keeps the last status (the header must not flicker to nothing). */
    refresh(): Promise<SyncStatus | null>;
    /** A status answered by another sync call (connect, sign in, resolve…), read after its round. */
    apply(status: SyncStatus): void;
    /** Sends and receives now (sync:now), as "Sync now" asks; a failure keeps the last status. */
    syncNow(): Promise<void>;
  };
}

let followed: string | null = null;

/**
 * Signing in makes the server's person this device's profile, with the server's role
 * (main/sync/directory.ts). The session's copy of the profile must follow at once: it is the lead
 * clinician a new case defaults to (else the case goes to the old solo profile and never reaches the
 * team) and it decides whether the Team link shows. Once per person and role, so a status read on a
 * timer does not reload the app state again and again.
 */
function followPerson(status: SyncStatus): void {
  const person = status.mode === 'team' ? status.person : null;
  const profile = useSessionStore.getState().appState?.profile;
  if (!person || !profile) return;
  const key = `${person.id} ${person.role}`;
  if ((profile.id === person.id && profile.role === person.role) || followed === key) return;
  followed = key;
  void useSessionStore.getState().actions.load({ quiet: true });
}

export const useSyncStore = create<SyncStoreState>()((set, get) => ({
  status: null,
  actions: {
    async refresh() {
      try {
        const status = await request((api) => api.sync.status({}));
        set({ status });
        followPerson(status);
        return status;
      } catch {
        return get().status;
      }
    },
    apply(status) {
      set({ status });
      followPerson(status);
    },
    async syncNow() {
      try {
        get().actions.apply(await request((api) => api.sync.now({})));
      } catch {
        await get().actions.refresh();
      }
    },
  },
}));

export const useSyncStatus = (): SyncStatus | null => useSyncStore((s) => s.status);
export const useTeamMode = (): boolean => useSyncStore((s) => s.status?.mode === 'team');
export const useSyncActions = (): SyncStoreState['actions'] => useSyncStore((s) => s.actions);
