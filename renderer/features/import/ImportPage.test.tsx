import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArgsOf } from '../../../shared/ipc/contract';
import { IMPORT_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES } from '../../../shared/ipc/schemas/import';
import { expectNoAxeViolations } from '../../test-support/axe';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';

const HEADER = 'Case ref,Name,Date of birth,NHS number,Referral date,Open date,Lead clinician';
const GOOD = [
  'RIO-101,Riley Shaw,04/05/2012,943 476 5919,01/10/2026,05/10/2026,Alex Morgan',
  'RIO-102,Sam Patel,12/02/2011,,03/10/2026,10/10/2026,Alex Morgan',
  'RIO-103,Jo Okafor,30/06/2013,,04/10/2026,12/10/2026,Dr Sam Reid',
];
/** The same file with two bad rows: line 3 an impossible date, line 5 a bad NHS number. */
const WITH_BAD_ROWS = [
  HEADER,
  GOOD[0],
  'RIO-102,Sam Patel,31/02/2011,,03/10/2026,10/10/2026,Alex Morgan',
  GOOD[2],
  'RIO-104,Kit Moss,01/01/2012,123 456 7890,01/10/2026,02/10/2026,Alex Morgan',
].join('\r\n');
const FIXED = [HEADER, ...GOOD].join('\r\n');

const csvFile = (text: string | Uint8Array<ArrayBuffer>, name = 'caseload.csv') => new File([text], name, { type: 'text/csv' });

const created: Blob[] = [];
const { createObjectURL, revokeObjectURL } = URL;
beforeEach(() => {
  created.length = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    created.push(blob);
    return `blob:thrive/${created.length}`;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

async function openImport(backend: TestBackend = createTestBackend()) {
  const r = await renderApp({ backend, route: { name: 'import' } });
  await screen.findByRole('heading', { level: 1, name: 'Import a caseload' });
  const input = screen.getByLabelText('Caseload CSV file') as HTMLInputElement;
  return { ...r, input };
}

const summary = () => screen.getByRole('alert', { name: 'There is a problem' });
const decode = (base64: string) => new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));

describe('Import a caseload', () => {
  it('is reached from the caseload and explains the template and the all-or-nothing import', async () => {
    const r = await renderApp();
    await r.user.click(await screen.findByRole('button', { name: 'Import caseload' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Import a caseload' })).toBe(document.activeElement);
    expect(screen.getByText(/The import is all or nothing/)).toBeTruthy();
    expect(screen.getByLabelText('Caseload CSV file').getAttribute('type')).toBe('file');
    await expectNoAxeViolations();

    await r.user.click(screen.getByRole('button', { name: 'Download the template' }));
    await screen.findByText('Downloaded thrive-import-template.csv');
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toMatch(/^Case ref,Name,Date of birth,NHS number,Referral date,Open date,Lead clinician,/);
  });

  it('reports two bad rows by their line in the file and offers no import', async () => {
    const { user, input, backend } = await openImport();
    await user.upload(input, csvFile(WITH_BAD_ROWS));
    const alert = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(within(alert).getByText('2 rows have problems. Fix them in the file and choose it again. Nothing has been imported.')).toBeTruthy();
    expect(document.activeElement).toBe(alert);
    expect(decode((backend.callsTo('import:preview')[0] as { contentBase64: string }).contentBase64)).toBe(WITH_BAD_ROWS);

    const table = screen.getByRole('table', { name: 'Rows with problems' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['Line', 'Case ref', 'Problem'],
      ['3', 'RIO-102', expect.stringMatching(/^Date of birth: "31\/02\/2011" is not a real date/)],
      ['5', 'RIO-104', expect.stringMatching(/^NHS number "123 456 7890" is not valid/)],
    ]);
    expect(screen.getByText('2 rows are ready, to import once every problem is fixed')).toBeTruthy();
    expect(screen.queryByText(/will be created/)).toBeNull();
    expect(screen.queryByRole('button', { name: /^Import \d/ })).toBeNull();
    await expectNoAxeViolations();

    // Fixed in the spreadsheet and chosen again: the problems go, and the import is offered.
    await user.upload(input, csvFile(FIXED));
    expect(await screen.findByRole('button', { name: 'Import 3 cases' })).toBeTruthy();
    expect(screen.queryByRole('alert', { name: 'There is a problem' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Rows with problems' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Check before importing' }));
  });

  it('checks the fixed file, imports it, and says what was created', async () => {
    const backend = createTestBackend();
    backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-101' });
    const { user, input } = await openImport(backend);

    // Hold main's answer back to see the busy state.
    const release = backend.hold('import:preview');
    await user.upload(input, csvFile([FIXED, 'RIO-105,Kit Moss,01/01/2012,,01/10/2026,02/10/2026,Alex Morgan'].join('\r\n'), 'fixed.csv'));
    expect(await screen.findByText('Checking the file…')).toBeTruthy();
    expect(input.disabled).toBe(true);
    await act(async () => release());

    const heading = await screen.findByRole('heading', { name: 'Check before importing' });
    expect(document.activeElement).toBe(heading);
    expect(screen.queryByRole('alert', { name: 'There is a problem' })).toBeNull();
    expect(screen.getByText('3 cases will be created')).toBeTruthy();
    expect(screen.getByText('1 case is already in the app and will be skipped')).toBeTruthy();
    expect(screen.getByText('New clinicians added to your team: Dr Sam Reid')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Rows with problems' })).toBeNull();
    // Everything matched by name: the column matching is there to check, but closed.
    expect(screen.getByText('Match the columns').closest('details')!.open).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Import 3 cases' }));
    const done = await screen.findByRole('heading', { level: 1, name: 'Import complete' });
    expect(document.activeElement).toBe(done);
    expect(screen.getByText(/^3 cases created, 1 skipped/)).toBeTruthy();
    expect(backend.callsTo('import:commit')).toHaveLength(1);
    expect((backend.callsTo('import:commit')[0] as { fileName: string }).fileName).toBe('fixed.csv');
    await expectNoAxeViolations();

    await user.click(screen.getByRole('link', { name: 'Go to caseload' }));
    const table = await screen.findByRole('table', { name: 'My open cases' });
    expect(within(table).getByRole('link', { name: 'Sam Patel' })).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'Kit Moss' })).toBeTruthy();
  });

  it('opens the column matching when a required column is missing, and checks again with the chosen column', async () => {
    const { user, input, backend } = await openImport();
    await user.upload(input, csvFile([HEADER.replace('Case ref', 'Our ID'), ...GOOD].join('\n')));
    const alert = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(within(alert).getByRole('link', { name: 'Choose the column that holds Case ref' })).toBeTruthy();
    expect(screen.getByText('Match the columns').closest('details')!.open).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Check before importing' })).toBeNull();

    const select = screen.getByRole('combobox', { name: 'Case ref (required)' }) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(within(select.closest('.form-group') as HTMLElement).getByText('Choose the column that holds Case ref')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Name (required)' }) as HTMLSelectElement).value).toBe('Name');
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Not in this file', 'Our ID', 'Name', 'Date of birth', 'NHS number', 'Referral date', 'Open date', 'Lead clinician']);
    await user.click(within(alert).getByRole('link', { name: 'Choose the column that holds Case ref' }));
    expect(document.activeElement).toBe(select);
    await expectNoAxeViolations();

    await user.selectOptions(select, 'Our ID');
    await user.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('3 cases will be created');
    const calls = backend.callsTo('import:preview') as Array<{ mapping?: Record<string, string | null> }>;
    expect(calls).toHaveLength(2);
    expect(calls[0]!.mapping).toBeUndefined();
    expect(calls[1]!.mapping).toMatchObject({ caseRef: 'Our ID', name: 'Name', leadClinician: 'Lead clinician', grouping: null });
    expect(screen.queryByRole('alert', { name: 'There is a problem' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Import 3 cases' })).toBeTruthy();
    // Still open to see what was matched; the check's heading has focus.
    expect(screen.getByText('Match the columns').closest('details')!.open).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Check before importing' }));
    expect(screen.getByText('3 cases will be created')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Import 3 cases' }));
    await screen.findByRole('heading', { level: 1, name: 'Import complete' });
    expect((backend.callsTo('import:commit')[0] as { mapping: Record<string, string | null> }).mapping).toMatchObject({ caseRef: 'Our ID' });
  });

  it('refuses a file over 20 MB at once, before reading it', async () => {
    const { user, input, backend } = await openImport();
    const big = csvFile(FIXED, 'huge.csv');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const read = vi.spyOn(big, 'arrayBuffer');
    await user.upload(input, big);
    expect(within(await screen.findByRole('alert', { name: 'There is a problem' })).getByRole('link', { name: IMPORT_TOO_LARGE_MESSAGE })).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[1]!)!.textContent).toBe(`Error: ${IMPORT_TOO_LARGE_MESSAGE}`);
    expect(read).not.toHaveBeenCalled();
    expect(backend.callsTo('import:preview')).toEqual([]);
  });

  it("shows a file main cannot read (not UTF-8) in the error summary and nothing else", async () => {
    const { user, input, backend } = await openImport();
    // "Zoë" saved as Windows-1252: 0xEB is not valid UTF-8.
    await user.upload(input, csvFile(new Uint8Array([...new TextEncoder().encode(`${HEADER}\r\nRIO-1,Zo`), 0xeb, 0x0d, 0x0a])));
    const alert = await screen.findByRole('alert', { name: 'There is a problem' });
    // What main said to the file as sent.
    const fileError = backend.okNow('import:preview', backend.callsTo('import:preview')[0] as ArgsOf<'import:preview'>).fileError;
    expect(fileError).toMatch(/UTF-8/);
    expect(within(alert).getByText(fileError!)).toBeTruthy();
    expect(screen.queryByText('Match the columns')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Check before importing' })).toBeNull();
  });

  // Main does not refuse a file because cases were added after the check (it skips those rows:
  // tests/integration/import-after-preview.test.ts), so the refusal here is a fault, through failNext.
  it('shows a failed import in the error summary, with nothing imported', async () => {
    const { user, input, backend } = await openImport();
    await user.upload(input, csvFile(FIXED));
    await screen.findByRole('button', { name: 'Import 3 cases' });
    backend.failNext('import:commit', { code: 'internal', message: 'The records could not be saved. Try again.' });
    await user.click(screen.getByRole('button', { name: 'Import 3 cases' }));
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    expect(within(summary()).getByText('The records could not be saved. Try again.')).toBeTruthy();
    expect(backend.okNow('caseload:list', {}).rows).toEqual([]);
    expect(screen.queryByRole('heading', { name: 'Import complete' })).toBeNull();
    expect(backend.callsTo('import:commit')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Import 3 cases' })).toBeTruthy();
  });
});
