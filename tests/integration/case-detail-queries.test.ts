/**
 * The case page reads a fixed number of queries however long the case has run (no query per review,
 * goal or Current View), so it stays fast for a case with years of reviews.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startApp, type TestApp } from '../support/test-app';

/** Counts every statement execution (all/get/iterate/run) while `fn` runs. */
function countQueries(app: TestApp, fn: () => void): number {
  const proto = Object.getPrototypeOf(app.services.db.prepare('SELECT 1')) as Record<'all' | 'get' | 'iterate' | 'run', () => unknown>;
  const spies = (['all', 'get', 'iterate', 'run'] as const).map((m) => vi.spyOn(proto, m));
  try {
    fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cases:get', () => {
  it('reads the same few queries for a case with three reviews and an ending as for one with a single review', () => {
    const app = startApp('2026-11-22');
    app.ok('demo:seed', {});
    const cases = app.ok('cases:list', {});
    const byName = (name: string) => cases.find((c) => c.name === name && c.episodeNo === 1)!;
    const queries = (name: string) => {
      const id = byName(name).id;
      let reviews = 0;
      const n = countQueries(app, () => {
        reviews = app.ok('cases:get', { caseId: id }).reviews.length;
      });
      return { reviews, n };
    };
    const daniel = queries('Daniel Osei'); // three reviews, a plan and an ending
    const chloe = queries('Chloe Barker'); // one review and an ending
    expect([daniel.reviews, chloe.reviews]).toEqual([3, 1]);
    expect(daniel.n).toBe(chloe.n);
    for (const name of ['Kwame Mensah', 'Leo Fairbanks', 'Freddie Lowe', 'Harper Singh']) expect(queries(name).n, name).toBeLessThanOrEqual(daniel.n);
    // Settings, the case and its flag facts, episode links, goals, ratings, Current Views, plan versions,
    // criteria, reviews, their criteria progress, the ending and its criteria statuses.
    expect(daniel.n).toBe(12);
  });
});
