import { describe, expect, it } from 'vitest';
import { countAudit } from '../../main/db/repos/audit';
import { profileClinicianId } from '../../main/db/repos/settings';
import { verifyAudit } from '../../main/db/verify-audit';
import { applyCaseDocument, readCaseDocument } from '../../main/sync/case-document';
import { getSyncState } from '../../main/sync/sync-state';
import { applyDirectory } from '../../main/sync/store';
import { startApp } from '../support/test-app';
import { makeTeam, startDevice, writeStory } from './devices';

describe('the directory from the server', () => {
  it('makes the team and its clinical members local, the signed-in person the profile with the role the server gives', () => {
    const { team, people, me } = makeTeam();
    const lee = startDevice(me(people.lee), people.lee);
    const clinicians = lee.ok('clinicians:list', {});
    expect(clinicians.map((c) => [c.name, c.role, c.teamId])).toEqual([
      ['Ana Patel', 'clinician', team.id],
      ['Ben Okafor', 'clinician', team.id],
      ['Lee Hughes', 'team_lead', team.id],
    ]);
    // A service admin grants roles; they are not a clinician here.
    expect(clinicians.map((c) => c.id)).not.toContain(people.ada.id);
    expect(profileClinicianId(lee.db())).toBe(people.lee.id);
    expect(lee.ok('app:state', {})).toMatchObject({ profile: { id: people.lee.id, role: 'team_lead' } });
    expect(getSyncState(lee.db(), 'teams')).toEqual([team.id]);
    expect(getSyncState(lee.db(), 'person')).toEqual({ id: people.lee.id, name: 'Lee Hughes', roles: ['team_lead'] });
    expect(verifyAudit(lee.db())).toMatchObject({ ok: true, records: [] });
  });

  it('writes (and audits) only what changed: the same directory again adds no entry; a rename and a new role do', () => {
    const { team, people, me } = makeTeam();
    const ana = startDevice(me(people.ana), people.ana);
    const entries = countAudit(ana.db());
    applyDirectory(ana.db(), ana.clock, me(people.ana));
    expect(countAudit(ana.db())).toBe(entries);

    const changed = me(people.ana);
    changed.teams[0]!.name = 'Riverside CAMHS North';
    changed.teams[0]!.members = changed.teams[0]!.members.map((m) => (m.personId === people.ben.id ? { ...m, name: 'Ben Okafor-Smith', role: 'team_lead' } : m));
    applyDirectory(ana.db(), ana.clock, changed);
    expect(countAudit(ana.db())).toBe(entries + 1);
    expect(ana.ok('teams:list', {}).map((t) => t.name)).toEqual(['Riverside CAMHS North']);
    expect(ana.ok('clinicians:list', { teamId: team.id }).find((c) => c.id === people.ben.id)).toMatchObject({ name: 'Ben Okafor-Smith', role: 'team_lead' });
    expect(verifyAudit(ana.db())).toMatchObject({ ok: true, records: [] });
  });

  it('leaves a service admin with no clinician and no profile; the server team takes its name from a local team holding it', () => {
    const { team, people, me } = makeTeam();
    const app = startApp('2027-01-11');
    const local = app.ok('teams:create', { name: 'riverside camhs' });
    applyDirectory(app.services.db, app.clock, me(people.ada));
    expect(profileClinicianId(app.services.db)).toBeNull();
    expect(app.ok('clinicians:list', {}).map((c) => c.name)).not.toContain('Ada Admin');
    // The name the team's members share is the server's; the team made here alone says where it is from.
    const names = new Map(app.ok('teams:list', {}).map((t) => [t.id, t.name]));
    expect(names.get(team.id)).toBe('Riverside CAMHS');
    expect(names.get(local.id)).toBe('riverside camhs (this computer)');
    // Again (the next sign-in): nothing moves.
    const entries = countAudit(app.services.db);
    applyDirectory(app.services.db, app.clock, me(people.ada));
    expect(countAudit(app.services.db)).toBe(entries);
    expect(verifyAudit(app.services.db)).toMatchObject({ ok: true, records: [] });
    expect(getSyncState(app.services.db, 'person')).toMatchObject({ roles: ['service_admin'] });
  });

  it('a case led by someone no longer in the team still arrives: a plainly named stand-in is made for them', () => {
    const { people, me } = makeTeam();
    const ana = startDevice(me(people.ana), people.ana);
    const caseId = writeStory(ana, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const doc = readCaseDocument(ana.db(), caseId);
    const other = makeTeam();
    const lee = startDevice(other.me(other.people.lee), other.people.lee);
    applyCaseDocument(lee.db(), doc);
    expect(readCaseDocument(lee.db(), caseId)).toEqual(doc);
    expect(lee.ok('clinicians:list', {}).find((c) => c.id === people.ana.id)).toMatchObject({ name: 'Former team member', role: 'clinician' });
    expect(verifyAudit(lee.db())).toMatchObject({ ok: true, records: [] });
  });

  it('a document pointing at a case this device does not hold is refused at commit, whole', () => {
    const { people, me } = makeTeam();
    const ana = startDevice(me(people.ana), people.ana);
    const caseId = writeStory(ana, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const doc = structuredClone(readCaseDocument(ana.db(), caseId));
    doc.tables.cases[0]!.previous_episode_id = 'no-such-case';
    const b = startApp('2027-01-11');
    expect(() => applyCaseDocument(b.services.db, doc)).toThrow(/FOREIGN KEY/);
    expect(b.services.db.inTransaction).toBe(false);
    expect(b.services.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });
});
