import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import type { IpcError } from '../../shared/ipc/result';
import type { CaseDetail, HistoryEntry } from '../../shared/ipc/types';
import { setApiForTests } from '../api/client';
import { CasePage } from '../features/case/CasePage';
import { useNavigationStore, type CaseTab, type Route } from '../stores/navigation';
import { useSessionStore } from '../stores/session';
import { copy } from './fake-records';
import { createFakeApi, FAKE_TODAY } from './fake-api';

/**
 * The case page on its own inside a <main> landmark (so axe's landmark rules apply), fed a whole
 * CaseDetail from case-fixtures.ts through the typed fake's `cases:get` and `cases:history`.
 * Navigation is observed through the route store rather than by rendering the next screen, so these
 * tests do not depend on the forms behind "Record a review" and the like.
 */
export async function renderCasePage(options: {
  detail: CaseDetail;
  history?: HistoryEntry[];
  tab?: CaseTab;
  loadError?: IpcError;
  from?: { name: 'team'; clinicianId?: string };
}) {
  const fake = createFakeApi();
  const caseId = options.detail.summary.id;
  const { loadError } = options;
  fake.api.cases.get = async () => (loadError ? { ok: false, error: loadError } : { ok: true, value: copy(options.detail) });
  fake.api.cases.history = async () => ({ ok: true, value: copy(options.history ?? []) });
  setApiForTests(fake.api);
  useSessionStore.setState({
    status: 'ready',
    error: null,
    appState: { profile: fake.profile, settings: DEFAULT_SETTINGS, today: FAKE_TODAY, caseCount: 1 },
  });
  useNavigationStore.setState({
    route: { name: 'case', caseId, ...(options.tab ? { tab: options.tab } : {}), ...(options.from ? { from: options.from } : {}) },
  });
  const user = userEvent.setup();
  const view = render(
    <main>
      <CasePage caseId={caseId} />
    </main>,
  );
  if (loadError) await screen.findByRole('alert');
  else await screen.findByRole('heading', { level: 1, name: options.detail.summary.name });
  return { user, fake, ...view, route: (): Route => useNavigationStore.getState().route };
}
