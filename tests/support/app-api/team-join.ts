/**
 * Joining for the component tests (renderer/features/join-team/): a device used alone, then signed in
 * to a team server whose team already holds one of its young people. The real directory and pull
 * (main/sync/) hold the server's record for the joining review, as a first sync leaves it.
 */
import { expect } from 'vitest';
import { newId } from '../../../main/db/ids';
import { readCaseDocument } from '../../../main/sync/case-document';
import { putSyncState } from '../../../main/sync/sync-state';
import { applyDirectory } from '../../../main/sync/store';
import { CASE_TABLES, type CaseDocument, type Change } from '../../../shared/sync/protocol';
import { jamie } from './seed';
import { COLLEAGUE, pull, teamBackend, UNREACHABLE_SERVER } from './team-mode';

export const SERVER_TEAM = { id: newId(), name: 'Northfield CAMHS' } as const;
const ME = { id: newId(), name: 'Alex Morgan' };

/** The server's record of a local case's young person: its own ids and reference, the same NHS number. */
function serverRecordOf(local: CaseDocument, caseRef: string): Change {
  const caseId = newId();
  const youngPerson = { ...local.youngPerson, id: newId() };
  const theCase: CaseDocument['tables']['cases'][number] = { ...local.tables.cases[0]!, id: caseId, case_ref: caseRef, team_id: SERVER_TEAM.id, lead_clinician_id: COLLEAGUE.id, young_person_id: youngPerson.id };
  const tables = Object.fromEntries(CASE_TABLES.map((t) => [t, t === 'cases' ? [theCase] : []])) as unknown as CaseDocument['tables'];
  return {
    seq: 1,
    teamId: SERVER_TEAM.id,
    caseId,
    version: 1,
    authorId: COLLEAGUE.id,
    authorName: COLLEAGUE.name,
    deviceId: newId(),
    at: '2027-01-11T10:15:00.000Z',
    document: { caseId, youngPerson, tables },
  };
}

/** Jamie (NHS number 943 476 5919, also on the server as NF-77) and Kai (new), both made alone. */
export function joinedWithLocalCases(alone?: (backend: ReturnType<typeof teamBackend>['backend'], kaiId: string) => void) {
  const { backend } = teamBackend({ connected: false });
  const jamieId = backend.seedCase({ ...jamie(), nhsNumber: '9434765919' });
  const kaiId = backend.seedCase({ ...jamie(), name: 'Kai Patel', caseRef: 'HOME-2', nhsNumber: null });
  // More work done alone before joining (a case ended and re-opened), as the test needs.
  alone?.(backend, kaiId);
  const db = backend.db();
  putSyncState(db, 'serverUrl', UNREACHABLE_SERVER, backend.clock.now());
  applyDirectory(db, backend.clock, {
    serverId: 'server-riverside',
    person: ME,
    memberships: [{ teamId: SERVER_TEAM.id, role: 'clinician' }],
    teams: [{ ...SERVER_TEAM, members: [{ personId: ME.id, name: ME.name, role: 'clinician' }, { personId: COLLEAGUE.id, name: COLLEAGUE.name, role: 'clinician' }] }],
  });
  const change = serverRecordOf(readCaseDocument(db, jamieId), 'NF-77');
  expect(pull(backend, [change])).toEqual({ applied: 0, skipped: 1, conflicts: 0 });
  return { backend, jamieId, kaiId, serverCaseId: change.caseId };
}

/**
 * A local case set aside on joining for a server record this device does not hold (as a demo case
 * that cannot join leaves it), as main/sync/join-held.ts markSuperseded records it.
 */
export function setAsideForElsewhere(backend: ReturnType<typeof teamBackend>['backend'], localCaseId: string): void {
  const at = backend.clock.now();
  putSyncState(backend.db(), 'join.superseded', { [localCaseId]: { serverCaseId: 'elsewhere', by: 'nhs_number', at, personId: backend.profile.id } }, at);
}
