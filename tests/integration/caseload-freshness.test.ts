/**
 * The caseload and team view reuse their open cases while the database is unchanged (main/db/read-memo.ts).
 * A flag must never outlive the record that clears it, whether the review is saved in the app or by
 * another process writing the same file (hazard H1: a missed overdue review).
 */
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../main/app-services';
import { TEST_KEY } from '../support/temp-db';
import { appWithPlan, reviewArgs } from '../support/test-app';

const flagsOf = (value: { rows: Array<{ flags: Array<{ code: string }> }> }) => value.rows.flatMap((r) => r.flags.map((f) => f.code));

describe('caseload flags stay fresh', () => {
  it('clears "Review overdue" as soon as the review is saved in the app', () => {
    const app = appWithPlan('2026-12-10');
    expect(flagsOf(app.ok('caseload:list', {}))).toContain('review_overdue');
    expect(flagsOf(app.ok('caseload:list', {}))).toContain('review_overdue');
    app.ok('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-10' }));
    expect(flagsOf(app.ok('caseload:list', {}))).not.toContain('review_overdue');
  });

  it('clears it when another process (the CLI) records the review in the same file', () => {
    const app = appWithPlan('2026-12-10');
    expect(flagsOf(app.ok('caseload:list', {}))).toContain('review_overdue');
    const cli = createAppServices({ dbPath: app.services.db.name, key: TEST_KEY, clock: app.clock, log: () => undefined });
    const saved = cli.invoke('review:record', reviewArgs(app.detail(), { reviewDate: '2026-12-10' }));
    cli.close();
    expect(saved.ok).toBe(true);
    expect(flagsOf(app.ok('caseload:list', {}))).not.toContain('review_overdue');
  });

  it('moves with the clock: the same data flags the review overdue once its date has passed', () => {
    const app = appWithPlan('2026-12-08');
    expect(flagsOf(app.ok('caseload:list', {}))).not.toContain('review_overdue');
    app.clock.set('2026-12-09');
    expect(flagsOf(app.ok('caseload:list', {}))).toContain('review_overdue');
  });
});
