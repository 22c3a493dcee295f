/**
 * Team sync as the renderer sees it: main's last SyncStatus (mode, state, counts, who is signed in).
 * Not a copy of any record: it holds counts and the signed-in person, read again on a timer and after
 * every sync call, so the header can never drift far from main. Solo mode keeps `status.mode` 'solo'
 * and nothing about sync is shown.
 */
import { create } from 'zustand';
import { request } from '../api/client';
import type { SyncStatus } from '../../shared/ipc/schemas/sync';

interface SyncStoreState {
  status: SyncStatus | null;
  actions: {
    /** Reads sync:status; a failure keeps the last status (the header must not flicker to nothing). */
    refresh(): Promise<SyncStatus | null>;
    /** A status answered by another sync call (connect, sign in, resolve…), read after its round. */
    apply(status: SyncStatus): void;
  };
}

export const useSyncStore = create<SyncStoreState>()((set, get) => ({
  status: null,
  actions: {
    async refresh() {
      try {
        const status = await request((api) => api.sync.status({}));
        set({ status });
        return status;
      } catch {
        return get().status;
      }
    },
    apply(status) {
      set({ status });
    },
  },
}));

export const useSyncStatus = (): SyncStatus | null => useSyncStore((s) => s.status);
export const useTeamMode = (): boolean => useSyncStore((s) => s.status?.mode === 'team');
export const useSyncActions = (): SyncStoreState['actions'] => useSyncStore((s) => s.actions);
