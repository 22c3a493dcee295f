import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { jamie } from '../../../tests/support/app-api/seed';
import { refusedPush, teamBackend } from '../../../tests/support/app-api/team-mode';

const SERVER_WORDS = 'You are not a member of this case’s team on the server, so it cannot be sent. Ask your service admin.';

/**
 * A case saved here whose push the team server refused (403), as the real device store records it
 * (the refusal against the real server: tests/integration/team-sync-refused.test.ts).
 */
async function oneRefused() {
  const { backend, signIn } = teamBackend({ browser: true });
  const caseId = backend.seedCase(jamie());
  refusedPush(backend, caseId, SERVER_WORDS);
  // Signed in (the server itself unreachable here): a refused change is what the header has to say.
  const signingIn = backend.ok('sync:signIn', {});
  signIn.finishInBrowser();
  await signingIn;
  return { backend, caseId };
}

describe('Changes the team server refused', () => {
  it('are counted in the header, which leads to each case with the server words and what to do', async () => {
    const { user } = await renderApp({ backend: (await oneRefused()).backend });
    const link = await within(screen.getByRole('banner')).findByRole('link', { name: '1 change the team server refused' });
    link.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 2, name: 'Changes the team server refused' });
    const section = await screen.findByRole('region', { name: 'RIO-1001 · Jamie Lee' });
    expect(section.textContent).toContain(SERVER_WORDS);
    expect(section.textContent).toMatch(/Ask your team lead to check you are in .+ on the team server, then choose Try again/);
    expect(screen.getByText('There are no conflicts to resolve.')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('try again puts the case back among the changes to send, keeping it on this computer', async () => {
    const { backend, caseId } = await oneRefused();
    const { user } = await renderApp({ backend, route: { name: 'resolve-conflicts' } });
    const section = await screen.findByRole('region', { name: 'RIO-1001 · Jamie Lee' });
    await user.click(within(section).getByRole('button', { name: 'Try again' }));
    await screen.findByText(/RIO-1001 \(Jamie Lee\) is back among the changes to send/);
    expect(screen.queryByRole('region', { name: 'RIO-1001 · Jamie Lee' })).toBeNull();
    expect(backend.getCase(caseId).summary.caseRef).toBe('RIO-1001');
  });
});
