import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect } from 'vitest';
import { App } from '../App';
import { setApiForTests } from '../api/client';
import { useNavigationStore, type Route } from '../stores/navigation';
import { createFakeApi, type FakeApi } from './fake-api';

/**
 * Renders the whole app (header, landmarks, dialog) on one screen with a fake API, the way a user
 * meets it. Waits until app state has loaded so tests start from a settled screen.
 */
export async function renderApp(options: { fake?: FakeApi; route?: Route } = {}) {
  const fake = options.fake ?? createFakeApi();
  setApiForTests(fake.api);
  if (options.route) useNavigationStore.setState({ route: options.route });
  const user = userEvent.setup();
  const view = render(<App />);
  await waitFor(() => expect(screen.queryByText(/^Loading THRIVE Plans/)).toBeNull());
  return { fake, user, ...view };
}
