/**
 * The app lock as the renderer sees it: checking, setup, locked or unlocked (from lock:status and the
 * lock calls). Locking forgets every record the renderer holds (app state, search text, filters) but
 * keeps the route, so unlocking returns to the same screen and loads it afresh. Passphrases pass
 * through these actions to main and are never kept here.
 */
import { create } from 'zustand';
import { request, setLockedListener, toApiError } from '../api/client';
import type { LockStatus } from '../../shared/ipc/security-types';
import { useCaseloadViewStore } from './caseload-view';
import { useNavigationStore } from './navigation';
import { useSessionStore } from './session';
import { useSyncStore } from './sync';
import { useTeamViewStore } from './team-view';
import { useUnsavedChangesStore } from './unsaved-changes';

export type LockScreenState = 'checking' | 'setup' | 'locked' | 'unlocked' | 'error';

interface LockStoreState {
  state: LockScreenState;
  autoLockMinutes: number;
  /** Told once, on the first screen after unlocking, when start-up restored a backup. */
  recoveryNotice: string | null;
  /** Locked (by this window) with team changes not yet sent: the lock screen says they are kept. */
  unsentAtLock: boolean;
  error: string | null;
  actions: {
    check(): Promise<void>;
    /** A lock status from main (after setup, unlock or recovery). */
    apply(status: LockStatus): void;
    /** Main said 'locked' (its idle backstop, another window): show the lock screen, forget the records. */
    lockedByMain(): void;
    /** "Lock" or the idle timer: forget the records at once, then tell main. */
    lockNow(options?: { unsent?: boolean }): Promise<void>;
    dismissRecoveryNotice(): void;
  };
}

function reset<S>(store: { getInitialState(): S; setState(state: S, replace: true): void }): void {
  store.setState(store.getInitialState(), true);
}

/** Everything read from the records leaves memory: the screens unmount and the stores start again. */
function forgetRecords(): void {
  reset(useSessionStore);
  reset(useCaseloadViewStore);
  reset(useTeamViewStore);
  reset(useUnsavedChangesStore);
  reset(useSyncStore);
  // The route stays (unlocking returns there); a "leave without saving?" question does not.
  useNavigationStore.setState({ pending: null });
}

export const useLockStore = create<LockStoreState>()((set, get) => ({
  state: 'checking',
  autoLockMinutes: 5,
  recoveryNotice: null,
  unsentAtLock: false,
  error: null,
  actions: {
    async check() {
      set({ state: 'checking', error: null });
      try {
        get().actions.apply(await request((api) => api.lock.status({})));
      } catch (error) {
        set({ state: 'error', error: toApiError(error).message });
      }
    },
    apply(status) {
      if (status.state !== 'unlocked') forgetRecords();
      set({
        state: status.state,
        autoLockMinutes: status.autoLockMinutes,
        recoveryNotice: status.recoveryNotice ?? (status.state === 'unlocked' ? get().recoveryNotice : null),
        unsentAtLock: status.state === 'locked' && get().unsentAtLock,
        error: null,
      });
    },
    lockedByMain() {
      if (get().state === 'locked' || get().state === 'setup') return;
      forgetRecords();
      set({ state: 'locked', recoveryNotice: null, unsentAtLock: false });
    },
    async lockNow(options) {
      forgetRecords();
      set({ state: 'locked', recoveryNotice: null, unsentAtLock: options?.unsent ?? false });
      try {
        get().actions.apply(await request((api) => api.lock.lock({})));
      } catch {
        // The records are already off the screen. Ask main where it stands: a session opened with a key
        // (the e2e bridge) refuses lock:lock and stays unlocked, so the app comes back; a real lock that
        // could not be reached stays on the lock screen (main also locks itself after its idle time).
        await get().actions.check();
      }
    },
    dismissRecoveryNotice() {
      set({ recoveryNotice: null });
    },
  },
}));

setLockedListener(() => useLockStore.getState().actions.lockedByMain());

export const useLockState = (): LockScreenState => useLockStore((s) => s.state);
export const useLockError = (): string | null => useLockStore((s) => s.error);
export const useAutoLockMinutes = (): number => useLockStore((s) => s.autoLockMinutes);
export const useUnsentAtLock = (): boolean => useLockStore((s) => s.unsentAtLock);
export const useRecoveryNotice = (): string | null => useLockStore((s) => s.recoveryNotice);
export const useLockActions = (): LockStoreState['actions'] => useLockStore((s) => s.actions);
