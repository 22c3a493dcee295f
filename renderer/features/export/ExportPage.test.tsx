import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import type { ArgsOf } from '../../../shared/ipc/contract';
import { renderApp } from '../../test-support/render-app';
import { createTestBackend, type TestBackend } from '../../../tests/support/app-api/backend';

const created: Blob[] = [];
const clicked: string[] = [];
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
    clicked.push(this.download);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

/** Two open cases of mine, one closed, and one of a colleague. */
function caseloadBackend(role: 'clinician' | 'team_lead' = 'clinician') {
  const backend = createTestBackend({ role });
  const sam = backend.addClinician('Sam Reid');
  backend.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1' });
  backend.seedCase({ name: 'Zoë =Brontë', caseRef: 'RIO-2' });
  const closed = backend.seedCase({ name: 'Jo Okafor', caseRef: 'RIO-3', grouping: 'getting_help', plan: { agreedDate: '2026-11-09' } });
  backend.seedClosure(closed, { endingDate: '2027-01-04' });
  backend.seedCase({ name: 'Kit Moss', caseRef: 'RIO-4', leadClinicianId: sam.id });
  return backend;
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());
/** The text of a saved file, its byte-order mark kept. */
const textOf = async (blob: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(blob));
/** The file main makes for these choices: its name, and its content as text. */
function mainFile(backend: TestBackend, args: ArgsOf<'export:caseloadCsv'>): { name: string; text: string } {
  const file = backend.okNow('export:caseloadCsv', args);
  const bytes = file.encoding === 'utf8' ? null : Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0));
  return { name: file.fileName, text: bytes ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : file.content };
}

describe('Export caseload', () => {
  it('is reached from the caseload, and a clinician is not offered the whole team', async () => {
    const { user } = await renderApp({ backend: caseloadBackend() });
    await user.click(await screen.findByRole('button', { name: 'Export caseload' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Export caseload' })).toBe(document.activeElement);
    expect(screen.getByRole('radio', { name: 'Open cases' })).toHaveProperty('checked', true);
    expect(screen.queryByRole('group', { name: 'Whose cases' })).toBeNull();
    expect(screen.getByRole('checkbox', { name: 'Add a byte-order mark (for Excel)' })).toHaveProperty('checked', true);
    expect(within(screen.getByRole('main')).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Download FHIR bundle (JSON)',
      'Download Cases CSV',
      'Download Current View ratings CSV',
      'Download GBO ratings CSV',
      'Download Reviews CSV',
      'Download Endings CSV',
    ]);
    await expectNoAxeViolations();
  });

  it('saves the Cases CSV of my open cases with a BOM, and says which file was saved', async () => {
    const { user, backend } = await renderApp({ backend: caseloadBackend(), route: { name: 'export' } });
    const expected = mainFile(backend, { scope: 'mine', includeClosed: false, file: 'cases', bom: true });
    expect(expected.name).toMatch(/^thrive-cases-.*alex-morgan.*2027-01-11\.csv$/);
    await user.click(screen.getByRole('button', { name: 'Download Cases CSV' }));
    const status = await screen.findByText(`Saved ${expected.name}.`);
    expect(status.getAttribute('role')).toBe('status');
    expect(backend.callsTo('export:caseloadCsv')).toEqual([{ scope: 'mine', includeClosed: false, file: 'cases', bom: true }]);
    expect(clicked).toEqual([expected.name]);
    const bytes = await bytesOf(created[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = await textOf(created[0]!);
    expect(text).toBe(expected.text);
    // My two open cases: not the closed one, nor my colleague's.
    const rows = text.split('\r\n').slice(1).filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^RIO-1,Riley Shaw,/);
    expect(rows[1]).toMatch(/^RIO-2,Zoë =Brontë,/);
  });

  it('sends the choices: closed cases too, no BOM, for each file of the set and the FHIR bundle', async () => {
    const { user, backend } = await renderApp({ backend: caseloadBackend(), route: { name: 'export' } });
    await user.click(screen.getByRole('radio', { name: 'Open and closed cases' }));
    await user.click(screen.getByRole('checkbox', { name: 'Add a byte-order mark (for Excel)' }));
    const expected = mainFile(backend, { scope: 'mine', includeClosed: true, file: 'endings', bom: false });
    await user.click(screen.getByRole('button', { name: 'Download Endings CSV' }));
    await screen.findByText(`Saved ${expected.name}.`);
    const endings = await textOf(created[0]!);
    expect(endings).toBe(expected.text);
    expect(endings.startsWith('\uFEFF')).toBe(false);
    expect(endings.split('\r\n').slice(1).filter(Boolean).map((row) => row.split(',')[0])).toEqual(['RIO-3']);

    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle (JSON)' }));
    await screen.findByText(/^Saved thrive-.*\.json\.$/);
    expect(backend.callsTo('export:caseloadCsv')).toEqual([{ scope: 'mine', includeClosed: true, file: 'endings', bom: false }]);
    expect(backend.callsTo('export:caseloadFhir')).toEqual([{ scope: 'mine', includeClosed: true }]);
    const bundle = JSON.parse(await created[1]!.text()) as { entry: Array<{ resource: { resourceType: string } }> };
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'EpisodeOfCare')).toHaveLength(3);
  });

  it("lets a team lead export the whole team's cases", async () => {
    const { user, backend } = await renderApp({ backend: caseloadBackend('team_lead'), route: { name: 'export' } });
    const whose = screen.getByRole('group', { name: 'Whose cases' });
    expect(within(whose).getByRole('radio', { name: 'My caseload' })).toHaveProperty('checked', true);
    await user.click(within(whose).getByRole('radio', { name: 'My whole team' }));
    const expected = mainFile(backend, { scope: 'team', includeClosed: false, file: 'gbo-ratings', bom: true });
    expect(expected.name).toMatch(/riverside-camhs/);
    await user.click(screen.getByRole('button', { name: 'Download GBO ratings CSV' }));
    await screen.findByText(`Saved ${expected.name}.`);
    expect(backend.callsTo('export:caseloadCsv')).toEqual([{ scope: 'team', includeClosed: false, file: 'gbo-ratings', bom: true }]);
    await expectNoAxeViolations();
  });

  it("shows main's refusal in the error summary, which takes focus, and saves nothing", async () => {
    const { user, backend } = await renderApp({ backend: caseloadBackend(), route: { name: 'export' } });
    backend.failNext('export:caseloadFhir', { code: 'internal', message: 'The export could not be made. Try again.' });
    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle (JSON)' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(within(summary).getByText('The export could not be made. Try again.')).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    expect(clicked).toEqual([]);
    expect(document.title).toBe('Error: Export caseload – THRIVE Plans');
  });
});
