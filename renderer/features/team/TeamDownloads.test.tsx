import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVOKE_AFTER_MS } from '../../lib/download';
import { renderApp } from '../../test-support/render-app';
import { smallTeam } from '../../../tests/support/app-api/small-team';
import { pdfToText } from '../../../tests/support/pdftotext';

/** What the browser was asked to save: the Blob behind each object URL, and the links clicked. */
const created: Blob[] = [];
const clicked: Array<{ href: string; download: string }> = [];
// jsdom has no object URLs: stand-ins for these tests, put back after each.
const { createObjectURL, revokeObjectURL } = URL;

beforeEach(() => {
  created.length = 0;
  clicked.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return `blob:thrive/${created.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

async function openTeam(clinician?: 'kim') {
  const team = smallTeam();
  const route = clinician ? { name: 'team' as const, clinicianId: team.kim.id } : { name: 'team' as const };
  const r = await renderApp({ backend: team.backend, route });
  await screen.findByRole('table', { name: 'Team cases, most urgent first' });
  return { ...r, ...team };
}

describe('Team downloads', () => {
  it('saves the team CSV from team:exportCsv under its file name, showing progress beside the button', async () => {
    const { user, backend } = await openTeam();
    // Hold main's answer back to see the progress message.
    const release = backend.hold('team:exportCsv');

    const button = screen.getByRole('button', { name: 'Download CSV' });
    await user.click(button);
    expect(screen.getByText('Preparing…')).toBeTruthy();
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    await act(async () => release());

    expect(await screen.findByText('Downloaded thrive-team-riverside-camhs-2027-01-11.csv')).toBeTruthy();
    expect(backend.callsTo('team:exportCsv')).toEqual([{}]);
    expect(clicked).toEqual([{ href: 'blob:thrive/1', download: 'thrive-team-riverside-camhs-2027-01-11.csv' }]);
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
    const text = await created[0]!.text();
    // The file saved is main's CSV as it stands, most urgent case first.
    expect(text).toBe(backend.okNow('team:exportCsv', {}).content.replace(/^\uFEFF/, ''));
    expect(text.split('\r\n')[0]).toMatch(/^Rank,Case ref,Name,NHS number,/);
    expect(text.split('\r\n')[1]).toMatch(/^1,RIO-1001,Jordan Blake,/);
    // The object URL is let go once the download has it.
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    act(() => backend.timers.advance(REVOKE_AFTER_MS));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:thrive/1');
    // Nothing is left in the page.
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it("saves one clinician's supervision pack (PDF) from team:supervisionPack", async () => {
    const { user, backend, kim } = await openTeam('kim');
    await user.click(screen.getByRole('button', { name: 'Download supervision pack (PDF)' }));
    expect(await screen.findByText('Downloaded thrive-supervision-dr-kim-2027-01-11.pdf')).toBeTruthy();
    expect(backend.callsTo('team:supervisionPack')).toEqual([{ clinicianId: kim.id }]);
    expect(clicked).toEqual([{ href: 'blob:thrive/1', download: 'thrive-supervision-dr-kim-2027-01-11.pdf' }]);
    expect(created[0]!.type).toBe('application/pdf');
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdfToText(Buffer.from(bytes)).text).toContain('Supervision pack: Dr Kim');

    // The CSV of a drilled-down view is that clinician's, and named for them.
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await screen.findByText('Downloaded thrive-team-riverside-camhs-dr-kim-2027-01-11.csv');
    expect(backend.callsTo('team:exportCsv')).toEqual([{ clinicianId: kim.id }]);
  });

  it('shows a failure beside the button and saves nothing', async () => {
    const { user, backend } = await openTeam();
    backend.failNext('team:exportCsv', { code: 'internal', message: 'The CSV could not be prepared. Try again.' });
    const button = screen.getByRole('button', { name: 'Download CSV' });
    await user.click(button);
    const alert = await screen.findByText('The CSV could not be prepared. Try again.');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(button.getAttribute('aria-describedby')).toContain(alert.id);
    expect(clicked).toEqual([]);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
    // Trying again works.
    await user.click(button);
    await screen.findByText(/^Downloaded thrive-team-/);
    expect(within(button.parentElement!).queryByText('The CSV could not be prepared. Try again.')).toBeNull();
  });
});
