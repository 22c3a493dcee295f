/**
 * The caseload component tests' caseload (four cases, one per situation) and the questions they ask of
 * the screen. Under test-support/ (not beside the screen) because it imports the test backend, which the
 * app's own type check must never see.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import { renderApp } from './render-app';
import { createTestBackend, type TestBackend } from '../../tests/support/app-api/backend';

export const SEARCH = 'Search by name, case reference or NHS number';

/** Four cases, one per situation, seeded through the real channels relative to the tests' today (11/01/2027). */
export function backendWithCaseload(): TestBackend {
  const backend = createTestBackend();
  backend.seedCase({
    name: 'Riley Shaw',
    caseRef: 'RIO-2001',
    openDate: '2026-11-16',
    grouping: 'getting_help',
    plan: {
      agreedDate: '2026-11-20',
      reviewDate: '2027-01-08',
      targetDate: '2027-03-01',
      goals: [{ description: 'Sleep through the night', ratings: [{ date: '2026-11-20', score: 3 }, { date: '2027-01-05', score: 5 }] }],
    },
  });
  backend.seedCase({ name: 'Sam Patel', caseRef: 'RIO-2002', openDate: '2026-12-01', nhsNumber: '9434765919' });
  backend.seedCase({
    name: 'Jo Okafor',
    caseRef: 'RIO-2003',
    openDate: '2027-01-04',
    grouping: 'getting_advice',
    plan: { agreedDate: '2027-01-04', reviewDate: '2027-01-15' },
  });
  backend.seedCase({
    name: 'Alex Brown',
    caseRef: 'RIO-2004',
    openDate: '2027-01-10',
    grouping: 'getting_more_help',
    plan: { agreedDate: '2027-01-10', reviewDate: '2027-02-21' },
  });
  return backend;
}

export async function openCaseload(backend = backendWithCaseload()) {
  const r = await renderApp({ backend });
  await screen.findByRole('heading', { level: 1, name: 'My caseload' });
  await waitFor(() => expect(screen.queryByText(/Loading your caseload/)).toBeNull());
  return r;
}

export const table = () => screen.getByRole('table', { name: 'My open cases' });
export const rowNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);
export const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr')!;

/** Holds the caseload's answer from main while `hold()`en, until `release()`: a slow load, on demand. */
export function holdCaseload(backend: TestBackend) {
  let release = () => {};
  return {
    hold: () => {
      release = backend.hold('caseload:list');
    },
    release: () => act(() => release()),
  };
}
