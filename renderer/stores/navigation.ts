/**
 * A small in-memory router: which screen is showing and for which case. Navigation goes through
 * `navigate`, which holds the move back (and the app asks "leave without saving?") while a form
 * has unsaved changes.
 */
import { create } from 'zustand';
import { useUnsavedChangesStore } from './unsaved-changes';

export type Route =
  | { name: 'caseload' }
  | { name: 'open-case' }
  | { name: 'current-view'; caseId: string; reviewId?: string }
  | { name: 'plan'; caseId: string }
  /** `from`: where the case was opened from when that was not the caseload (e.g. the team view), for the back link. */
  | { name: 'case'; caseId: string; tab?: CaseTab; from?: { name: 'team'; clinicianId?: string } }
  | { name: 'review'; caseId: string }
  | { name: 'revise-plan'; caseId: string; reviewId?: string }
  | { name: 'close-case'; caseId: string }
  | { name: 'reopen-case'; caseId: string }
  | { name: 'settings' }
  /** The team lead's view of the team's cases; `clinicianId` drills down to one clinician's caseload. */
  | { name: 'team'; clinicianId?: string }
  /** The caseload as FHIR or the CSV set (docs/exports.md). */
  | { name: 'export' }
  /** A caseload CSV brought in from another system (docs/exports.md, "Import"). */
  | { name: 'import' }
  /** Team mode: the cases whose local changes met a newer version on the team server (sync:resolve). */
  | { name: 'resolve-conflicts' }
  /** Team mode: the cases made on this computer before joining, to upload or match (sync:join). */
  | { name: 'join-team' };

/** The sections of the case page. */
export type CaseTab = 'plan' | 'goals' | 'current-view' | 'reviews' | 'ending' | 'history';

interface NavigationState {
  route: Route;
  /** Where the user asked to go while a form had unsaved changes; the dialog decides. */
  pending: Route | null;
  actions: {
    navigate(route: Route): void;
    /** After a successful save: the form's typing is now stored, so no warning. */
    navigateAfterSave(route: Route): void;
    confirmLeave(): void;
    stayOnPage(): void;
  };
}

export const useNavigationStore = create<NavigationState>()((set, get) => ({
  route: { name: 'caseload' },
  pending: null,
  actions: {
    navigate(route) {
      if (useUnsavedChangesStore.getState().dirty) set({ pending: route });
      else set({ route, pending: null });
    },
    navigateAfterSave(route) {
      useUnsavedChangesStore.getState().actions.markClean();
      set({ route, pending: null });
    },
    confirmLeave() {
      const pending = get().pending;
      if (!pending) return;
      useUnsavedChangesStore.getState().actions.markClean();
      set({ route: pending, pending: null });
    },
    stayOnPage() {
      set({ pending: null });
    },
  },
}));

export const useRoute = (): Route => useNavigationStore((s) => s.route);
export const usePendingRoute = (): Route | null => useNavigationStore((s) => s.pending);
export const useNavigationActions = (): NavigationState['actions'] => useNavigationStore((s) => s.actions);

/**
 * Identifies a screen instance: a new key remounts the screen (fresh form, fresh data). The team view
 * keeps one key whoever is chosen, so drilling down from the Clinician select reloads the data without
 * moving focus off the select (a remount would send it to the page heading).
 */
export function routeKey(route: Route): string {
  return 'caseId' in route ? `${route.name}:${route.caseId}` : route.name;
}
