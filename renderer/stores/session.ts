/**
 * App state from main: who is using the app, the team's settings, today's date (from main's clock,
 * so tests and `--today` can set it) and how many cases exist. Loaded once at start, refreshed after
 * the profile, settings or case count change.
 */
import { create } from 'zustand';
import { request, toApiError } from '../api/client';
import type { IsoDate } from '../../shared/dates';
import type { VersionedSettings } from '../../shared/domain/settings';
import type { AppState, Clinician } from '../../shared/ipc/types';

interface SessionState {
  status: 'loading' | 'ready' | 'error';
  appState: AppState | null;
  error: string | null;
  actions: {
    /** Loads app state; `quiet` keeps the screen as it is while refreshing. */
    load(options?: { quiet?: boolean }): Promise<void>;
    setProfile(profile: Clinician): void;
    setSettings(settings: VersionedSettings): void;
  };
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  status: 'loading',
  appState: null,
  error: null,
  actions: {
    async load(options) {
      if (!options?.quiet) set({ status: 'loading', error: null });
      try {
        const appState = await request((api) => api.app.state({}));
        set({ status: 'ready', appState, error: null });
      } catch (error) {
        if (!options?.quiet || !get().appState) set({ status: 'error', error: toApiError(error).message });
      }
    },
    setProfile(profile) {
      const appState = get().appState;
      if (appState) set({ appState: { ...appState, profile } });
    },
    setSettings(settings) {
      const appState = get().appState;
      if (appState) set({ appState: { ...appState, settings } });
    },
  },
}));

export const useSessionStatus = (): SessionState['status'] => useSessionStore((s) => s.status);
export const useSessionError = (): string | null => useSessionStore((s) => s.error);
export const useProfile = (): Clinician | null => useSessionStore((s) => s.appState?.profile ?? null);
export const useSettings = (): VersionedSettings | null => useSessionStore((s) => s.appState?.settings ?? null);
export const useToday = (): IsoDate | null => useSessionStore((s) => s.appState?.today ?? null);
export const useCaseCount = (): number => useSessionStore((s) => s.appState?.caseCount ?? 0);
export const useSessionActions = (): SessionState['actions'] => useSessionStore((s) => s.actions);
