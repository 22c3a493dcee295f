import { describe, expect, it } from 'vitest';
import { diffDocuments, mergeOnTop, sameDocument } from '../../shared/sync/merge';
import { CASE_TABLES, type CaseDocument, type CaseTable, type Row } from '../../shared/sync/protocol';

/** A small case document: the case, its young person, and whatever rows a test adds. */
function doc(rows: Partial<Record<CaseTable, Row[]>> = {}, yp: Row = {}, theCase: Row = {}): CaseDocument {
  const tables = Object.fromEntries(CASE_TABLES.map((t) => [t, rows[t] ?? []])) as CaseDocument['tables'];
  tables.cases = [{ id: 'k1', young_person_id: 'y1', case_ref: 'R1', grouping: 'getting_help', version: 3, ...theCase }];
  return { caseId: 'k1', youngPerson: { id: 'y1', name: 'Jo', nhs_number: null, ...yp }, tables };
}

const goal = (id: string, fields: Row = {}): Row => ({ id, case_id: 'k1', description: `goal ${id}`, status: 'active', ...fields });
const rating = (id: string, score: number): Row => ({ id, goal_id: 'g1', score });

describe('diffDocuments', () => {
  it.each<[string, CaseDocument, CaseDocument, Array<[string, string, string, unknown, unknown]>]>([
    ['the same rows', doc({ goals: [goal('g1')] }), doc({ goals: [goal('g1')] }), []],
    ['a field edited', doc({ goals: [goal('g1')] }), doc({ goals: [goal('g1', { description: 'School' })] }), [['goals', 'g1', 'description', 'goal g1', 'School']]],
    ['the young person', doc({}, { name: 'Jo' }), doc({}, { name: 'Joe' }), [['young_people', 'y1', 'name', 'Jo', 'Joe']]],
    [
      'a row only one side has',
      doc({ goal_ratings: [rating('r1', 4)] }),
      doc(),
      [
        ['goal_ratings', 'r1', 'id', 'r1', undefined],
        ['goal_ratings', 'r1', 'goal_id', 'g1', undefined],
        ['goal_ratings', 'r1', 'score', 4, undefined],
      ],
    ],
    [
      'a pair-keyed row',
      doc({ review_criterion_progress: [{ review_id: 'v1', criterion_id: 'c1', status: 'partly' }] }),
      doc({ review_criterion_progress: [{ review_id: 'v1', criterion_id: 'c1', status: 'met' }] }),
      [['review_criterion_progress', 'v1 / c1', 'status', 'partly', 'met']],
    ],
  ])('%s', (_, a, b, expected) => {
    expect(diffDocuments(a, b).map((d) => [d.table, d.row, d.column, d.a, d.b])).toEqual(expected);
  });

  it('treats documents as the same whatever order their keys come in (the server keeps jsonb)', () => {
    const a = doc({ goals: [goal('g1')] });
    const b = JSON.parse(JSON.stringify(a, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as CaseDocument;
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    expect(sameDocument(a, b)).toBe(true);
    expect(sameDocument(a, doc({ goals: [goal('g1', { status: 'dropped' })] }))).toBe(false);
  });
});

describe('mergeOnTop (base → mine on top of theirs)', () => {
  const base = doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [rating('r1', 3)] });

  it.each<[string, CaseDocument, CaseDocument, (m: CaseDocument) => void]>([
    [
      'a field I changed takes mine, one they changed takes theirs',
      doc({ goals: [goal('g1', { description: 'Mine' }), goal('g2')], goal_ratings: [rating('r1', 3)] }),
      doc({ goals: [goal('g1', { status: 'achieved' }), goal('g2', { description: 'Theirs' })], goal_ratings: [rating('r1', 3)] }),
      (m) =>
        expect(m.tables.goals).toEqual([goal('g1', { description: 'Mine', status: 'achieved' }), goal('g2', { description: 'Theirs' })]),
    ],
    [
      'the same field changed on both sides takes mine',
      doc({ goals: [goal('g1', { description: 'Mine' }), goal('g2')] }),
      doc({ goals: [goal('g1', { description: 'Theirs' }), goal('g2')] }),
      (m) => expect(m.tables.goals[0]!.description).toBe('Mine'),
    ],
    [
      'rows added on either side are all kept',
      doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [rating('r1', 3), rating('r2', 5)] }),
      doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [rating('r1', 3), rating('r3', 6)] }),
      (m) => expect(m.tables.goal_ratings.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']),
    ],
    [
      'a row removed on one side and untouched on the other is removed',
      doc({ goals: [goal('g1'), goal('g2')] }),
      doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [] }),
      (m) => expect(m.tables.goal_ratings).toEqual([]),
    ],
    [
      'a row removed on one side but changed on the other keeps the change',
      doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [rating('r1', 9)] }),
      doc({ goals: [goal('g1')], goal_ratings: [rating('r1', 3)] }),
      (m) => {
        expect(m.tables.goal_ratings).toEqual([rating('r1', 9)]);
        expect(m.tables.goals.map((g) => g.id)).toEqual(['g1']);
      },
    ],
    [
      'the case row and the young person merge field by field too',
      doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [rating('r1', 3)] }, { name: 'Jo Mine' }, { grouping: 'thriving' }),
      doc({ goals: [goal('g1'), goal('g2')], goal_ratings: [rating('r1', 3)] }, { nhs_number: '9434765919' }, { version: 5 }),
      (m) => {
        expect(m.youngPerson).toEqual({ id: 'y1', name: 'Jo Mine', nhs_number: '9434765919' });
        expect(m.tables.cases[0]).toMatchObject({ grouping: 'thriving', version: 5 });
      },
    ],
  ])('%s', (_, mine, theirs, check) => {
    check(mergeOnTop(base, mine, theirs));
  });

  it('without a base, keeps all of mine and every row only the server has', () => {
    const mine = doc({ goals: [goal('g1', { description: 'Mine' })] });
    const theirs = doc({ goals: [goal('g1', { status: 'achieved' }), goal('g9')] });
    expect(mergeOnTop(null, mine, theirs).tables.goals).toEqual([goal('g1', { description: 'Mine' }), goal('g9')]);
  });

  it('gives mine back when the server changed nothing, and theirs when I changed nothing', () => {
    const mine = doc({ goals: [goal('g1', { description: 'Mine' }), goal('g2')], goal_ratings: [rating('r1', 3)] });
    const theirs = doc({ goals: [goal('g1'), goal('g2', { status: 'dropped' })], goal_ratings: [rating('r1', 3)] });
    expect(sameDocument(mergeOnTop(base, mine, base), mine)).toBe(true);
    expect(sameDocument(mergeOnTop(base, base, theirs), theirs)).toBe(true);
  });
});
