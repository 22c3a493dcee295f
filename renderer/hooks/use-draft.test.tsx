import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DraftKind } from '../../shared/domain/lifecycle';
import type { Route } from '../stores/navigation';
import { expectNoAxeViolations } from '../test-support/axe';
import { fieldValue } from '../test-support/form-queries';
import { createTestBackend, type TestBackend } from '../../tests/support/app-api/backend';
import { renderApp } from '../test-support/render-app';
import { JAMIE_GOALS, jamie } from '../../tests/support/app-api/seed';
import { DRAFT_DELAY_MS } from './use-draft';

function seedPlanned(backend: TestBackend) {
  return backend.seedCase(jamie({ goals: JAMIE_GOALS.slice(0, 1) }));
}

async function openReview() {
  const backend = createTestBackend();
  const caseId = seedPlanned(backend);
  const route: Route = { name: 'review', caseId };
  const r = await renderApp({ backend, route });
  await screen.findByRole('button', { name: 'Save review' });
  return { ...r, caseId, route };
}

/** Time passes for the renderer's timers only (no real waiting). */
async function wait(backend: TestBackend, ms: number) {
  await act(async () => {
    backend.timers.advance(ms);
  });
}

// The test clock's instant is noon on TEST_TODAY (shared/clock.ts), shown in UK time.
const RESTORED = 'Restored your unsaved draft from 11/01/2027 12:00.';

describe('Draft autosave', () => {
  it('saves a draft 800 ms after the last change, once for a burst of typing', async () => {
    const { user, backend, caseId } = await openReview();
    await user.type(screen.getByLabelText('Goal 1 rating (0 to 10)'), '6');
    await wait(backend, 500);
    await user.type(screen.getByLabelText('Notes (optional)'), 'Calmer');
    await wait(backend, DRAFT_DELAY_MS - 1);
    expect(backend.callsTo('drafts:save')).toEqual([]);
    await wait(backend, 1);
    expect(backend.callsTo('drafts:save')).toHaveLength(1);
    const stored = backend.draft('review', caseId);
    expect(stored?.payload).toMatchObject({ notes: 'Calmer', reviewDate: '11/01/2027' });
    expect(Object.values((stored?.payload as { ratings: Record<string, string> }).ratings)).toEqual(['6']);
    // Nothing more to save until something changes.
    await wait(backend, 5000);
    expect(backend.callsTo('drafts:save')).toHaveLength(1);
  });

  it('restores the draft when the form is opened again, saying so; Discard starts again', async () => {
    const { user, backend, caseId, route, unmount } = await openReview();
    await user.type(screen.getByLabelText('Goal 1 rating (0 to 10)'), '6');
    await user.type(screen.getByLabelText('Notes (optional)'), 'Calmer');
    await wait(backend, DRAFT_DELAY_MS);
    unmount();

    // As after closing and opening the app again.
    const again = await renderApp({ backend, route });
    await screen.findByRole('button', { name: 'Save review' });
    expect(screen.getByText(RESTORED)).toBeTruthy();
    expect(fieldValue('Goal 1 rating (0 to 10)')).toBe('6');
    expect(fieldValue('Notes (optional)')).toBe('Calmer');
    await expectNoAxeViolations();

    await again.user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(screen.queryByText(RESTORED)).toBeNull();
    expect(fieldValue('Goal 1 rating (0 to 10)')).toBe('');
    expect(fieldValue('Notes (optional)')).toBe('');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Record a review' }));
    expect(backend.callsTo('drafts:discard')).toEqual([{ kind: 'review', caseId }]);
    expect(backend.draft('review', caseId)).toBeNull();
    await wait(backend, DRAFT_DELAY_MS);
    expect(backend.draft('review', caseId)).toBeNull();
  });

  it('stops once the record is saved: the draft is gone and no new one is written', async () => {
    const { user, backend, caseId } = await openReview();
    await user.click(screen.getByRole('checkbox', { name: 'Young person' }));
    await user.type(screen.getByLabelText('Goal 1 rating (0 to 10)'), '6');
    await wait(backend, DRAFT_DELAY_MS);
    expect(backend.draft('review', caseId)).not.toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Met' }));
    await user.click(screen.getByRole('radio', { name: 'Continue with the plan' }));
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    await screen.findByRole('heading', { level: 1, name: 'Jamie Lee' });
    expect(backend.draft('review', caseId)).toBeNull();
    const saves = backend.callsTo('drafts:save').length;
    await wait(backend, DRAFT_DELAY_MS * 2);
    expect(backend.draft('review', caseId)).toBeNull();
    // (The idle lock's timer still waits: time is counted whatever the screen.)
    expect(backend.callsTo('drafts:save')).toHaveLength(saves);
  });

  it('keeps autosaving after a save that failed', async () => {
    const { user, backend, caseId } = await openReview();
    await user.type(screen.getByLabelText('Notes (optional)'), 'First');
    backend.changeElsewhere(caseId);
    // Complete enough to reach main, which refuses it as stale.
    await user.click(screen.getByRole('checkbox', { name: 'Young person' }));
    await user.type(screen.getByLabelText('Goal 1 rating (0 to 10)'), '6');
    await user.click(screen.getByRole('radio', { name: 'Met' }));
    await user.click(screen.getByRole('radio', { name: 'Continue with the plan' }));
    await user.click(screen.getByRole('button', { name: 'Save review' }));
    await screen.findByRole('button', { name: 'Reload the case' });
    await wait(backend, DRAFT_DELAY_MS);
    expect(backend.draft('review', caseId)?.payload).toMatchObject({ notes: 'First', decision: 'continue' });
  });

  it('says when what was typed could not be kept as a draft', async () => {
    const { user, backend } = await openReview();
    backend.failNext('drafts:save', { code: 'internal', message: 'The records could not be written.' });
    await user.type(screen.getByLabelText('Notes (optional)'), 'x');
    await wait(backend, DRAFT_DELAY_MS);
    expect(screen.getByText('What you have typed could not be kept as a draft. Save the form to keep it.')).toBeTruthy();
    await user.type(screen.getByLabelText('Notes (optional)'), 'y');
    await wait(backend, DRAFT_DELAY_MS);
    expect(screen.queryByText(/could not be kept as a draft/)).toBeNull();
  });

  it('keeps the "open a case" draft without a case, and clears it when the case is opened', async () => {
    const backend = createTestBackend();
    const first = await renderApp({ backend, route: { name: 'open-case' } });
    await first.user.type(await screen.findByLabelText('Case reference'), 'RIO-77');
    await wait(backend, DRAFT_DELAY_MS);
    expect(backend.draft('open_case', null)?.payload).toMatchObject({ caseRef: 'RIO-77', coordinatingAgency: 'CAMHS' });
    first.unmount();

    const { user } = await renderApp({ backend, route: { name: 'open-case' } });
    expect(await screen.findByText(RESTORED)).toBeTruthy();
    expect(fieldValue('Case reference')).toBe('RIO-77');
    for (const [label, text] of [
      ["Young person's name", 'Jamie Lee'],
      ['Date of birth', '14/02/2012'],
      ['Referral date', '02/12/2026'],
      ['Open date', '04/01/2027'],
    ]) {
      await user.type(screen.getByLabelText(label!), text!);
    }
    await user.click(screen.getByRole('button', { name: 'Open case' }));
    await screen.findByRole('heading', { level: 1, name: 'Current View at open' });
    expect(backend.draft('open_case', null)).toBeNull();
  });

  const forms: Array<{ kind: DraftKind; form: string; label: string; payload: Record<string, string>; setUp(backend: TestBackend): { route: Route; caseId: string | null } }> = [
    { kind: 'open_case', form: 'Open a case', label: 'Case reference', payload: { caseRef: 'RIO-9' }, setUp: () => ({ route: { name: 'open-case' }, caseId: null }) },
    {
      kind: 'current_view',
      form: 'Current View at open',
      label: 'Date completed',
      payload: { completedDate: '05/01/2027' },
      setUp: (backend) => {
        const caseId = backend.seedCase({ name: 'Sam Patel', caseRef: 'RIO-2', openDate: '2027-01-04' });
        return { route: { name: 'current-view', caseId }, caseId };
      },
    },
    {
      kind: 'plan',
      form: 'Agree the THRIVE plan',
      label: 'What success would look like',
      payload: { agreedOutcome: 'Back at school' },
      setUp: (backend) => {
        const caseId = backend.seedCase({ name: 'Sam Patel', caseRef: 'RIO-2', openDate: '2027-01-04', grouping: 'getting_help' });
        return { route: { name: 'plan', caseId }, caseId };
      },
    },
    { kind: 'review', form: 'Record a review', label: 'Notes (optional)', payload: { notes: 'Calmer' }, setUp: (backend) => planned(backend, 'review') },
    {
      kind: 'plan_revision',
      form: 'Revise the THRIVE plan',
      label: 'Why the plan is being revised',
      payload: { reason: 'School is part-time' },
      setUp: (backend) => planned(backend, 'revise-plan'),
    },
    { kind: 'ending', form: 'End the case', label: 'Signposting (optional)', payload: { signposting: 'Youth club' }, setUp: (backend) => planned(backend, 'close-case') },
    {
      kind: 'reopen',
      form: 'Re-open as a new episode',
      label: 'Why the case is being re-opened',
      payload: { reason: 'Worry is back' },
      setUp: (backend) => {
        const caseId = seedPlanned(backend);
        backend.seedClosure(caseId, { endingDate: '2027-01-04' });
        return { route: { name: 'reopen-case', caseId }, caseId };
      },
    },
  ];

  function planned(backend: TestBackend, name: 'review' | 'revise-plan' | 'close-case') {
    const caseId = seedPlanned(backend);
    return { route: { name, caseId } as Route, caseId };
  }

  it.each(forms)('restores a draft of "$form"', async ({ kind, form, label, payload, setUp }) => {
    const backend = createTestBackend();
    const { route, caseId } = setUp(backend);
    backend.seedDraft(kind, caseId, payload);
    await renderApp({ backend, route });
    expect(await screen.findByText(RESTORED)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: form })).toBeTruthy();
    expect(fieldValue(label)).toBe(Object.values(payload)[0]);
  });
});
