import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setApiForTests } from '../api/client';
import { CasePage } from '../features/case/CasePage';
import { useNavigationStore, type CaseTab, type Route } from '../stores/navigation';
import { useSessionStore } from '../stores/session';
import type { TestBackend } from '../../tests/support/app-api/backend';

/**
 * The case page on its own inside a <main> landmark (so axe's landmark rules apply), for a case seeded
 * through the real handlers. Navigation is observed through the route store rather than by rendering
 * the next screen, so these tests do not depend on the forms behind "Record a review" and the like.
 */
export async function renderCasePage(options: {
  backend: TestBackend;
  caseId: string;
  tab?: CaseTab;
  from?: { name: 'team'; clinicianId?: string };
  /** Wait for this (an error alert) instead of the case's heading. */
  expectAlert?: boolean;
}) {
  const { backend, caseId } = options;
  setApiForTests(backend.api);
  const appState = await backend.api.app.state({});
  if (!appState.ok) throw new Error(appState.error.message);
  useSessionStore.setState({ status: 'ready', error: null, appState: appState.value });
  useNavigationStore.setState({
    route: { name: 'case', caseId, ...(options.tab ? { tab: options.tab } : {}), ...(options.from ? { from: options.from } : {}) },
  });
  const user = userEvent.setup();
  const view = render(
    <main>
      <CasePage caseId={caseId} />
    </main>,
  );
  if (options.expectAlert) await screen.findByRole('alert');
  else await screen.findByRole('heading', { level: 1, name: backend.getCase(caseId).summary.name });
  return { user, backend, ...view, route: (): Route => useNavigationStore.getState().route };
}
