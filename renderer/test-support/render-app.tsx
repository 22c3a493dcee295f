import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { App } from '../App';
import { setApiForTests } from '../api/client';
import { useNavigationStore, type Route } from '../stores/navigation';
import { createTestBackend, type TestBackend } from '../../tests/support/app-api/backend';

/**
 * Renders the whole app (header, landmarks, dialog) on one screen over the real handlers
 * (tests/support/app-api/backend.ts), the way a user meets it. Waits until app state has loaded so
 * tests start from a settled screen.
 */
export async function renderApp(options: { backend?: TestBackend; route?: Route } = {}) {
  const backend = options.backend ?? createTestBackend();
  setApiForTests(backend.api);
  if (options.route) useNavigationStore.setState({ route: options.route });
  const user = userEvent.setup();
  const view = render(<App />);
  await waitFor(() => expect(screen.queryByText(/^Loading THRIVE Plans/)).toBeNull());
  return { backend, user, ...view };
}
