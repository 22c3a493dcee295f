/**
 * Runs before every web test file. vitest's globals are off, so Testing Library cannot register its
 * own cleanup: do it here, and put every store and the API back as they started.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setApiForTests } from '../api/client';
import { useCaseloadViewStore } from '../stores/caseload-view';
import { useLockStore } from '../stores/lock';
import { useNavigationStore } from '../stores/navigation';
import { useSessionStore } from '../stores/session';
import { useSyncStore } from '../stores/sync';
import { useTeamViewStore } from '../stores/team-view';
import { useUnsavedChangesStore } from '../stores/unsaved-changes';

// React only runs effects synchronously inside act() when it knows it is under test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no layout, so no scrolling; components may still ask for it.
if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}

// axe-core probes for a canvas (icon ligatures); jsdom has none and would print a warning per call.
HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;

function reset<S>(store: { getInitialState(): S; setState(state: S, replace: true): void }): void {
  store.setState(store.getInitialState(), true);
}

afterEach(() => {
  cleanup();
  setApiForTests(null);
  reset(useNavigationStore);
  reset(useSessionStore);
  reset(useCaseloadViewStore);
  reset(useTeamViewStore);
  reset(useUnsavedChangesStore);
  reset(useLockStore);
  reset(useSyncStore);
  document.title = '';
});
