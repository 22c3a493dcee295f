import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../main/db/verify-audit';
import { applyCaseDocument, readCaseDocument } from '../../main/sync/case-document';
import type { GroupingCode } from '../../shared/domain/groupings';
import { caseDocumentSchema, type CaseDocument } from '../../shared/sync/protocol';
import { seedCase, seedClosure, seedReview, type SeedGoal } from '../support/app-api/seed';
import { startApp } from '../support/test-app';
import { makeTeam, startDevice, type Device } from './devices';

/** A case is never opened as Thriving (main's rule). */
const GROUPINGS: GroupingCode[] = ['getting_advice', 'getting_help', 'getting_more_help', 'getting_risk_support'];
const CRITERIA = ['Attends school every day for four weeks', 'Sleeps most nights', 'Can name two people to call'];

/** One case's story, varied: how it was opened, its goals and their ratings, reviews, and whether it ended. */
const story = fc.record({
  imported: fc.boolean(),
  grouping: fc.constantFrom(...GROUPINGS),
  nhsNumber: fc.constantFrom(null, '9434765919'),
  goals: fc.array(fc.record({ first: fc.integer({ min: 0, max: 10 }), later: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 2 }), dropped: fc.boolean() }), {
    minLength: 1,
    maxLength: 3,
  }),
  criteria: fc.integer({ min: 1, max: 3 }),
  // A review rates every goal in force (main's rule): a score for each position.
  reviews: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 3, maxLength: 3 }), { maxLength: 2 }),
  close: fc.boolean(),
});
type Story = typeof story extends fc.Arbitrary<infer T> ? T : never;

const LATER_DATES = ['2026-11-16', '2026-11-23'] as const;
const REVIEW_DATES = ['2026-12-07', '2027-01-04'] as const;
/** Three weeks on: soon enough for every grouping. */
const NEXT_REVIEW = ['2026-12-28', '2027-01-25'] as const;

/** Writes the story through the real handlers; returns the case's document after each step. */
function writeCase(d: Device, s: Story, caseRef: string): { caseId: string; versions: CaseDocument[] } {
  const goals: SeedGoal[] = s.goals.map((g, i) => ({
    description: `Goal number ${i + 1}`,
    ratings: [{ date: '2026-11-09', score: g.first }, ...g.later.map((score, j) => ({ date: LATER_DATES[j]!, score }))],
    // The first goal stays, so a revision always leaves one in force.
    status: g.dropped && i > 0 ? 'dropped' : 'active',
  }));
  // Reviewed within three weeks: soon enough for every grouping (Getting Risk Support: four weeks).
  const plan = { agreedDate: '2026-11-09' as const, reviewDate: '2026-11-30' as const, goals, criteria: CRITERIA.slice(0, s.criteria) };
  const opened = { name: `Young person ${caseRef}`, caseRef, nhsNumber: s.nhsNumber, openDate: '2026-11-02' as const, plan };
  const caseId = seedCase(d.world, s.imported ? { ...opened, importedGrouping: s.grouping } : { ...opened, grouping: s.grouping });
  const versions = [readCaseDocument(d.db(), caseId)];
  s.reviews.forEach((scores, i) => {
    // Said every time: a goal rated no higher than before is "stuck", and main then asks for it.
    seedReview(d.world, caseId, { reviewDate: REVIEW_DATES[i]!, scores, nextReviewDate: NEXT_REVIEW[i]!, explicitDiscussion: 'Agreed to keep going and review sooner' });
    versions.push(readCaseDocument(d.db(), caseId));
  });
  if (s.close) {
    seedClosure(d.world, caseId, { endingDate: '2027-01-08' });
    versions.push(readCaseDocument(d.db(), caseId));
  }
  return { caseId, versions };
}

describe('a case document', () => {
  it('round-trips exactly: read, applied into an empty file, read again gives the same document, at every version and back', () => {
    fc.assert(
      fc.property(story, (s) => {
        const { people, me } = makeTeam();
        const a = startDevice(me(people.ana), people.ana);
        const { caseId, versions } = writeCase(a, s, 'RIO-1001');
        const latest = versions[versions.length - 1]!;
        expect(caseDocumentSchema.safeParse(latest).success).toBe(true);

        // An empty file: no profile, no team; the team and lead the case points at are made for it.
        const b = startApp('2027-01-11');
        for (const doc of [...versions, ...versions.slice(0, -1).reverse(), latest]) {
          applyCaseDocument(b.services.db, doc);
          expect(readCaseDocument(b.services.db, caseId)).toEqual(doc);
        }
        // Applying what is already there writes nothing.
        const before = b.services.changes();
        applyCaseDocument(b.services.db, latest);
        expect(b.services.changes()).toBe(before);
        expect(verifyAudit(b.services.db)).toMatchObject({ ok: true, records: [] });
        expect(b.ok('cases:get', { caseId }).summary.caseRef).toBe('RIO-1001');
      }),
      { numRuns: 12 },
    );
  });

  it('holds every table of the case, in primary key order, and nothing of another case', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const s: Story = { imported: false, grouping: 'getting_help', nhsNumber: null, goals: [{ first: 3, later: [4], dropped: false }, { first: 5, later: [], dropped: true }], criteria: 2, reviews: [[5, 5, 5]], close: true };
    const one = writeCase(a, s, 'RIO-1001');
    const other = writeCase(a, { ...s, nhsNumber: '9434765919' }, 'RIO-1002');
    const doc = readCaseDocument(a.db(), one.caseId);
    for (const [table, rows] of Object.entries(doc.tables)) {
      expect(rows.length, table).toBeGreaterThan(0);
      const keys = rows.map((r) => JSON.stringify(Object.values(r).slice(0, 2)));
      expect(new Set(keys).size, table).toBe(rows.length);
    }
    expect(doc.tables.goals.map((g) => g.id)).toEqual(doc.tables.goals.map((g) => g.id as string).sort());
    const otherIds = new Set(Object.values(readCaseDocument(a.db(), other.caseId).tables).flatMap((rows) => rows.map((r) => JSON.stringify(r))));
    expect(Object.values(doc.tables).flatMap((rows) => rows.map((r) => JSON.stringify(r))).filter((r) => otherIds.has(r))).toEqual([]);
    expect(doc.youngPerson).toMatchObject({ name: 'Young person RIO-1001', nhs_number: null });
  });

  it('is refused whole, changing nothing, when its young person has an NHS number another young person here holds', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const b = startDevice(me(people.ben), people.ben);
    const s: Story = { imported: false, grouping: 'getting_help', nhsNumber: '9434765919', goals: [{ first: 3, later: [], dropped: false }], criteria: 1, reviews: [], close: false };
    const theirs = writeCase(a, s, 'RIO-1001');
    writeCase(b, s, 'RIO-2002');
    const counts = b.db().prepare('SELECT (SELECT count(*) FROM cases) AS c, (SELECT count(*) FROM audit_log) AS a').get();
    expect(() => applyCaseDocument(b.db(), theirs.versions[0]!)).toThrow(/NHS number 9434765919 is recorded here for another young person \(Young person RIO-2002\)/);
    expect(b.db().prepare('SELECT (SELECT count(*) FROM cases) AS c, (SELECT count(*) FROM audit_log) AS a').get()).toEqual(counts);
  });

  it('is refused when a row has a column this version of the app does not know', () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const s: Story = { imported: false, grouping: 'getting_help', nhsNumber: null, goals: [{ first: 3, later: [], dropped: false }], criteria: 1, reviews: [], close: false };
    const { versions } = writeCase(a, s, 'RIO-1001');
    const doc = structuredClone(versions[0]!);
    doc.tables.goals[0]!.colour = 'blue';
    const b = startApp('2027-01-11');
    expect(() => applyCaseDocument(b.services.db, doc)).toThrow(/does not match this version of THRIVE Plans \(colour\): update THRIVE Plans/);
    expect(b.services.db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });

  it("is refused when a row would hang off another case's records", () => {
    const { people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const s: Story = { imported: false, grouping: 'getting_help', nhsNumber: null, goals: [{ first: 3, later: [], dropped: false }], criteria: 1, reviews: [], close: false };
    const mine = writeCase(a, s, 'RIO-1001');
    const other = writeCase(a, s, 'RIO-1002');
    const otherGoal = other.versions[0]!.tables.goals[0]!.id;
    const doc = structuredClone(mine.versions[0]!);
    doc.tables.goal_ratings.push({ ...doc.tables.goal_ratings[0]!, id: 'forged-rating', goal_id: otherGoal! });
    const before = readCaseDocument(a.db(), other.caseId);
    expect(() => applyCaseDocument(a.db(), doc)).toThrow(/A goal_ratings row of case .* belongs to another case/);
    expect(readCaseDocument(a.db(), other.caseId)).toEqual(before);
  });
});
