import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { writeTx } from '../../main/db/sql';
import { verifyAudit } from '../../main/db/verify-audit';
import { readCaseDocument } from '../../main/sync/case-document';
import { applyPulled, nextPush, pushAccepted, syncSummary } from '../../main/sync/store';
import { caseDocumentSchema, pushBodySchema } from '../../shared/sync/protocol';
import { ratings, reviewArgs, reviseArgs } from '../support/test-app';
import { TEST_KEY } from '../support/temp-db';
import { acceptedAs, changeOf, makeTeam, outboxCount, startDevice, writeStory } from './devices';

describe('a case written on one device, applied on another', () => {
  it('arrives whole: the same document, on the caseload, with verify-audit holding on both devices', () => {
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const b = startDevice(me(people.lee), people.lee);
    const open = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: '9434765919' });
    const closed = writeStory(a, { caseRef: 'RIO-1002', name: 'Riley Shaw', nhsNumber: null, close: true });

    const pushes = [nextPush(a.db(), a.clock, a.deviceId)!];
    pushAccepted(a.db(), a.clock, pushes[0]!.caseId, pushes[0]!.idempotencyKey, acceptedAs(pushes[0]!, 1, 1));
    pushes.push(nextPush(a.db(), a.clock, a.deviceId)!);
    pushAccepted(a.db(), a.clock, pushes[1]!.caseId, pushes[1]!.idempotencyKey, acceptedAs(pushes[1]!, 1, 2));
    expect(nextPush(a.db(), a.clock, a.deviceId)).toBeNull();
    expect(pushes.map((p) => [p.caseId, p.baseVersion])).toEqual([
      [open, null],
      [closed, null],
    ]);
    // What goes on the wire passes the contract, and the closed case carries every table.
    for (const p of pushes) expect(pushBodySchema.safeParse(p.body).success).toBe(true);
    const doc = pushes[1]!.body.document;
    expect(Object.entries(doc.tables).filter(([, rows]) => rows.length === 0)).toEqual([]);
    expect(syncSummary(a.db())).toMatchObject({ pending: 0, conflicts: 0 });

    const result = applyPulled(b.db(), b.clock, pushes.map((p, i) => changeOf(p, people.ana, 1, i + 1, team.id)), 'cursor-2', '2027-01-11T12:31:00.000Z');
    expect(result).toEqual({ applied: 2, skipped: 0, conflicts: 0 });
    expect(readCaseDocument(b.db(), open)).toEqual(readCaseDocument(a.db(), open));
    expect(readCaseDocument(b.db(), closed)).toEqual(readCaseDocument(a.db(), closed));
    expect(caseDocumentSchema.safeParse(readCaseDocument(b.db(), closed)).success).toBe(true);
    // The lead sees Ana's open case on her caseload, with its flags worked out from the applied rows.
    const caseload = b.ok('caseload:list', { clinicianId: people.ana.id });
    expect(caseload.rows.map((r) => r.caseRef)).toEqual(['RIO-1001']);
    expect(b.ok('cases:get', { caseId: open }).goals.map((g) => g.description)).toContain('Go back to school');
    // Applying a pull is not a local change: nothing is sent back.
    expect(syncSummary(b.db())).toEqual({ pending: 0, oldestPendingAt: null, conflicts: 0, cursor: 'cursor-2', asOf: '2027-01-11T12:31:00.000Z' });
    const received = b.ok('cases:history', { caseId: open }).filter((e) => e.action === 'sync.receive');
    expect(received.map((e) => [e.actorId, e.actorName, e.summary])).toEqual([[people.ana.id, 'Ana Patel', "Received from the team server: Ana Patel's changes (version 1)"]]);
    expect(verifyAudit(a.db())).toMatchObject({ ok: true, records: [] });
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });

    // The same batch pulled again (a crash before the cursor was kept) changes nothing.
    const again = applyPulled(b.db(), b.clock, pushes.map((p, i) => changeOf(p, people.ana, 1, i + 1, team.id)), 'cursor-2', '2027-01-11T12:32:00.000Z');
    expect(again).toEqual({ applied: 0, skipped: 2, conflicts: 0 });
  });

  it('a later version replaces the case on the other device, rows and all, and is audited as received', () => {
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const b = startDevice(me(people.lee), people.lee);
    const caseId = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: '9434765919' });
    const first = nextPush(a.db(), a.clock, a.deviceId)!;
    pushAccepted(a.db(), a.clock, caseId, first.idempotencyKey, acceptedAs(first, 1, 1));
    applyPulled(b.db(), b.clock, [changeOf(first, people.ana, 1, 1, team.id)], 'c1', 'x');

    const detail = a.ok('cases:get', { caseId });
    a.ok('review:record', reviewArgs(detail, {
      reviewDate: '2027-01-08',
      currentView: { reason: 'changed_situation', grouping: 'getting_advice', ratings: ratings() },
      decision: 'change_grouping',
      nextReviewDate: '2027-02-08',
      notes: 'Moving to Getting Advice',
    }));
    const second = nextPush(a.db(), a.clock, a.deviceId)!;
    expect(second.baseVersion).toBe(1);
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey);
    applyPulled(b.db(), b.clock, [changeOf(second, people.ana, 2, 2, team.id)], 'c2', 'x');
    expect(readCaseDocument(b.db(), caseId)).toEqual(readCaseDocument(a.db(), caseId));
    expect(b.ok('cases:get', { caseId }).summary.grouping).toBe('getting_advice');
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });
  });
});

describe('the outbox', () => {
  it('sends a re-opened case\'s new episode (whose rows the old episode\'s entry accounts for) and it arrives after the old one', () => {
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const b = startDevice(me(people.lee), people.lee);
    const old = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: '9434765919', close: true });
    const reopened = a.ok('cases:reopen', {
      caseId: old,
      caseVersion: a.ok('cases:get', { caseId: old }).summary.version,
      referralDate: '2027-01-09',
      openDate: '2027-01-11',
      leadClinicianId: people.ana.id,
      reason: 'Referred again by the school',
    });
    expect(outboxCount(a.db(), reopened.id)).toBe(1);
    const pushes = [];
    for (let push = nextPush(a.db(), a.clock, a.deviceId); push; push = nextPush(a.db(), a.clock, a.deviceId)) {
      pushAccepted(a.db(), a.clock, push.caseId, push.idempotencyKey, acceptedAs(push, 1, pushes.length + 1));
      pushes.push(push);
    }
    expect(pushes.map((p) => p.caseId)).toEqual([old, reopened.id]);
    applyPulled(b.db(), b.clock, pushes.map((p, i) => changeOf(p, people.ana, 1, i + 1, team.id)), 'c2', 'x');
    expect(readCaseDocument(b.db(), reopened.id)).toEqual(readCaseDocument(a.db(), reopened.id));
    expect(b.ok('cases:get', { caseId: reopened.id }).summary.episodeNo).toBe(2);
    expect(verifyAudit(b.db())).toMatchObject({ ok: true, records: [] });
  });

  it('gets an entry in the same transaction as each audited write of a server team case, and none from a write that fails', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const caseId = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const before = outboxCount(a.db(), caseId);
    expect(before).toBeGreaterThan(3);
    const made = a.db().prepare('SELECT made_by FROM sync_outbox').pluck().all();
    expect(new Set(made)).toEqual(new Set([people.ana.id]));

    // The review is saved inside a transaction that then fails (a disk error at commit, say): neither it nor its entry remains.
    const detail = a.ok('cases:get', { caseId });
    const reviews = detail.reviews.length;
    expect(() =>
      writeTx(a.db(), () => {
        a.ok('review:record', reviewArgs(detail, { reviewDate: '2027-01-08', nextReviewDate: '2027-02-08' }));
        expect(outboxCount(a.db(), caseId)).toBe(before + 1);
        throw new Error('disk I/O error');
      }),
    ).toThrow('disk I/O error');
    expect(outboxCount(a.db(), caseId)).toBe(before);
    expect(a.ok('cases:get', { caseId }).reviews).toHaveLength(reviews);

    // One save is one entry, however many audit entries it writes (a revision: the plan and each goal).
    const revising = a.ok('cases:get', { caseId });
    const entriesBefore = a.db().prepare('SELECT count(*) FROM audit_log WHERE case_id = ?').pluck().get(caseId) as number;
    a.ok('plan:revise', reviseArgs(revising, { revisedDate: '2027-01-08', goals: [...reviseArgs(revising).goals, { goalId: null, description: 'Make a friend at school', firstRating: 2 }] }));
    expect((a.db().prepare('SELECT count(*) FROM audit_log WHERE case_id = ?').pluck().get(caseId) as number) - entriesBefore).toBeGreaterThan(1);
    expect(outboxCount(a.db(), caseId)).toBe(before + 1);
    const revised = a.ok('cases:get', { caseId });

    // A refused write (a stale version) and a draft add nothing.
    expect(a.call('review:record', reviewArgs(revised, { reviewDate: '2027-01-08', nextReviewDate: '2027-02-08', caseVersion: detail.summary.version })).ok).toBe(false);
    a.ok('drafts:save', { kind: 'review', caseId, payload: { notes: 'half typed' } });
    expect(outboxCount(a.db(), caseId)).toBe(before + 1);
  });

  it('never gets the demo caseload nor a case of a team the server does not hold', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const demo = a.ok('demo:seed', {});
    expect(demo.cases).toBeGreaterThan(10);
    expect(outboxCount(a.db())).toBe(0);
    // A clinician's later write to a demo case stays here too.
    const demoCase = a.ok('caseload:list', {}).rows[0]!;
    const detail = a.ok('cases:get', { caseId: demoCase.caseId });
    if (detail.plan) a.ok('review:record', reviewArgs(detail, { reviewDate: '2027-01-11', nextReviewDate: '2027-02-08' }));
    expect(outboxCount(a.db())).toBe(0);

    // A team made on this device only: its cases never leave it.
    const local = a.ok('teams:create', { name: 'My own practice' });
    const colleague = a.ok('clinicians:create', { name: 'Kim Local', role: 'clinician', teamId: local.id });
    a.ok('cases:open', { caseRef: 'LOCAL-1', name: 'Sam Local', dateOfBirth: '2012-01-01', nhsNumber: null, referralDate: '2027-01-04', openDate: '2027-01-11', leadClinicianId: colleague.id, coordinatingAgency: 'CAMHS' });
    expect(outboxCount(a.db())).toBe(0);
    expect(nextPush(a.db(), a.clock, a.deviceId)).toBeNull();
  });
});

describe('a push in flight', () => {
  it('is the identical attempt after the app is killed and the file reopened, and a later change waits for the next push', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const caseId = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const sent = nextPush(a.db(), a.clock, a.deviceId)!;
    // Changed after the attempt was stored (and possibly sent): the attempt must not change under it.
    a.world.sessionRating(caseId, 'Go back to school', '2027-01-10', 7);
    expect(nextPush(a.db(), a.clock, a.deviceId)).toEqual(sent);

    // Killed: the connection is dropped without closing; the file is opened again as the app would.
    const path = a.path;
    const reopened = openDatabase({ path, key: TEST_KEY });
    try {
      const retry = nextPush(reopened, a.clock, a.deviceId)!;
      expect(retry).toEqual(sent);
      expect(JSON.stringify(retry.body)).toBe(JSON.stringify(sent.body));
      pushAccepted(reopened, a.clock, caseId, sent.idempotencyKey, { ...acceptedAs(sent, 1, 1), replayed: true });
      // A late duplicate answer for the settled attempt changes nothing.
      pushAccepted(reopened, a.clock, caseId, sent.idempotencyKey, acceptedAs(sent, 1, 1));
      const next = nextPush(reopened, a.clock, a.deviceId)!;
      expect(next.baseVersion).toBe(1);
      expect(next.idempotencyKey).not.toBe(sent.idempotencyKey);
      expect(next.body.document.tables.goal_ratings.length).toBe(sent.body.document.tables.goal_ratings.length + 1);
      expect(syncSummary(reopened).pending).toBe(1);
    } finally {
      reopened.close();
    }
  });

  it('answered by its own echo in a pull (the answer was lost) is settled, not taken for a conflict', () => {
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const caseId = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const sent = nextPush(a.db(), a.clock, a.deviceId)!;
    // The server's copy comes back with its keys reordered (jsonb).
    const echo = changeOf(sent, people.ana, 1, 1, team.id);
    echo.document = JSON.parse(JSON.stringify(echo.document, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));
    expect(applyPulled(a.db(), a.clock, [echo], 'c1', 'x')).toEqual({ applied: 0, skipped: 1, conflicts: 0 });
    expect(syncSummary(a.db())).toMatchObject({ pending: 0, conflicts: 0 });
    expect(nextPush(a.db(), a.clock, a.deviceId)).toBeNull();
    expect(a.db().prepare('SELECT server_version FROM sync_cases WHERE case_id = ?').pluck().get(caseId)).toBe(1);
  });
});
