import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../test-support/axe';
import { renderApp } from '../test-support/render-app';
import { jamie } from '../../tests/support/app-api/seed';
import { colleagueChange, pull, refusedByServer, teamBackend, TOO_OLD } from '../../tests/support/app-api/team-mode';
import type { TestBackend } from '../../tests/support/app-api/backend';

import { SYNC_POLL_MS } from './SyncIndicator';

const banner = () => screen.getByRole('banner');
/** The changes waiting, as the device store counts them (one outbox row per audited write). */
const waiting = (backend: TestBackend) => backend.db().prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
/** The polite live region the header speaks through. */
const announced = () => banner().querySelector('[role="status"]')?.textContent ?? '';

describe("The header's team sync state", () => {
  it('shows nothing in solo mode', async () => {
    await renderApp();
    await screen.findByRole('heading', { level: 1, name: 'My caseload' });
    expect(banner().textContent).not.toMatch(/Team sync|Up to date|waiting|Signed out/);
    expect(announced()).toBe('');
  });

  it('signed out: counts the changes real saves left waiting, reads again on its timer, with no accessibility violations', async () => {
    const { backend } = teamBackend();
    backend.seedCase(jamie());
    const first = waiting(backend);
    expect(first).toBeGreaterThan(0);
    await renderApp({ backend });
    await within(banner()).findByText(`Signed out · sign in to send ${first} changes`);
    // The role and team in the header are the team server's.
    expect(banner().textContent).toContain('Alex Morgan (Clinician), Riverside CAMHS');
    await expectNoAxeViolations();

    // Another save waits too; the header reads it on its next tick, and the state (still signed out)
    // is not announced again for a count that moved.
    backend.seedCase({ name: 'Sam Patel', caseRef: 'RIO-1002', openDate: '2027-01-04' });
    const second = waiting(backend);
    expect(second).toBeGreaterThan(first);
    act(() => backend.timers.advance(SYNC_POLL_MS));
    await within(banner()).findByText(`Signed out · sign in to send ${second} changes`);
    expect(announced()).toBe('');
  });

  it('a pulled conflict becomes a link to the conflicts screen, announced politely', async () => {
    const { backend } = teamBackend();
    const caseId = backend.seedCase(jamie());
    await renderApp({ backend });
    await within(banner()).findByText(/^Signed out/);

    // A colleague's version of the case arrives while this one's changes wait: the device store keeps both.
    pull(backend, [colleagueChange(backend, caseId, (doc) => void (doc.tables.goals[0]!.description = 'Go back to school part-time'))]);
    act(() => backend.timers.advance(SYNC_POLL_MS));
    const link = await within(banner()).findByRole('link', { name: '1 conflict to resolve' });
    expect(announced()).toBe('Team sync: 1 conflict to resolve.');
    expect(banner().querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
    expect(link.getAttribute('href')).toBe('#resolve-conflicts');
  });

  it("a refusal shows the server's words", async () => {
    const { backend } = teamBackend();
    refusedByServer(backend);
    await renderApp({ backend });
    await within(banner()).findByText(`Refused: ${TOO_OLD}`);
    await expectNoAxeViolations();
  });

  it('"Sync now" runs a round at once, by keyboard, and the header shows where it ended', async () => {
    const { backend, signIn } = teamBackend({ browser: true });
    backend.seedCase(jamie());
    // Signed in, the server itself out of reach here (the real one: tests/e2e/team-sync.e2e.test.ts).
    const signingIn = backend.ok('sync:signIn', {});
    signIn.finishInBrowser();
    await signingIn;
    const { user } = await renderApp({ backend });
    const before = waiting(backend);
    await within(banner()).findByText(new RegExp(`^Offline since \\d\\d:\\d\\d · ${before} changes waiting$`));
    await expectNoAxeViolations();

    // Another save waits; the header has not read it yet. "Sync now" runs a round and shows its end.
    backend.seedCase({ name: 'Sam Patel', caseRef: 'RIO-1002', openDate: '2027-01-04' });
    const button = within(banner()).getByRole('button', { name: 'Sync now' });
    button.focus();
    await user.keyboard('{Enter}');
    const after = waiting(backend);
    expect(after).toBeGreaterThan(before);
    await within(banner()).findByText(new RegExp(`^Offline since \\d\\d:\\d\\d · ${after} changes waiting$`));
    expect(within(banner()).getByRole('button', { name: 'Sync now' })).toBe(document.activeElement);
  });

  it('offers no "Sync now" when signed out: Settings signs in', async () => {
    const { backend } = teamBackend();
    backend.seedCase(jamie());
    await renderApp({ backend });
    await within(banner()).findByText(/^Signed out/);
    expect(within(banner()).queryByRole('button', { name: 'Sync now' })).toBeNull();
  });
});
