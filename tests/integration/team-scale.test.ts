/**
 * The team view at the size of a whole service: 5,000 open cases (and 2,500 closed) in one team. The
 * timings are printed as figures (docs/quality.md#performance: machines are noisy, so nothing here is a timed
 * assertion); what is asserted is that every case is there, in urgency order, and the counts add up.
 */
import { describe, expect, it } from 'vitest';
import { compareUrgency } from '../../shared/domain/urgency';
import { generateCaseload } from '../support/synthetic-caseload';
import { startApp } from '../support/test-app';

const TODAY = '2026-11-16';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('team view with 5,000 open cases', () => {
  it('lists every open case in urgency order and counts them, in a fixed number of queries', () => {
    const app = startApp(TODAY);
    const generated = timed(() =>
      generateCaseload(app.services.db, { seed: 5_000, today: TODAY, teams: 1, cliniciansPerTeam: 12, openCases: 5_000, closedCases: 2_500 }),
    );
    const cases = timed(() => app.ok('team:cases', {}));
    const overview = timed(() => app.ok('team:overview', {}));
    const csv = timed(() => app.ok('team:exportCsv', {}));
    const lead = generated.value.teams[0]!.clinicianIds[1]!;
    const pack = timed(() => app.ok('team:supervisionPack', { clinicianId: lead }));

    expect(cases.value.rows).toHaveLength(5_000);
    expect(overview.value.openCases).toBe(5_000);
    expect(overview.value.byClinician.reduce((n, c) => n + c.open, 0)).toBe(5_000);
    for (let i = 1; i < cases.value.rows.length; i++) {
      expect(compareUrgency(cases.value.rows[i - 1]!, cases.value.rows[i]!)).toBeLessThan(0);
    }
    console.log(
      [
        `synthetic caseload: 5,000 open + 2,500 closed cases generated in ${generated.ms.toFixed(0)} ms (${JSON.stringify(generated.value.written)})`,
        `team:cases ${cases.ms.toFixed(1)} ms; team:overview ${overview.ms.toFixed(1)} ms; team:exportCsv ${csv.ms.toFixed(1)} ms (${csv.value.content.length} characters)`,
        `team:supervisionPack for one clinician (${cases.value.rows.filter((r) => r.leadClinicianId === lead).length} cases) ${pack.ms.toFixed(1)} ms (${Buffer.from(pack.value.content, 'base64').length} bytes)`,
      ].join('\n'),
    );
    // Generous: a busy two-core machine can take several times as long, and nothing here is a timing test.
  }, 180_000);
});
