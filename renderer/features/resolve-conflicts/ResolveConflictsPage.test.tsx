import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { jamie } from '../../../tests/support/app-api/seed';
import { colleagueChange, pull, teamBackend } from '../../../tests/support/app-api/team-mode';
import type { TestBackend } from '../../../tests/support/app-api/backend';

const MINE = 'Keep mine on top of theirs';
const THEIRS = /Use the server.s version/;

/**
 * Two cases saved here while signed out (so their changes wait in the outbox), then a colleague's
 * versions of both pulled from the team server: the real device store makes each a conflict.
 */
function twoConflicts() {
  const { backend, signIn } = teamBackend();
  const jamieId = backend.seedCase(jamie());
  const samId = backend.seedCase({ ...jamie(), name: 'Sam Patel', caseRef: 'RIO-1002' });
  const firstGoal = (caseId: string) => backend.getCase(caseId).goals.find((g) => g.description === 'Go back to school')!.id;
  const retitle = (caseId: string) =>
    colleagueChange(backend, caseId, (doc) => {
      const goal = doc.tables.goals.find((g) => g.id === firstGoal(caseId))!;
      goal.description = 'Go back to school part-time';
    });
  expect(pull(backend, [retitle(jamieId), retitle(samId)])).toEqual({ applied: 0, skipped: 0, conflicts: 2 });
  return { backend, signIn, jamieId, samId };
}

const goalsOf = (backend: TestBackend, caseId: string) => backend.getCase(caseId).goals.map((g) => g.description);
const auditActions = (backend: TestBackend, caseId: string) =>
  backend.db().prepare("SELECT action FROM audit_log WHERE case_id = ? AND action LIKE 'sync.%' ORDER BY seq").pluck().all(caseId);

/** Tabs forward until `name` has focus, as a keyboard user would, then presses Enter. */
async function tabToAndPress(user: UserEvent, name: string | RegExp, inside: HTMLElement) {
  const target = screen.getAllByRole('button', { name }).find((b) => inside.contains(b))!;
  for (let i = 0; i < 60 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
  await user.keyboard('{Enter}');
}

describe('Resolving conflicts with the team server', () => {
  it('leads from the header to each case, field by field, yours beside the server\'s, with no accessibility violations', async () => {
    const { backend } = twoConflicts();
    const { user } = await renderApp({ backend });
    const link = await within(screen.getByRole('banner')).findByRole('link', { name: '2 conflicts to resolve' });
    link.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Changes to resolve' });
    const section = await screen.findByRole('region', { name: 'RIO-1001 · Jamie Lee' });
    expect(section.textContent).toContain('Changed on the team server by Ben Okafor, received here at 12:00');
    const table = within(section).getByRole('table', { name: 'What differs in RIO-1001' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Field', 'Yours', 'On the server']);
    const row = within(table).getByRole('rowheader', { name: 'Goal: Description' }).closest('tr')!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Go back to school', 'Go back to school part-time']);
    expect(screen.getByRole('region', { name: 'RIO-1002 · Sam Patel' })).toBeTruthy();
    expect(document.title).toBe('Changes to resolve – THRIVE Plans');
    await expectNoAxeViolations();
  });

  it('keeps mine on top of theirs by keyboard, says so, and audits it', async () => {
    const { backend, jamieId } = twoConflicts();
    const { user } = await renderApp({ backend, route: { name: 'resolve-conflicts' } });
    const section = await screen.findByRole('region', { name: 'RIO-1001 · Jamie Lee' });
    await tabToAndPress(user, MINE, section);

    const status = await screen.findByText(/RIO-1001 \(Jamie Lee\): your changes were kept on top of the server's version/);
    expect(status.closest('[role="status"]')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'RIO-1001 · Jamie Lee' })).toBeNull());
    expect(goalsOf(backend, jamieId)).toContain('Go back to school');
    expect(auditActions(backend, jamieId)).toEqual(['sync.conflict_mine']);
    await waitFor(() => expect(within(screen.getByRole('banner')).getByRole('link', { name: '1 conflict to resolve' })).toBeTruthy());
    await expectNoAxeViolations();
  });

  it('asks before using the server\'s version, says exactly what is discarded, and keeps it in the audit trail', async () => {
    const { backend, samId } = twoConflicts();
    const { user } = await renderApp({ backend, route: { name: 'resolve-conflicts' } });
    const section = await screen.findByRole('region', { name: 'RIO-1002 · Sam Patel' });
    await tabToAndPress(user, THEIRS, section);

    const dialog = screen.getByRole('alertdialog', { name: "Use the server's version of RIO-1002?" });
    // The safe choice has focus; Escape keeps mine.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep mine for now' }));
    expect(dialog.textContent).toContain('Goal: Description: yours, “Go back to school”, becomes “Go back to school part-time”');
    expect(dialog.textContent).toContain('stays in the case’s audit trail');
    await expectNoAxeViolations();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(goalsOf(backend, samId)).toContain('Go back to school');

    await tabToAndPress(user, THEIRS, section);
    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('Discard mine and use the server’s');
    await user.keyboard('{Enter}');
    await screen.findByText(/RIO-1002 \(Sam Patel\) now matches the server's version\. Your changes are kept in the case's audit trail\./);
    expect(goalsOf(backend, samId)).toContain('Go back to school part-time');
    expect(goalsOf(backend, samId)).not.toContain('Go back to school');
    expect(auditActions(backend, samId)).toEqual(['sync.conflict_theirs']);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'RIO-1002 · Sam Patel' })).toBeNull());
  });

  it('shows a record only one version holds as one line of its fields, in words, and says what using the server\'s does to it', async () => {
    const { backend } = teamBackend();
    const caseId = backend.seedCase(jamie());
    const goalId = backend.getCase(caseId).goals.find((g) => g.description === 'Go back to school')!.id;
    // The colleague rated the goal in a session; this computer has no such rating.
    const rated = colleagueChange(backend, caseId, (doc) => {
      doc.tables.goal_ratings.push({
        id: '0190a000-0000-7000-8000-00000000a001',
        goal_id: goalId,
        rated_on: '2027-01-08',
        score: 7,
        context: 'session',
        review_id: null,
        ending_id: null,
        created_at: '2027-01-08T10:00:00.000Z',
        created_by: 'colleague',
      });
    });
    expect(pull(backend, [rated])).toMatchObject({ conflicts: 1 });
    const { user } = await renderApp({ backend, route: { name: 'resolve-conflicts' } });
    const section = await screen.findByRole('region', { name: 'RIO-1001 · Jamie Lee' });
    const row = within(section).getByRole('rowheader', { name: 'Goal rating' }).closest('tr')!;
    const [yours, theirs] = within(row).getAllByRole('cell');
    expect(yours!.textContent).toBe('(none)');
    expect(within(theirs!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Context: In a session', 'Rated on: 08/01/2027', 'Score: 7']);
    await expectNoAxeViolations();

    await tabToAndPress(user, THEIRS, section);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Goal rating from the team server (Context In a session; Rated on 08/01/2027; Score 7): kept');
  });

  it('says when there is nothing to resolve', async () => {
    const { backend } = teamBackend();
    await renderApp({ backend, route: { name: 'resolve-conflicts' } });
    await screen.findByText('There are no changes to resolve. Every case on this computer agrees with the team server.');
    expect(screen.getByRole('link', { name: 'Back to your caseload' })).toBeTruthy();
    await expectNoAxeViolations();
  });
});
