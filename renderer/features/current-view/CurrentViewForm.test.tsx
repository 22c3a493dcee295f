import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CURRENT_VIEW_ITEMS } from '../../../shared/domain/current-view';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createTestBackend } from '../../../tests/support/app-api/backend';
import { renderApp } from '../../test-support/render-app';

async function openCurrentView() {
  const backend = createTestBackend();
  const caseId = backend.seedCase({ name: 'Jamie Lee', caseRef: 'RIO-1001', openDate: '2027-01-04' });
  const r = await renderApp({ backend, route: { name: 'current-view', caseId } });
  await screen.findByRole('heading', { level: 1, name: 'Current View at open' });
  return { ...r, caseId };
}

const group = (label: string) => screen.getByRole('radiogroup', { name: label });
const checkedIn = (label: string) =>
  within(group(label))
    .getAllByRole('radio')
    .find((r) => (r as HTMLInputElement).checked)
    ?.closest('label')
    ?.querySelector('.cv-option__label')?.textContent ?? null;

describe('Current View at open', () => {
  it('lists all 50 items in four sections by their exact labels, with cross-references but no SNOMED ids', async () => {
    await openCurrentView();
    const groups = screen.getAllByRole('radiogroup');
    expect(groups.map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent)).toEqual(
      CURRENT_VIEW_ITEMS.map((i) => i.label),
    );
    for (const title of [
      'A. Provisional problem descriptions',
      'B. Selected complexity factors',
      'C. Contextual problems',
      'D. Education, employment or training',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: title })).toBeTruthy();
    }
    expect(within(group('Anxious away from caregivers')).getByText('Separation anxiety')).toBeTruthy();
    expect(within(group('Gender discomfort issues')).queryByText(/Gender identity/)).toBeNull();
    expect(document.body.textContent).not.toMatch(/9872\d{11}/);
    expect(within(group('Looked after child')).getAllByRole('radio').map((r) => r.closest('label')?.querySelector('.cv-option__label')?.textContent)).toEqual([
      'Yes',
      'No',
      'Not known',
    ]);
    expect(screen.getByText('0 of 50 rated')).toBeTruthy();
  });

  it('has no accessibility violations', async () => {
    await openCurrentView();
    await expectNoAxeViolations();
  });

  it('sets a rating with one key and moves on: 2 is Moderate, k is Not known (not None), arrows move', async () => {
    const { user } = await openCurrentView();
    await user.click(within(group('Anxious away from caregivers')).getByRole('radio', { name: 'None' }));
    expect(checkedIn('Anxious away from caregivers')).toBe('None');
    expect(screen.getByText('1 of 50 rated')).toBeTruthy();

    // Back on item 1 with the keyboard: 2 sets Moderate and focus moves to item 2.
    await user.keyboard('2');
    expect(checkedIn('Anxious away from caregivers')).toBe('Moderate');
    expect(group('Anxious in social situations').contains(document.activeElement)).toBe(true);

    await user.keyboard('k');
    expect(checkedIn('Anxious in social situations')).toBe('Not known');
    expect(checkedIn('Anxious in social situations')).not.toBe('None');
    expect(group('Anxious generally').contains(document.activeElement)).toBe(true);

    await user.keyboard('0');
    expect(checkedIn('Anxious generally')).toBe('None');
    expect(screen.getByText('3 of 50 rated')).toBeTruthy();

    // Arrows move between items and change nothing.
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(group('Anxious in social situations').contains(document.activeElement)).toBe(true);
    expect(checkedIn('Anxious in social situations')).toBe('Not known');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(group('Compelled to do or think things').contains(document.activeElement)).toBe(true);
    expect(checkedIn('Compelled to do or think things')).toBeNull();
    expect(screen.getByText('3 of 50 rated')).toBeTruthy();
  });

  it('uses y, n and k for complexity factors', async () => {
    const { user } = await openCurrentView();
    within(group('Looked after child')).getAllByRole('radio')[0]!.focus();
    await user.keyboard('y');
    expect(checkedIn('Looked after child')).toBe('Yes');
    await user.keyboard('n');
    expect(checkedIn('Young carer status')).toBe('No');
    await user.keyboard('2'); // not a complexity answer: nothing happens
    expect(checkedIn('Learning disability')).toBeNull();
    await user.keyboard('k');
    expect(checkedIn('Learning disability')).toBe('Not known');
  });

  it('lists an unrated item in the error summary and beside the item', async () => {
    const { user, backend } = await openCurrentView();
    within(group('Anxious away from caregivers')).getAllByRole('radio')[0]!.focus();
    // Rate everything but "Panics" (item 5).
    for (const item of CURRENT_VIEW_ITEMS) {
      if (item.code === 'p5') {
        await user.keyboard('{ArrowDown}');
        continue;
      }
      await user.keyboard(item.scale === 'severity' ? '1' : 'n');
    }
    expect(screen.getByText('49 of 50 rated')).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Getting Help' }));
    await user.click(screen.getByRole('button', { name: 'Save Current View' }));

    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual(['Rate "Panics" (problem 5): choose None, Mild, Moderate, Severe or Not known']);
    expect(within(group('Panics')).getByText(/Rate "Panics"/)).toBeTruthy();
    expect(group('Panics').getAttribute('aria-invalid')).toBe('true');
    await user.click(links[0]!);
    expect(group('Panics').contains(document.activeElement)).toBe(true);
    expect(backend.callsTo('currentView:record')).toEqual([]);
  });

  it('keeps the summary short when many items are unrated, with every message beside its item', async () => {
    const { user } = await openCurrentView();
    await user.click(screen.getByRole('button', { name: 'Save Current View' }));
    const summary = await screen.findByRole('alert');
    const links = within(summary).getAllByRole('link');
    expect(links).toHaveLength(6);
    expect(links[5]!.textContent).toBe('46 more problems are shown beside their questions below');
    await user.click(links[5]!);
    expect(group('Avoids going out').contains(document.activeElement)).toBe(true);
    expect(within(group('Adjustment to health issues')).getByText(/Rate "Adjustment to health issues"/)).toBeTruthy();
    expect(screen.getByText('Choose the THRIVE grouping agreed with the family', { selector: '.error-message' })).toBeTruthy();
  });

  it('saves a complete Current View with the grouping and goes on to the plan', async () => {
    const { user, backend, caseId } = await openCurrentView();
    expect((screen.getByLabelText('Date completed') as HTMLInputElement).value).toBe('11/01/2027');
    expect((screen.getByRole('radio', { name: 'First contact' }) as HTMLInputElement).checked).toBe(true);
    within(group('Anxious away from caregivers')).getAllByRole('radio')[0]!.focus();
    for (const item of CURRENT_VIEW_ITEMS) await user.keyboard(item.code === 'p9' ? '3' : item.scale === 'severity' ? '0' : 'k');
    // After the last item, focus goes to the grouping question.
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Getting Advice and Signposting' }));
    expect(screen.queryByRole('radio', { name: 'Thriving' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Getting More Help' }));
    await user.click(screen.getByRole('button', { name: 'Save Current View' }));

    await screen.findByRole('heading', { level: 1, name: 'Agree the THRIVE plan' });
    const [sent] = backend.callsTo('currentView:record') as Array<{ ratings: Record<string, unknown>; grouping: string; completedDate: string }>;
    expect(sent?.grouping).toBe('getting_more_help');
    expect(sent?.completedDate).toBe('2027-01-11');
    expect(sent?.ratings.p9).toBe(3);
    expect(sent?.ratings.p1).toBe(0);
    expect(sent?.ratings.cf1).toBe('not_known');
    expect(Object.keys(sent?.ratings ?? {})).toHaveLength(50);
    expect(backend.getCase(caseId).summary.grouping).toBe('getting_more_help');
  });
});

describe('Current View at open of an imported case that already has its plan', () => {
  it('goes back to the case page, not to a second plan', async () => {
    const backend = createTestBackend();
    const caseId = backend.seedCase({
      name: 'Riley Imported',
      caseRef: 'IMP-1',
      openDate: '2026-12-01',
      importedGrouping: 'getting_help',
      plan: { agreedDate: '2026-12-01', goals: [{ description: 'sleep through', ratings: [{ date: '2026-12-01', score: 3 }] }] },
    });
    const imported = backend.getCase(caseId);
    expect([imported.currentViews.length, imported.summary.grouping, imported.plan?.versionNo]).toEqual([0, 'getting_help', 1]);
    const { user } = await renderApp({ backend, route: { name: 'current-view', caseId } });
    await screen.findByRole('heading', { level: 1, name: 'Current View at open' });
    within(group('Anxious away from caregivers')).getAllByRole('radio')[0]!.focus();
    for (const item of CURRENT_VIEW_ITEMS) await user.keyboard(item.scale === 'severity' ? '1' : 'n');
    await user.click(screen.getByRole('radio', { name: 'Getting Help' }));
    await user.click(screen.getByRole('button', { name: 'Save Current View' }));

    await screen.findByRole('heading', { level: 1, name: 'Riley Imported' });
    expect(screen.queryByRole('heading', { name: 'Agree the THRIVE plan' })).toBeNull();
    expect(backend.getCase(caseId).currentViews.map((cv) => cv.context)).toEqual(['open']);
  });
});

describe('the missing Current View of a review', () => {
  async function openFromReviewsTab() {
    const backend = createTestBackend();
    const caseId = backend.seedCase({
      name: 'Jamie Lee',
      caseRef: 'RIO-1002',
      openDate: '2026-11-02',
      grouping: 'getting_more_help',
      plan: { agreedDate: '2026-11-02', goals: [{ description: 'go to school', ratings: [{ date: '2026-11-02', score: 2 }] }] },
    });
    const reviewId = backend.seedReview(caseId, { reviewDate: '2026-12-14', scores: [4], grouping: null });
    const r = await renderApp({ backend, route: { name: 'case', caseId, tab: 'reviews' } });
    await r.user.click(await screen.findByRole('button', { name: 'Record the missing Current View' }));
    await screen.findByRole('heading', { level: 1, name: 'Current View at review on 14/12/2026' });
    return { ...r, caseId, reviewId };
  }

  it('records it for that review, dated the review day, with any grouping, and shows it on the review', async () => {
    const { user, backend, caseId, reviewId } = await openFromReviewsTab();
    expect(screen.queryByLabelText('Date completed')).toBeNull();
    expect(screen.getByText(/takes the review’s date/)).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Thriving' })).toBeTruthy();
    await user.click(screen.getByRole('radio', { name: 'Changed understanding' }));
    within(group('Anxious away from caregivers')).getAllByRole('radio')[0]!.focus();
    for (const item of CURRENT_VIEW_ITEMS) await user.keyboard(item.scale === 'severity' ? '1' : 'n');
    await user.click(screen.getByRole('radio', { name: 'Getting Help' }));
    await user.click(screen.getByRole('button', { name: 'Save Current View' }));

    await screen.findByRole('tab', { name: 'Reviews', selected: true });
    const [sent] = backend.callsTo('currentView:record') as Array<{ reviewId: string; completedDate: string; grouping: string }>;
    expect(sent).toMatchObject({ reviewId, completedDate: '2026-12-14', grouping: 'getting_help' });
    expect(screen.queryByText('Current View missing')).toBeNull();
    expect(backend.getCase(caseId).summary.grouping).toBe('getting_help');
  });

  it('has no accessibility violations', async () => {
    await openFromReviewsTab();
    await expectNoAxeViolations();
  });
});
