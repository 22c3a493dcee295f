/**
 * Acceptance (docs/team-mode.md): two clinicians edit the same case offline. Exactly one push is
 * accepted; the other is a conflict, never an overwrite. Resolved "mine", the second clinician's work
 * goes on top of the first's and both reach every device; resolved "theirs", the server's version stays
 * and the dropped work is kept in the audit trail. Nothing a clinician saved is lost either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/db/verify-audit';
import { verifyChains } from '../../server/db/verify-chain';
import { currentViewArgs, openCaseArgs, planArgs, reviewArgs } from '../support/test-app';
import { startTeamWorld, type SyncDevice, type TeamWorld } from '../support/team/sync-world';
import type { ConflictSide } from '../../shared/ipc/schemas/sync';

let world: TeamWorld;
beforeAll(async () => {
  world = await startTeamWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

/** A case Alex opened, planned and synced, then pulled by Bea: both hold version 1 of it. */
async function sharedCase(alex: SyncDevice, bea: SyncDevice, caseRef: string): Promise<string> {
  const opened = await alex.ok('cases:open', openCaseArgs(world.people.alex, { caseRef, name: `Young Person ${caseRef}`, nhsNumber: null }));
  await alex.ok('currentView:record', currentViewArgs(opened.id));
  await alex.ok('plan:save', planArgs(opened.id));
  expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
  await bea.ok('sync:now', {});
  expect((await bea.ok('cases:get', { caseId: opened.id })).plan).not.toBeNull();
  return opened.id;
}

/** Both record a review of the case while their laptops are offline; returns each review's id. */
async function reviewBothOffline(alex: SyncDevice, bea: SyncDevice, caseId: string): Promise<{ alexReview: string; beaReview: string }> {
  alex.net.online = false;
  bea.net.online = false;
  const onAlex = await alex.ok('cases:get', { caseId });
  const alexReview = await alex.ok('review:record', reviewArgs(onAlex, { reviewDate: '2026-11-20', otherAttendees: 'School nurse' }));
  const onBea = await bea.ok('cases:get', { caseId });
  const beaReview = await bea.ok('review:record', reviewArgs(onBea, { reviewDate: '2026-11-21', decision: 'continue', otherAttendees: 'Social worker' }));
  alex.net.online = true;
  bea.net.online = true;
  return { alexReview: alexReview.id, beaReview: beaReview.id };
}

async function serverVersions(caseId: string): Promise<Array<{ version: number; author: string }>> {
  return world.server.admin(async (c) => {
    const { rows } = await c.query<{ version: number; author_id: string }>('SELECT version, author_id FROM change_log WHERE case_id = $1 ORDER BY seq', [caseId]);
    return rows.map((r) => ({ version: r.version, author: r.author_id }));
  });
}

function auditBefore(d: SyncDevice, caseId: string, action: string): string[] {
  return d.db().prepare('SELECT before FROM audit_log WHERE case_id = ? AND action = ? ORDER BY seq').pluck().all(caseId, action) as string[];
}

describe('the same case edited on two laptops offline', () => {
  it("one push is accepted, the other is a conflict; 'mine' puts Bea's review on top and every device ends with both", async () => {
    const [alex, bea, lee] = [await world.device('alex'), await world.device('bea'), await world.device('lee')];
    for (const d of [alex, bea, lee]) await d.join();
    const caseId = await sharedCase(alex, bea, 'RIO-3001');
    const { alexReview, beaReview } = await reviewBothOffline(alex, bea, caseId);

    expect(await alex.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    const beaStatus = await bea.ok('sync:now', {});
    expect(beaStatus).toMatchObject({ state: 'conflict', conflicts: 1 });
    expect(beaStatus.pending).toBeGreaterThan(0);
    // Exactly one of the two pushes was written: the case is at Alex's version on the server.
    expect(await serverVersions(caseId)).toEqual([
      { version: 1, author: world.people.alex },
      { version: 2, author: world.people.alex },
    ]);
    // Bea's review is untouched on her laptop while she decides.
    expect((await bea.ok('cases:get', { caseId })).reviews.map((r) => r.id)).toEqual([beaReview]);

    const [conflict] = await bea.ok('sync:conflicts', {});
    expect(conflict).toMatchObject({ caseId, caseRef: 'RIO-3001', serverAuthorName: 'Alex Morgan' });
    expect(conflict!.fields.length).toBeGreaterThan(0);
    // Each review only one laptop holds is one line of its fields: Bea's among hers, Alex's among the server's.
    const values = (side: ConflictSide) => (side === null ? [] : typeof side === 'string' ? [side] : side.map((p) => p.value));
    const reviews = conflict!.fields.filter((f) => f.label === 'Review');
    expect(reviews.some((f) => f.theirs === null && values(f.mine).includes('Social worker'))).toBe(true);
    expect(reviews.some((f) => f.mine === null && values(f.theirs).includes('School nurse'))).toBe(true);

    expect(await bea.ok('sync:resolve', { conflictId: conflict!.id, choice: 'mine' })).toMatchObject({ state: 'up_to_date', pending: 0, conflicts: 0 });
    expect((await serverVersions(caseId)).map((v) => [v.version, v.author])).toEqual([
      [1, world.people.alex],
      [2, world.people.alex],
      [3, world.people.bea],
    ]);
    await alex.ok('sync:now', {});
    await lee.ok('sync:now', {});
    for (const d of [alex, bea, lee]) {
      const reviews = (await d.ok('cases:get', { caseId })).reviews.map((r) => r.id).sort();
      expect(reviews, d.who).toEqual([alexReview, beaReview].sort());
    }
    // Bea's choice is in her trail, with the server's version it was put on top of.
    expect(auditBefore(bea, caseId, 'sync.conflict_mine')).toHaveLength(1);
    expect(auditBefore(bea, caseId, 'sync.conflict_mine')[0]).toContain(alexReview);
    for (const d of [alex, bea, lee]) expect(verifyAudit(d.db()), d.who).toMatchObject({ ok: true, records: [] });
    expect((await world.server.admin((c) => verifyChains(c))).every((c) => c.ok)).toBe(true);
  });

  it("'theirs' keeps the server's version on Bea's laptop; her review is kept in her audit trail, nothing is sent", async () => {
    const [alex, bea] = [await world.device('alex'), await world.device('bea')];
    for (const d of [alex, bea]) await d.join();
    const caseId = await sharedCase(alex, bea, 'RIO-3002');
    const { alexReview, beaReview } = await reviewBothOffline(alex, bea, caseId);

    await alex.ok('sync:now', {});
    expect(await bea.ok('sync:now', {})).toMatchObject({ state: 'conflict', conflicts: 1 });
    const [conflict] = await bea.ok('sync:conflicts', {});
    expect(await bea.ok('sync:resolve', { conflictId: conflict!.id, choice: 'theirs' })).toMatchObject({ state: 'up_to_date', pending: 0, conflicts: 0 });
    expect((await bea.ok('cases:get', { caseId })).reviews.map((r) => r.id)).toEqual([alexReview]);
    expect(await bea.ok('sync:now', {})).toMatchObject({ state: 'up_to_date', pending: 0 });
    expect((await serverVersions(caseId)).map((v) => v.version)).toEqual([1, 2]);

    // Nothing lost: Bea's version (with her review) is in the entry that records her choice, and her
    // review's own entry is still in the trail.
    const kept = auditBefore(bea, caseId, 'sync.conflict_theirs');
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain(beaReview);
    expect(bea.db().prepare("SELECT count(*) FROM audit_log WHERE action = 'review.record' AND entity_id = ?").pluck().get(beaReview)).toBe(1);
    for (const d of [alex, bea]) expect(verifyAudit(d.db()), d.who).toMatchObject({ ok: true, records: [] });
  });

  it('pushed at the same moment, exactly one is accepted; the other, resolved, lands on top', async () => {
    const [alex, bea] = [await world.device('alex'), await world.device('bea')];
    for (const d of [alex, bea]) await d.join();
    const caseId = await sharedCase(alex, bea, 'RIO-3003');
    const { alexReview, beaReview } = await reviewBothOffline(alex, bea, caseId);

    const statuses = await Promise.all([alex.ok('sync:now', {}), bea.ok('sync:now', {})]);
    expect(statuses.map((s) => s.state).sort()).toEqual(['conflict', 'up_to_date']);
    expect((await serverVersions(caseId)).map((v) => v.version)).toEqual([1, 2]);
    const loser = statuses[0]!.state === 'conflict' ? alex : bea;
    const [conflict] = await loser.ok('sync:conflicts', {});
    expect(await loser.ok('sync:resolve', { conflictId: conflict!.id, choice: 'mine' })).toMatchObject({ state: 'up_to_date', conflicts: 0 });
    await alex.ok('sync:now', {});
    await bea.ok('sync:now', {});
    for (const d of [alex, bea]) expect((await d.ok('cases:get', { caseId })).reviews.map((r) => r.id).sort(), d.who).toEqual([alexReview, beaReview].sort());
    expect((await serverVersions(caseId)).map((v) => v.version)).toEqual([1, 2, 3]);
  });
});
