import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import type { ArgsOf } from '../../../shared/ipc/contract';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';

/** What the browser was asked to save: the Blob behind each object URL, and the links clicked. */
const created: Blob[] = [];
const clicked: Array<{ download: string }> = [];
const { createObjectURL, revokeObjectURL } = URL;
let clipboardText: string[] = [];

/** The clipboard as the app meets it: accepting text, or refusing (no permission, window not focused). */
function installClipboard(refuse = false) {
  const writeText = vi.fn(async (text: string) => {
    if (refuse) throw new DOMException('Write permission denied.', 'NotAllowedError');
    clipboardText.push(text);
  });
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

beforeEach(() => {
  created.length = 0;
  clicked.length = 0;
  clipboardText = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return `blob:thrive/${created.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ download: this.download });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

const plan = {
  agreedDate: '2026-11-09',
  reviewDate: '2026-12-21',
  goals: [{ description: 'Go back to school two days a week', ratings: [{ date: '2026-11-09', score: 3 }] }],
};

async function openCase(setup: (backend: TestBackend) => string) {
  const backend = createTestBackend();
  const caseId = setup(backend);
  const r = await renderApp({ backend, route: { name: 'case', caseId } });
  await screen.findByRole('heading', { level: 1, name: 'Riley Shaw' });
  return { ...r, caseId, group: () => screen.getByRole('group', { name: 'Export and share' }) };
}

/** The summary main writes for this case (what the clipboard should hold, word for word). */
const mainSummary = (backend: TestBackend, args: ArgsOf<'export:summaryText'>) => backend.okNow('export:summaryText', args).text;

const buttonsIn = (group: HTMLElement) => within(group).getAllByRole('button').map((b) => b.textContent);

describe('Case page: Export and share', () => {
  it('offers what the case has: plan and review copies and the family plan for an open case with a review', async () => {
    const { group } = await openCase((backend) => {
      const id = backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan });
      backend.seedReview(id, { reviewDate: '2027-01-04', scores: [6] });
      return id;
    });
    expect(buttonsIn(group())).toEqual([
      'Copy plan summary',
      'Copy review summary',
      'Download plan for the family (PDF)',
      'Download FHIR record (JSON)',
    ]);
    await expectNoAxeViolations();
  });

  it('offers only the FHIR record before a plan is agreed, and the ending copies once the case is closed', async () => {
    const fresh = await openCase((backend) => backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1' }));
    expect(buttonsIn(fresh.group())).toEqual(['Download FHIR record (JSON)']);
    fresh.unmount();

    const closed = await openCase((backend) => {
      const id = backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan });
      backend.seedClosure(id, { endingDate: '2027-01-08' });
      return id;
    });
    expect(buttonsIn(closed.group())).toEqual([
      'Copy plan summary',
      'Copy ending summary',
      'Download plan for the family (PDF)',
      'Download ending letter (PDF)',
      'Download FHIR record (JSON)',
    ]);
    installClipboard();
    await closed.user.click(within(closed.group()).getByRole('button', { name: 'Copy ending summary' }));
    expect(await within(closed.group()).findByText('THRIVE ending summary copied. Paste it into the progress note.')).toBeTruthy();
    expect(clipboardText[0]).toBe(mainSummary(closed.backend, { caseId: closed.caseId, kind: 'ending' }));
    expect(closed.backend.callsTo('export:summaryText')).toEqual([{ caseId: closed.caseId, kind: 'ending' }]);
  });

  it('copies the plan summary to the clipboard and says so', async () => {
    const { user, backend, caseId, group } = await openCase((backend) => backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan }));
    const writeText = installClipboard();
    await user.click(within(group()).getByRole('button', { name: 'Copy plan summary' }));
    expect(await within(group()).findByText('THRIVE plan summary copied. Paste it into the progress note.')).toBeTruthy();
    expect(screen.getByText('THRIVE plan summary copied. Paste it into the progress note.').getAttribute('role')).toBe('status');
    expect(backend.callsTo('export:summaryText')).toEqual([{ caseId, kind: 'plan' }]);
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(clipboardText[0]).toBe(mainSummary(backend, { caseId, kind: 'plan' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the text to copy by hand when the clipboard is refused, and gives focus back on closing', async () => {
    const { user, backend, caseId, group } = await openCase((backend) =>
      backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan }),
    );
    installClipboard(true);
    const button = within(group()).getByRole('button', { name: 'Copy plan summary' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Copy this text' });
    const text = within(dialog).getByLabelText('Summary text') as HTMLTextAreaElement;
    expect(text.readOnly).toBe(true);
    expect(text.value).toBe(mainSummary(backend, { caseId, kind: 'plan' }));
    expect(document.activeElement).toBe(text);
    expect(within(dialog).getByText(/could not put the THRIVE plan summary on the clipboard/)).toBeTruthy();
    expect(screen.queryByText(/copied\. Paste it/)).toBeNull();
    await expectNoAxeViolations();
    // Keyboard focus stays in the dialog until it is closed.
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await user.tab();
    expect(document.activeElement).toBe(text);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('copies the summary of the review chosen in the Reviews tab', async () => {
    let first = '';
    const { user, backend, caseId } = await openCase((backend) => {
      const id = backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan });
      first = backend.seedReview(id, { reviewDate: '2026-12-07', scores: [4] });
      backend.seedReview(id, { reviewDate: '2027-01-04', scores: [6] });
      return id;
    });
    installClipboard();
    await user.click(screen.getByRole('tab', { name: 'Reviews' }));
    const review1 = screen.getByRole('article', { name: 'Review 1: 07/12/2026' });
    await user.click(within(review1).getByRole('button', { name: 'Copy review summary' }));
    expect(await within(review1).findByText('THRIVE review summary copied. Paste it into the progress note.')).toBeTruthy();
    expect(backend.callsTo('export:summaryText')).toEqual([{ caseId, kind: 'review', reviewId: first }]);
    expect(clipboardText[0]).toBe(mainSummary(backend, { caseId, kind: 'review', reviewId: first }));
    expect(clipboardText[0]).toContain('07/12/2026');
  });

  it('saves the family plan (PDF) and the FHIR record under their own names', async () => {
    const { user, backend, caseId, group } = await openCase((backend) => backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan }));
    await user.click(within(group()).getByRole('button', { name: 'Download plan for the family (PDF)' }));
    expect(await within(group()).findByText('Saved thrive-family-plan-rio-1-2027-01-11.pdf.')).toBeTruthy();
    expect(backend.callsTo('export:casePdf')).toEqual([{ caseId, document: 'family-plan' }]);
    expect(created[0]!.type).toBe('application/pdf');
    expect((await created[0]!.text()).startsWith('%PDF-')).toBe(true);

    await user.click(within(group()).getByRole('button', { name: 'Download FHIR record (JSON)' }));
    await within(group()).findByText('Saved thrive-fhir-rio-1-2027-01-11.json.');
    expect(backend.callsTo('export:caseFhir')).toEqual([{ caseId }]);
    expect(JSON.parse(await created[1]!.text())).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(clicked.map((c) => c.download)).toEqual(['thrive-family-plan-rio-1-2027-01-11.pdf', 'thrive-fhir-rio-1-2027-01-11.json']);
  });

  it("shows main's refusal beside the buttons and saves nothing", async () => {
    const { user, backend, group } = await openCase((backend) => backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1', grouping: 'getting_help', plan }));
    backend.failNext('export:casePdf', { code: 'internal', message: 'The PDF could not be made. Try again.' });
    await user.click(within(group()).getByRole('button', { name: 'Download plan for the family (PDF)' }));
    await waitFor(() => expect(within(group()).getByRole('alert').textContent).toBe('The PDF could not be made. Try again.'));
    expect(clicked).toEqual([]);
  });
});
