/**
 * The device store's side of a push the team server refuses outright (main/sync/refused.ts): the case
 * is set aside with the server's words, every other case still goes, nothing of the case is dropped,
 * and it is sent again after "Try again" or a later save of it. (Against the real server:
 * tests/integration/team-sync-refused.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { listRefused, pushRefused, refusedCount, retryRefused } from '../../main/sync/refused';
import { nextPush, pushAccepted, syncSummary } from '../../main/sync/store';
import { acceptedAs, makeTeam, outboxCount, startDevice, writeStory } from './devices';

const WORDS = 'You are not a member of this case’s team on the server, so it cannot be sent. Ask your service admin.';

describe('a refused push', () => {
  it('sets its case aside with the server words, lets the next case go, and is sent again after try again', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const first = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const second = writeStory(a, { caseRef: 'RIO-1002', name: 'Riley Shaw', nhsNumber: null });
    const refused = nextPush(a.db(), a.clock, a.deviceId)!;
    expect(refused.caseId).toBe(first);
    pushRefused(a.db(), a.clock, first, refused.idempotencyKey, { status: 403, code: 'forbidden', message: WORDS });

    expect(listRefused(a.db())).toMatchObject([{ caseId: first, caseRef: 'RIO-1001', youngPersonName: 'Jamie Lee', message: WORDS, status: 403 }]);
    expect(refusedCount(a.db())).toBe(1);
    expect(outboxCount(a.db(), first)).toBeGreaterThan(0);
    const next = nextPush(a.db(), a.clock, a.deviceId)!;
    expect(next.caseId).toBe(second);
    pushAccepted(a.db(), a.clock, second, next.idempotencyKey, acceptedAs(next, 1, 1));
    expect(nextPush(a.db(), a.clock, a.deviceId)).toBeNull();
    expect(syncSummary(a.db()).pending).toBe(outboxCount(a.db(), first));

    expect(retryRefused(a.db(), a.clock, first)).toBe(true);
    const again = nextPush(a.db(), a.clock, a.deviceId)!;
    expect(again).toMatchObject({ caseId: first, idempotencyKey: refused.idempotencyKey, body: refused.body });
    pushAccepted(a.db(), a.clock, first, again.idempotencyKey, acceptedAs(again, 1, 2));
    expect(refusedCount(a.db())).toBe(0);
    expect(syncSummary(a.db()).pending).toBe(0);
  });

  it('a late answer for a refused attempt changes nothing', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const caseId = writeStory(a, { caseRef: 'RIO-1001', name: 'Jamie Lee', nhsNumber: null });
    const push = nextPush(a.db(), a.clock, a.deviceId)!;
    pushRefused(a.db(), a.clock, caseId, push.idempotencyKey, { status: 403, code: 'forbidden', message: WORDS });
    pushRefused(a.db(), a.clock, caseId, push.idempotencyKey, { status: 400, code: 'bad_request', message: 'other' });
    expect(listRefused(a.db())).toMatchObject([{ status: 403, message: WORDS }]);
  });
});
