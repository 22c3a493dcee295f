/**
 * The bench's databases: a whole service's history at 1k, 10k and 100k cases, written by the seeded
 * synthetic-caseload generator (tests/support/synthetic-caseload.ts) into a real encrypted database, as
 * the app would hold it. The shape stays the same at every size, so the figures compare like with like:
 * every clinician holds about 60 open cases and every team about 1,000; what grows is the history
 * (closed cases, with their reviews, ratings and Current Views at open, review and close).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { createAppServices } from '../../main/app-services';
import type { Db } from '../../main/db/sql';
import { fixedClock } from '../../shared/clock';
import type { IsoDate } from '../../shared/dates';
import { generateCaseload } from '../../tests/support/synthetic-caseload';

export const BENCH_TODAY: IsoDate = '2026-11-22';
/** A fixed test key: the bench measures the cipher, not key management. */
export const BENCH_KEY = 'b'.repeat(64);

export interface ScaleSpec {
  label: string;
  cases: number;
  open: number;
  teams: number;
  cliniciansPerTeam: number;
}

/** About 60 open cases per clinician; at 10k and 100k about 1,000 open cases per team. */
export const SCALES: Record<string, ScaleSpec> = {
  '1k': { label: '1k', cases: 1_000, open: 600, teams: 1, cliniciansPerTeam: 10 },
  '10k': { label: '10k', cases: 10_000, open: 3_000, teams: 3, cliniciansPerTeam: 17 },
  '100k': { label: '100k', cases: 100_000, open: 10_000, teams: 10, cliniciansPerTeam: 17 },
};

export interface ScaleDatabase {
  spec: ScaleSpec;
  dbPath: string;
  /** The clinician whose open caseload is nearest 60 cases, and its size. */
  clinicianId: string;
  clinicianOpenCases: number;
  /** The team whose open cases are nearest 1,000, its lead and its size. */
  teamId: string;
  teamLeadId: string;
  teamOpenCases: number;
  generateSeconds: number;
  fileMb: number;
  rows: Record<string, number>;
}

function nearest(db: Db, column: 'lead_clinician_id' | 'team_id', target: number): { id: string; n: number } {
  return db
    .prepare(`SELECT ${column} AS id, count(*) AS n FROM cases WHERE status = 'open' GROUP BY ${column} ORDER BY abs(count(*) - ?), ${column} LIMIT 1`)
    .get(target) as { id: string; n: number };
}

export function buildScaleDatabase(dir: string, spec: ScaleSpec, seed = 20261206): ScaleDatabase {
  const dbPath = path.join(dir, `bench-${spec.label}.db`);
  const started = performance.now();
  const services = createAppServices({ dbPath, key: BENCH_KEY, create: true, clock: fixedClock(BENCH_TODAY), log: () => undefined });
  try {
    const generated = generateCaseload(services.db, {
      seed,
      today: BENCH_TODAY,
      teams: spec.teams,
      cliniciansPerTeam: spec.cliniciansPerTeam,
      openCases: spec.open,
      closedCases: spec.cases - spec.open,
    });
    const clinician = nearest(services.db, 'lead_clinician_id', 60);
    const team = nearest(services.db, 'team_id', 1_000);
    const lead = generated.teams.find((t) => t.id === team.id)!.leadId;
    // Fold the WAL into the file, so the measured opens start from a database at rest.
    services.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      spec,
      dbPath,
      clinicianId: clinician.id,
      clinicianOpenCases: clinician.n,
      teamId: team.id,
      teamLeadId: lead,
      teamOpenCases: team.n,
      generateSeconds: (performance.now() - started) / 1000,
      fileMb: statSync(dbPath).size / (1024 * 1024),
      rows: generated.written,
    };
  } finally {
    services.close();
  }
}
