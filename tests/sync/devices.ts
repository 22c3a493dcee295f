/**
 * Devices for the sync store's tests: each a real encrypted database file with the app's services on
 * it (tests/support/test-app.ts), signed in to one team through the directory a server would send
 * (GET /v1/me). Cases are written through the real handlers; what would cross the network is built
 * from the device's own PendingPush, as the server answers it (shared/sync/protocol.ts), so these tests
 * exercise everything below the network.
 */
import { caseNow, sessionRating } from '../../main/features/demo/seed-case';
import { newId } from '../../main/db/ids';
import { writeTx, type Db } from '../../main/db/sql';
import { applyDirectory, type PendingPush } from '../../main/sync/store';
import type { IsoDate } from '../../shared/dates';
import type { Change, Me, PushAccepted, RoleOnServer } from '../../shared/sync/protocol';
import type { Clinician } from '../../shared/ipc/types';
import { startApp, type TestApp } from '../support/test-app';
import { jamie, seedCase, seedClosure, seedReview, type SeedWorld } from '../support/app-api/seed';

export interface Person {
  id: string;
  name: string;
  role: RoleOnServer;
}

/** A fictional team on a server: two clinicians, a team lead and a service admin who sees no cases. */
export function makeTeam() {
  const team = { id: newId(), name: 'Riverside CAMHS' };
  const people = {
    ana: { id: newId(), name: 'Ana Patel', role: 'clinician' },
    ben: { id: newId(), name: 'Ben Okafor', role: 'clinician' },
    lee: { id: newId(), name: 'Lee Hughes', role: 'team_lead' },
    ada: { id: newId(), name: 'Ada Admin', role: 'service_admin' },
  } satisfies Record<string, Person>;
  const me = (p: Person): Me => ({
    serverId: 'server-1',
    person: { id: p.id, name: p.name },
    memberships: [{ teamId: team.id, role: p.role }],
    teams: [{ id: team.id, name: team.name, members: Object.values(people).map((m) => ({ personId: m.id, name: m.name, role: m.role })) }],
  });
  return { team, people, me };
}

export interface Device extends TestApp {
  db: () => Db;
  path: string;
  person: Person;
  world: SeedWorld;
  deviceId: string;
}

/** A device signed in as `person`: the directory applied, so the person is the profile. */
export function startDevice(me: Me, person: Person, today: IsoDate = '2027-01-11'): Device {
  const app = startApp(today);
  const db = () => app.services.db;
  applyDirectory(db(), app.clock, me);
  const profile = (): Clinician => app.ok('clinicians:list', {}).find((c) => c.id === person.id)!;
  const world: SeedWorld = {
    today,
    okNow: app.ok,
    me: profile,
    sessionRating: (caseId, goalDescription, ratedOn, score) => {
      const w = { db: db(), clock: app.clock, actor: person.id };
      writeTx(w.db, () => sessionRating(w, caseNow(w, caseId, {}), goalDescription, ratedOn, score));
    },
  };
  return { ...app, db, path: db().name, person, world, deviceId: `device-${person.name.split(' ')[0]!.toLowerCase()}` };
}

/** What the server answers to an accepted push: the case's new version at change-log position `seq`. */
export function acceptedAs(push: PendingPush, version: number, seq: number): PushAccepted {
  return { caseId: push.caseId, version, seq, at: '2027-01-11T12:30:00.000Z', replayed: false };
}

/** The change-log entry the server makes of an accepted push, as another device pulls it. */
export function changeOf(push: PendingPush, author: Person, version: number, seq: number, teamId: string): Change {
  return {
    seq,
    teamId,
    caseId: push.caseId,
    version,
    authorId: author.id,
    authorName: author.name,
    deviceId: push.body.deviceId,
    at: '2027-01-11T12:30:00.000Z',
    document: structuredClone(push.body.document),
  };
}

export function outboxCount(db: Db, caseId?: string): number {
  return caseId === undefined
    ? (db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number)
    : (db.prepare('SELECT count(*) FROM sync_outbox WHERE case_id = ?').pluck().get(caseId) as number);
}

/**
 * A case written through the real handlers with rows in every case table: Current Views, a plan revised
 * to drop a goal, session ratings, a review with criterion progress and, when `close`, the ending with
 * its criterion status and outcomes.
 */
export function writeStory(d: Device, o: { caseRef: string; name: string; nhsNumber: string | null; close?: boolean }): string {
  const caseId = seedCase(d.world, {
    ...jamie({
      goals: [
        { description: 'Go back to school', ratings: [{ date: '2026-11-09', score: 2 }, { date: '2026-11-23', score: 4 }] },
        { description: 'Sleep through the night', ratings: [{ date: '2026-11-09', score: 3 }] },
        { description: 'Join a club', ratings: [{ date: '2026-11-09', score: 5 }, { date: '2026-11-16', score: 5 }], status: 'dropped' },
      ],
      criteria: ['Attends school every day for four weeks', 'Sleeps most nights'],
    }),
    caseRef: o.caseRef,
    name: o.name,
    nhsNumber: o.nhsNumber,
  });
  seedReview(d.world, caseId, { reviewDate: '2026-12-07', scores: [5, 6] });
  if (o.close) seedClosure(d.world, caseId, { endingDate: '2027-01-05' });
  return caseId;
}
