import { describe, expect, it } from 'vitest';
import { listCaseAudit } from '../../main/db/repos/audit';
import { verifyAudit } from '../../main/db/verify-audit';
import { readCaseDocument } from '../../main/sync/case-document';
import {
  applyPulled,
  conflictsNeedingBase,
  listConflicts,
  nextPush,
  pushAccepted,
  pushConflicted,
  resolveConflict,
  setConflictBase,
  syncSummary,
} from '../../main/sync/store';
import type { CaseDocument } from '../../shared/sync/protocol';
import { currentViewArgs, openCaseArgs, reviewArgs } from '../support/test-app';
import { seedClosure } from '../support/app-api/seed';
import { acceptedAs, changeOf, makeTeam, outboxCount, startDevice, writeStory, type Device } from './devices';

/**
 * Ana's case, synced to Ben's device at version 1; then, both offline, Ana records a review and Ben a
 * session rating. Ana's push is accepted as version 2.
 */
function bothEditOffline() {
  const { team, people, me } = makeTeam();
  const a = startDevice(me(people.ana), people.ana);
  const b = startDevice(me(people.ben), people.ben);
  const caseId = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: '9434765919' });
  const v1 = nextPush(a.db(), a.clock, a.deviceId)!;
  pushAccepted(a.db(), a.clock, caseId, v1.idempotencyKey, acceptedAs(v1, 1, 1));
  applyPulled(b.db(), b.clock, [changeOf(v1, people.ana, 1, 1, team.id)], 'c1', 'x');
  const base = readCaseDocument(b.db(), caseId);

  a.ok('review:record', reviewArgs(a.ok('cases:get', { caseId }), { reviewDate: '2027-01-08', nextReviewDate: '2027-02-08', notes: 'Ana: going well' }));
  b.world.sessionRating(caseId, 'Go back to school', '2027-01-10', 8);
  const v2 = nextPush(a.db(), a.clock, a.deviceId)!;
  pushAccepted(a.db(), a.clock, caseId, v2.idempotencyKey, acceptedAs(v2, 2, 2));
  const server = changeOf(v2, people.ana, 2, 2, team.id);
  return { team, people, a, b, caseId, base, server, mine: readCaseDocument(b.db(), caseId) };
}

function ratingScores(doc: CaseDocument): number[] {
  return doc.tables.goal_ratings.map((r) => r.score as number).sort((x, y) => x - y);
}

function history(d: Device, caseId: string, action: string) {
  return listCaseAudit(d.db(), caseId).filter((e) => e.action === action);
}

describe('a pulled change for a case with unpushed work', () => {
  it('is a conflict: the local rows stay exactly as they are, the case waits, and both versions are shown field by field', () => {
    const { b, caseId, server, mine } = bothEditOffline();
    expect(applyPulled(b.db(), b.clock, [server], 'c2', 'x')).toEqual({ applied: 0, skipped: 0, conflicts: 1 });
    expect(readCaseDocument(b.db(), caseId)).toEqual(mine);
    expect(syncSummary(b.db())).toMatchObject({ conflicts: 1, pending: 1, cursor: 'c2' });
    // The case waits for the person: it is not pushed over the server's version.
    expect(nextPush(b.db(), b.clock, b.deviceId)).toBeNull();

    const [conflict] = listConflicts(b.db());
    expect(conflict).toMatchObject({ caseId, caseRef: 'RIO-1001', youngPersonName: 'Jamie Lee', serverVersion: 2, serverAuthorName: 'Ana Patel', hasBase: false });
    const tables = new Set(conflict!.fields.map((f) => f.table));
    expect(tables).toEqual(new Set(['cases', 'current_views', 'reviews', 'goal_ratings', 'review_criterion_progress']));
    // Ben's rating is his alone; Ana's review notes are hers alone.
    expect(conflict!.fields).toContainEqual(expect.objectContaining({ table: 'goal_ratings', column: 'score', mine: 8, theirs: undefined, technical: false }));
    expect(conflict!.fields).toContainEqual(expect.objectContaining({ table: 'cases', column: 'version', technical: true }));
    expect(conflict!.fields).toContainEqual(expect.objectContaining({ table: 'reviews', column: 'notes', mine: undefined, theirs: 'Ana: going well' }));
    // The base is what the pull could not carry: the engine fetches the version Ben's work was made on.
    expect(conflictsNeedingBase(b.db())).toEqual([{ conflictId: conflict!.id, caseId, baseVersion: 1 }]);
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });
  });

  it('resolved "theirs": the server version replaces the case, the local work is kept in the audit entry, nothing is pushed', () => {
    const { people, b, caseId, server, mine } = bothEditOffline();
    applyPulled(b.db(), b.clock, [server], 'c2', 'x');
    resolveConflict(b.db(), b.clock, listConflicts(b.db())[0]!.id, 'theirs', people.ben.id);

    expect(readCaseDocument(b.db(), caseId)).toEqual(server.document);
    expect(outboxCount(b.db(), caseId)).toBe(0);
    expect(syncSummary(b.db())).toMatchObject({ conflicts: 0, pending: 0 });
    expect(nextPush(b.db(), b.clock, b.deviceId)).toBeNull();
    const [entry] = history(b, caseId, 'sync.conflict_theirs');
    expect(entry!.actorId).toBe(people.ben.id);
    // Nothing lost: Ben's rating of 8 is in the trail, in the version he let go.
    expect(entry!.before).toEqual(mine);
    expect(ratingScores(mine)).toContain(8);
    // History says so in words, without listing the set-aside document as field changes.
    const shown = b.ok('cases:history', { caseId }).find((e) => e.action === 'sync.conflict_theirs')!;
    expect(shown).toMatchObject({ actorName: 'Ben Okafor', changes: [] });
    expect(shown.summary).toBe("Conflict resolved: the team server's version (Ana Patel's) was kept; this device's version is kept in the audit trail");
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });
    // The server's version was applied with the choice, so pulling it again is skipped.
    expect(applyPulled(b.db(), b.clock, [server], 'c2', 'x')).toEqual({ applied: 0, skipped: 1, conflicts: 0 });
  });

  it('resolved "mine": Ben\'s changes go on top of the server version, pushed with If-Match of it, and both sides reach Ana', () => {
    const { team, people, a, b, caseId, base, server, mine } = bothEditOffline();
    // Ben pushes first this time: the server refuses it (412) with its copy, and the engine fetched the base.
    const stale = nextPush(b.db(), b.clock, b.deviceId)!;
    expect(stale.baseVersion).toBe(1);
    pushConflicted(b.db(), b.clock, caseId, stale.idempotencyKey, server, base);
    expect(listConflicts(b.db())[0]!.hasBase).toBe(true);
    resolveConflict(b.db(), b.clock, listConflicts(b.db())[0]!.id, 'mine', people.ben.id);

    const merged = readCaseDocument(b.db(), caseId);
    // Ana's review and Ben's rating, both.
    expect(merged.tables.reviews.map((r) => r.notes)).toContain('Ana: going well');
    expect(ratingScores(merged)).toEqual([...ratingScores(server.document), 8].sort((x, y) => x - y));
    const versions = [mine, server.document].map((d) => d.tables.cases[0]!.version as number);
    expect(merged.tables.cases[0]!.version).toBe(Math.max(...versions) + 1);
    const [entry] = history(b, caseId, 'sync.conflict_mine');
    expect(entry!.before).toEqual(server.document);
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });

    const push = nextPush(b.db(), b.clock, b.deviceId)!;
    expect(push.baseVersion).toBe(2);
    expect(push.idempotencyKey).not.toBe(stale.idempotencyKey);
    expect(push.body.document).toEqual(merged);
    pushAccepted(b.db(), b.clock, caseId, push.idempotencyKey, acceptedAs(push, 3, 3));
    expect(syncSummary(b.db())).toMatchObject({ pending: 0, conflicts: 0 });

    expect(applyPulled(a.db(), a.clock, [server, changeOf(push, people.ben, 3, 3, team.id)], 'c3', 'x')).toEqual({ applied: 1, skipped: 1, conflicts: 0 });
    expect(readCaseDocument(a.db(), caseId)).toEqual(merged);
    expect(verifyAudit(a.db())).toMatchObject({ ok: true, records: [] });
  });

  it('keeps the later server version when more arrive while the conflict is open, and a base fetched later is used', () => {
    const { people, b, base, server } = bothEditOffline();
    applyPulled(b.db(), b.clock, [server], 'c2', 'x');
    const later = { ...server, version: 3, seq: 3, authorName: 'Lee Hughes', authorId: people.lee.id };
    expect(applyPulled(b.db(), b.clock, [later], 'c3', 'x')).toEqual({ applied: 0, skipped: 0, conflicts: 1 });
    const [conflict] = listConflicts(b.db());
    expect(listConflicts(b.db())).toHaveLength(1);
    expect(conflict).toMatchObject({ serverVersion: 3, serverAuthorName: 'Lee Hughes' });
    setConflictBase(b.db(), conflict!.id, base);
    expect(conflictsNeedingBase(b.db())).toEqual([]);
    resolveConflict(b.db(), b.clock, conflict!.id, 'mine', people.ben.id);
    expect(nextPush(b.db(), b.clock, b.deviceId)!.baseVersion).toBe(3);
    expect(() => resolveConflict(b.db(), b.clock, conflict!.id, 'theirs', people.ben.id)).toThrow(/already been resolved/);
  });

  it('is no conflict when the server already holds exactly the local case: the local work counts as sent', () => {
    const { team, people, b, caseId } = bothEditOffline();
    // Someone pushed exactly what Ben has (say, the same change made on two devices).
    const same = { ...changeOfDoc(readCaseDocument(b.db(), caseId)), teamId: team.id, authorId: people.lee.id, version: 2, seq: 2 };
    expect(applyPulled(b.db(), b.clock, [same], 'c2', 'x')).toEqual({ applied: 0, skipped: 1, conflicts: 0 });
    expect(syncSummary(b.db())).toMatchObject({ pending: 0, conflicts: 0 });
    expect(b.db().prepare('SELECT server_version FROM sync_cases WHERE case_id = ?').pluck().get(caseId)).toBe(2);

    // The same through a refused push: nothing to choose, settled at the server's version.
    b.world.sessionRating(caseId, 'Go back to school', '2027-01-11', 9);
    const push = nextPush(b.db(), b.clock, b.deviceId)!;
    pushConflicted(b.db(), b.clock, caseId, push.idempotencyKey, { ...same, version: 3, seq: 3, document: push.body.document }, null);
    expect(listConflicts(b.db())).toEqual([]);
    expect(syncSummary(b.db())).toMatchObject({ pending: 0, conflicts: 0 });
    expect(nextPush(b.db(), b.clock, b.deviceId)).toBeNull();
  });

  it('"mine" that cannot be put together (the case ended in both versions) is refused in words, changing nothing; "theirs" still works', () => {
    const { team, people, a, b, caseId } = bothEditOffline();
    seedClosure(a.world, caseId, { endingDate: '2027-01-10' });
    const ended = nextPush(a.db(), a.clock, a.deviceId)!;
    seedClosure(b.world, caseId, { endingDate: '2027-01-11' });
    const server = changeOf(ended, people.ana, 2, 2, team.id);
    applyPulled(b.db(), b.clock, [server], 'c2', 'x');
    const before = readCaseDocument(b.db(), caseId);
    const [conflict] = listConflicts(b.db());
    expect(() => resolveConflict(b.db(), b.clock, conflict!.id, 'mine', people.ben.id)).toThrow(
      "Your version on top of the team server’s could not be saved, so nothing was changed: the case was ended in both versions. Keep the team server's version and enter your changes again on top of it.",
    );
    expect(readCaseDocument(b.db(), caseId)).toEqual(before);
    expect(listConflicts(b.db())).toHaveLength(1);
    resolveConflict(b.db(), b.clock, conflict!.id, 'theirs', people.ben.id);
    expect(readCaseDocument(b.db(), caseId)).toEqual(server.document);
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });
  });

  it('"mine" with a Current View at open recorded on both devices is refused in words (SQLite names the columns, not the index); "theirs" still works', () => {
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const b = startDevice(me(people.ben), people.ben);
    const opened = a.ok('cases:open', openCaseArgs(people.ana.id, { caseRef: 'RIO-2002' }));
    const v1 = nextPush(a.db(), a.clock, a.deviceId)!;
    pushAccepted(a.db(), a.clock, opened.id, v1.idempotencyKey, acceptedAs(v1, 1, 1));
    applyPulled(b.db(), b.clock, [changeOf(v1, people.ana, 1, 1, team.id)], 'c1', 'x');
    a.ok('currentView:record', currentViewArgs(opened.id, { grouping: 'getting_help' }));
    b.ok('currentView:record', currentViewArgs(opened.id, { grouping: 'getting_advice' }));
    const v2 = nextPush(a.db(), a.clock, a.deviceId)!;
    const server = changeOf(v2, people.ana, 2, 2, team.id);
    applyPulled(b.db(), b.clock, [server], 'c2', 'x');
    const before = readCaseDocument(b.db(), opened.id);
    const [conflict] = listConflicts(b.db());
    expect(() => resolveConflict(b.db(), b.clock, conflict!.id, 'mine', people.ben.id)).toThrow(/both versions have a Current View at open\. Keep the team server's version/);
    expect(readCaseDocument(b.db(), opened.id)).toEqual(before);
    resolveConflict(b.db(), b.clock, conflict!.id, 'theirs', people.ben.id);
    expect(readCaseDocument(b.db(), opened.id)).toEqual(server.document);
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });
  });
});


function changeOfDoc(document: CaseDocument) {
  return { seq: 1, teamId: 't', caseId: document.caseId, version: 1, authorId: 'p', authorName: 'Lee Hughes', deviceId: 'device-lee', at: '2027-01-11T12:30:00.000Z', document };
}
