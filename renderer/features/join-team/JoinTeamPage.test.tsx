import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { joinedWithLocalCases, SERVER_TEAM, setAsideForElsewhere } from '../../../tests/support/app-api/team-join';

describe('Joining the team with cases made alone', () => {
  it('leads from Settings to the review, each case with its choices, with no accessibility violations', async () => {
    const { user } = await renderApp({ route: { name: 'settings' }, backend: joinedWithLocalCases().backend });
    await screen.findByText('2 cases on this computer are not on the team server yet.');
    const link = screen.getByRole('link', { name: 'Review your cases on this computer' });
    link.focus();
    await user.keyboard('{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Your cases and the team server' });
    const jamieGroup = await screen.findByRole('group', { name: 'RIO-1001 · Jamie Lee' });
    expect(jamieGroup.textContent).toContain('Same young person as NF-77 on the server? They share an NHS number.');
    expect(within(jamieGroup).getAllByRole('radio').map((r) => r.closest('.radios__item')!.querySelector('label')!.textContent)).toEqual([
      "Keep the server's record, NF-77 (Jamie Lee)",
      'Decide later',
    ]);
    const kaiGroup = screen.getByRole('group', { name: 'HOME-2 · Kai Patel' });
    expect(within(kaiGroup).getByRole('radio', { name: 'Upload to Northfield CAMHS' })).toBeTruthy();
    expect((within(kaiGroup).getByRole('radio', { name: 'Decide later' }) as HTMLInputElement).checked).toBe(true);
    expect(document.title).toBe('Your cases and the team server – THRIVE Plans');
    await expectNoAxeViolations();
  });

  it('uploads one and matches the other by keyboard, says so, and leaves nothing to review', async () => {
    const { backend, jamieId, kaiId, serverCaseId } = joinedWithLocalCases();
    const { user } = await renderApp({ backend, route: { name: 'join-team' } });
    const kaiGroup = await screen.findByRole('group', { name: 'HOME-2 · Kai Patel' });
    await user.click(within(kaiGroup).getByRole('radio', { name: 'Upload to Northfield CAMHS' }));
    const jamieGroup = screen.getByRole('group', { name: 'RIO-1001 · Jamie Lee' });
    within(jamieGroup).getByRole('radio', { name: 'Decide later' }).focus();
    // Arrow keys move within a radio group, as a keyboard user chooses.
    await user.keyboard('{ArrowUp}');
    expect((within(jamieGroup).getByRole('radio', { name: /Keep the server's record/ }) as HTMLInputElement).checked).toBe(true);
    screen.getByRole('button', { name: 'Save these choices' }).focus();
    await user.keyboard('{Enter}');
    await screen.findByText(/1 case will be sent to the team server\. 1 case was matched with the server's record/);
    await screen.findByText(/Every case on this computer is on the team server/);
    const db = backend.db();
    expect(db.prepare('SELECT team_id FROM cases WHERE id = ?').pluck().get(kaiId)).toBe(SERVER_TEAM.id);
    expect(db.prepare('SELECT team_id FROM cases WHERE id = ?').pluck().get(serverCaseId)).toBe(SERVER_TEAM.id);
    expect(db.prepare('SELECT count(*) FROM sync_outbox WHERE case_id = ?').pluck().get(kaiId)).toBe(1);
    expect(db.prepare("SELECT action FROM audit_log WHERE case_id = ? AND action LIKE 'sync.%'").pluck().all(jamieId)).toEqual(['sync.join_superseded']);
    await expectNoAxeViolations();
  });

  it('sends nothing when the person presses save with every case left for later', async () => {
    const { backend, kaiId } = joinedWithLocalCases();
    const { user } = await renderApp({ backend, route: { name: 'join-team' } });
    await screen.findByRole('group', { name: 'HOME-2 · Kai Patel' });
    await user.click(screen.getByRole('button', { name: 'Save these choices' }));
    await waitFor(() => expect(screen.getAllByText('Choose what to do with at least one case, or come back later').length).toBeGreaterThan(0));
    expect(backend.db().prepare('SELECT count(*) FROM sync_outbox WHERE case_id = ?').pluck().get(kaiId)).toBe(0);
  });

  it('uploads a re-opened case with its earlier episode, never the later one alone', async () => {
    let episodeTwo = '';
    const { backend, kaiId } = joinedWithLocalCases((b, kai) => {
      b.seedClosure(kai, { endingDate: '2026-12-01' });
      const closed = b.getCase(kai);
      episodeTwo = b.okNow('cases:reopen', {
        caseId: kai,
        caseVersion: closed.summary.version,
        referralDate: '2026-12-10',
        openDate: '2026-12-15',
        leadClinicianId: b.profile.id,
        reason: 'Referred again by the school',
      }).id;
    });
    const alone = await backend.api.sync.join({ decisions: [{ caseId: episodeTwo, choice: 'upload' }] });
    expect(alone).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Upload the earlier episode of HOME-2 first: each episode points at the one before it.' } });
    const db = backend.db();
    expect(db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    const both = await backend.api.sync.join({ decisions: [{ caseId: episodeTwo, choice: 'upload' }, { caseId: kaiId, choice: 'upload' }] });
    expect(both).toMatchObject({ ok: true });
    expect(db.prepare('SELECT DISTINCT team_id FROM cases WHERE case_ref = ?').pluck().all('HOME-2')).toEqual([SERVER_TEAM.id]);
    // The ended episode's outcome summary goes with it, so the team's figures count it.
    expect(db.prepare('SELECT DISTINCT o.team_id FROM ending_outcomes o JOIN endings e ON e.id = o.ending_id WHERE e.case_id = ?').pluck().all(kaiId)).toEqual([SERVER_TEAM.id]);
    expect(db.prepare('SELECT count(DISTINCT case_id) FROM sync_outbox').pluck().get()).toBe(2);
  });

  it('names a server case held back by a record here that cannot join, so it never goes missing unseen', async () => {
    const { backend, jamieId } = joinedWithLocalCases();
    // Jamie's local record is set aside as if it could not join (as a demo case is): the server's Jamie has nowhere to go.
    setAsideForElsewhere(backend, jamieId);
    await renderApp({ backend, route: { name: 'join-team' } });
    const callout = await screen.findByRole('heading', { name: 'Cases on the team server not shown on this computer' });
    expect(callout.parentElement!.textContent).toContain('NF-77 · Jamie Lee');
    await expectNoAxeViolations();
  });
});
