import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test-support/render-app';
import { expectNoAxeViolations } from '../../test-support/axe';
import { jamie } from '../../../tests/support/app-api/seed';
import { clockOffBy, COLLEAGUE, pull, teamBackend, teamDevicesReported } from '../../../tests/support/app-api/team-mode';
import type { TestBackend } from '../../../tests/support/app-api/backend';

const SLOW = { timeout: 5000 };

/** What a lead's device keeps from GET /v1/teams/:teamId/devices (main/sync/team-devices.ts). */
function serverReported(backend: TestBackend, asOf: string): void {
  teamDevicesReported(backend, [
      {
        teamId: backend.teamId,
        asOf,
        devices: [
          { deviceId: 'sam-laptop', personId: COLLEAGUE.id, personName: 'Sam Lee', lastSeenAt: '2027-01-09T17:40:00.000Z', pending: 4, oldestPendingAt: '2027-01-09T09:10:00.000Z' },
          { deviceId: 'ben-desk', personId: COLLEAGUE.id, personName: COLLEAGUE.name, lastSeenAt: '2027-01-11T08:00:00.000Z', pending: 0, oldestPendingAt: null },
          { deviceId: 'lead-laptop', personId: backend.profile.id, personName: backend.profile.name, lastSeenAt: '2027-01-11T10:19:00.000Z', pending: 2, oldestPendingAt: '2027-01-11T10:00:00.000Z' },
        ],
      },
  ]);
}

async function openTeamView(backend: TestBackend) {
  await renderApp({ backend, route: { name: 'team' } });
  await screen.findByRole('heading', { level: 1, name: 'Team caseload review' }, SLOW);
}

describe("The team view in team mode (the lead's device)", () => {
  it('says the cases are as of the last sync and lists computers out of touch or holding changes, with no accessibility violations', async () => {
    const { backend } = teamBackend({ role: 'team_lead' });
    backend.seedCase(jamie());
    pull(backend, []);
    serverReported(backend, '2027-01-11T10:20:00.000Z');
    await openTeamView(backend);

    expect(screen.getByTestId('team-as-of').textContent).toMatch(/^Team cases and flags as of 11\/01\/2027 10:20, when this computer last received/);
    const section = await screen.findByRole('region', { name: 'Computers to check' }, SLOW);
    expect(within(section).getByText(/^As of 11\/01\/2027 10:20, these computers had not been in touch .* more than 24 hours/)).toBeTruthy();
    // Sam's laptop: out of touch and holding work; the lead's own: changes waiting; Ben's desk: neither.
    expect(within(section).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "Sam Lee's computer: 4 changes not sent, oldest 09/01/2027 09:10; last in touch 09/01/2027 17:40",
      `${backend.profile.name}'s computer: 2 changes not sent, oldest 11/01/2027 10:00; last in touch 11/01/2027 10:19`,
    ]);
    await expectNoAxeViolations();
  });

  it('before any sync says the team cases may be incomplete, and lists no computers', async () => {
    const { backend } = teamBackend({ role: 'team_lead' });
    await openTeamView(backend);
    expect(screen.getByTestId('team-as-of').textContent).toMatch(/has not received the team's changes yet/);
    expect(screen.queryByRole('region', { name: 'Computers to check' })).toBeNull();
  });

  it("a computer clock a day behind the server's is said in the header and in Settings", async () => {
    const { backend } = teamBackend({ role: 'team_lead' });
    clockOffBy(backend, -86_400_000);
    await renderApp({ backend, route: { name: 'settings' } });
    const words = "This computer's clock is 1 day behind the team server's. Dates, flags and 'as of' times may be wrong: correct the computer's clock.";
    expect(await within(screen.getByRole('banner')).findByText(words, {}, SLOW)).toBeTruthy();
    expect(await within(screen.getByRole('main')).findByText(words, {}, SLOW)).toBeTruthy();
  });
});
