import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectNoAxeViolations } from '../../test-support/axe';
import { createFakeApi } from '../../test-support/fake-api';
import { renderApp } from '../../test-support/render-app';

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
function caseloadFake(role: 'clinician' | 'team_lead' = 'clinician') {
  const fake = createFakeApi({ role });
  const sam = fake.addClinician('Sam Reid');
  fake.seedCase({ name: 'Riley Shaw', caseRef: 'RIO-1' });
  fake.seedCase({ name: 'Zoë =Brontë', caseRef: 'RIO-2' });
  const closed = fake.seedCase({ name: 'Jo Okafor', caseRef: 'RIO-3', grouping: 'getting_help', plan: { agreedDate: '2026-11-09' } });
  fake.seedClosure(closed, { endingDate: '2027-01-04' });
  fake.seedCase({ name: 'Kit Moss', caseRef: 'RIO-4', leadClinicianId: sam.id });
  return fake;
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('Export caseload', () => {
  it('is reached from the caseload, and a clinician is not offered the whole team', async () => {
    const { user } = await renderApp({ fake: caseloadFake() });
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
    const { user, fake } = await renderApp({ fake: caseloadFake(), route: { name: 'export' } });
    await user.click(screen.getByRole('button', { name: 'Download Cases CSV' }));
    const status = await screen.findByText('Saved thrive-cases-alex-morgan-2027-01-11.csv.');
    expect(status.getAttribute('role')).toBe('status');
    expect(fake.callsTo('export:caseloadCsv')).toEqual([{ scope: 'mine', includeClosed: false, file: 'cases', bom: true }]);
    expect(clicked).toEqual(['thrive-cases-alex-morgan-2027-01-11.csv']);
    const bytes = await bytesOf(created[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n').slice(1, 3)).toEqual([
      'RIO-1,Riley Shaw,04/05/2012,,02/11/2026,02/11/2026,Alex Morgan,CAMHS',
      "RIO-2,Zoë =Brontë,04/05/2012,,02/11/2026,02/11/2026,Alex Morgan,CAMHS",
    ]);
  });

  it('sends the choices: closed cases too, no BOM, for each file of the set and the FHIR bundle', async () => {
    const { user, fake } = await renderApp({ fake: caseloadFake(), route: { name: 'export' } });
    await user.click(screen.getByRole('radio', { name: 'Open and closed cases' }));
    await user.click(screen.getByRole('checkbox', { name: 'Add a byte-order mark (for Excel)' }));
    await user.click(screen.getByRole('button', { name: 'Download Endings CSV' }));
    await screen.findByText('Saved thrive-endings-alex-morgan-2027-01-11.csv.');
    const endings = new TextDecoder().decode(await bytesOf(created[0]!));
    expect(endings).toBe('Case ref,Ending date,Reason\r\nRIO-3,04/01/2027,criteria_met\r\n');

    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle (JSON)' }));
    await screen.findByText('Saved thrive-fhir-alex-morgan-2027-01-11.json.');
    expect(fake.callsTo('export:caseloadCsv')).toEqual([{ scope: 'mine', includeClosed: true, file: 'endings', bom: false }]);
    expect(fake.callsTo('export:caseloadFhir')).toEqual([{ scope: 'mine', includeClosed: true }]);
    const bundle = JSON.parse(await created[1]!.text()) as { entry: Array<{ resource: { resourceType: string } }> };
    expect(bundle.entry.filter((e) => e.resource.resourceType === 'EpisodeOfCare')).toHaveLength(3);
  });

  it("lets a team lead export the whole team's cases", async () => {
    const { user, fake } = await renderApp({ fake: caseloadFake('team_lead'), route: { name: 'export' } });
    const whose = screen.getByRole('group', { name: 'Whose cases' });
    expect(within(whose).getByRole('radio', { name: 'My caseload' })).toHaveProperty('checked', true);
    await user.click(within(whose).getByRole('radio', { name: 'My whole team' }));
    await user.click(screen.getByRole('button', { name: 'Download GBO ratings CSV' }));
    await screen.findByText('Saved thrive-gbo-ratings-riverside-camhs-2027-01-11.csv.');
    expect(fake.callsTo('export:caseloadCsv')).toEqual([{ scope: 'team', includeClosed: false, file: 'gbo-ratings', bom: true }]);
    await expectNoAxeViolations();
  });

  it("shows main's refusal in the error summary, which takes focus, and saves nothing", async () => {
    const { user, fake } = await renderApp({ fake: caseloadFake(), route: { name: 'export' } });
    fake.failNext('export:caseloadFhir', { code: 'internal', message: 'The export could not be made. Try again.' });
    await user.click(screen.getByRole('button', { name: 'Download FHIR bundle (JSON)' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(within(summary).getByText('The export could not be made. Try again.')).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    expect(clicked).toEqual([]);
    expect(document.title).toBe('Error: Export caseload – THRIVE Plans');
  });
});
