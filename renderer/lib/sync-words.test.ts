import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/ipc/schemas/sync';
import { conflictValue, serverRoleLabel, syncAnnouncement, syncHeadline, syncTime } from './sync-words';

const TODAY = '2027-01-11';
const base: SyncStatus = {
  mode: 'team',
  state: 'up_to_date',
  pending: 0,
  oldestPendingAt: null,
  offlineSince: null,
  lastSyncedAt: null,
  asOf: null,
  conflicts: 0,
  refusedChanges: 0,
  waitingForOthers: [],
  person: { id: 'p1', name: 'Alex Morgan', role: 'clinician' },
  teamNames: ['Riverside CAMHS'],
  serverUrl: 'https://thrive.example.nhs.uk',
  message: null,
};
const say = (s: Partial<SyncStatus>) => syncHeadline({ ...base, ...s }, TODAY).text;

describe('the sync indicator words', () => {
  it('says each state the way the header shows it, times in UK local time', () => {
    expect(say({ asOf: '2027-01-11T14:32:00.000Z' })).toBe('Up to date · as of 14:32');
    expect(say({ state: 'pending', pending: 3, oldestPendingAt: '2027-01-11T09:10:00.000Z' })).toBe('3 changes waiting · oldest 09:10');
    expect(say({ state: 'offline', pending: 3, offlineSince: '2027-01-11T08:55:00.000Z' })).toBe('Offline since 08:55 · 3 changes waiting');
    expect(say({ state: 'signed_out', pending: 3, person: null })).toBe('Signed out · sign in to send 3 changes');
    expect(say({ state: 'signed_out', person: null })).toBe('Signed out · sign in to sync');
    expect(say({ state: 'conflict', conflicts: 1 })).toBe('1 conflict to resolve');
    expect(say({ state: 'refused', message: 'Update THRIVE Plans to keep syncing.' })).toBe('Refused: Update THRIVE Plans to keep syncing.');
    expect(syncHeadline({ ...base, state: 'conflict', conflicts: 2 }, TODAY).link).toBe(true);
  });

  it('shows British Summer Time, and the date dd/mm/yyyy when the instant is not today', () => {
    expect(syncTime('2027-07-01T13:32:00.000Z', '2027-07-01')).toBe('14:32');
    expect(syncTime('2027-01-10T09:10:00.000Z', TODAY)).toBe('10/01/2027 09:10');
    expect(say({ state: 'pending', pending: 1, oldestPendingAt: '2027-01-09T09:10:00.000Z' })).toBe('1 change waiting · oldest 09/01/2027 09:10');
  });

  it('announces the state without times, so the live region speaks on a change of state only', () => {
    expect(syncAnnouncement({ ...base, state: 'offline', offlineSince: '2027-01-11T08:55:00.000Z' })).not.toMatch(/\d\d:\d\d/);
    expect(syncAnnouncement({ ...base, state: 'conflict', conflicts: 2 })).toBe('Team sync: 2 conflicts to resolve.');
  });

  it('names the roles the team server grants, including one only it has', () => {
    expect(serverRoleLabel('team_lead')).toBe('Team lead');
    expect(serverRoleLabel('service_admin')).toBe('Service admin');
  });

  it("shows a conflicting field's dates the UK way and leaves other text alone", () => {
    expect(conflictValue('2027-02-15')).toBe('15/02/2027');
    expect(conflictValue('2027-07-01T13:32:00.000Z')).toBe('01/07/2027 14:32');
    expect(conflictValue('Go back to school')).toBe('Go back to school');
    expect(conflictValue('getting_advice')).toBe('Getting Advice and Signposting');
    expect(conflictValue('changed_understanding')).toBe('Changed understanding');
    expect(conflictValue('open')).toBe('open');
    expect(conflictValue('{"p1":0}')).toBe('Every item None or No');
    expect(conflictValue('{"p1":0,"p3":1}')).toMatch(/^[^{;]+: Mild; every other item None or No$/);
    expect(conflictValue('{"not an item":0}')).toBe('{"not an item":0}');
    expect(conflictValue('2027-02-30')).toBe('2027-02-30');
    expect(conflictValue('3')).toBe('3');
  });
});

describe('refused changes and changes waiting for their author', () => {
  it('says how many the server refused, as a link to where they are shown', () => {
    expect(syncHeadline({ ...base, state: 'refused', refusedChanges: 1 }, TODAY)).toEqual({ text: '1 change the team server refused', link: true });
    expect(say({ state: 'conflict', conflicts: 1, refusedChanges: 2 })).toBe('1 conflict to resolve · 2 changes the team server refused');
    expect(say({ state: 'refused', message: 'Update THRIVE Plans.', refusedChanges: 1 })).toBe('Refused: Update THRIVE Plans.');
  });

  it("says whose changes wait for them, apart from the signed-in person's own", () => {
    const sam = { waitingForOthers: [{ name: 'Sam Lee', changes: 3 }] };
    expect(say({ state: 'pending', pending: 3, ...sam })).toBe('3 changes by Sam Lee wait for Sam Lee to sign in on this computer');
    expect(say({ state: 'pending', pending: 4, ...sam })).toBe('1 change waiting · 3 changes by Sam Lee wait for Sam Lee to sign in on this computer');
  });
});
