/**
 * docs/quality.md#performance "FHIR export of 10k cases: ≤ 10 s, streamed, peak memory ≤ 300 MB".
 *
 * A seeded synthetic caseload of 10,000 cases (6,000 open, 4,000 closed; one team of 100 clinicians,
 * about 60 open cases each) is written to a temporary encrypted database. Then `thrive export fhir
 * --scope team --include-closed` runs in a CHILD process, exactly as trust IT would run it, so the peak
 * memory printed is the export's own (not the generator's). It runs BENCH_RUNS times (default 3); the
 * median time is reported. The floor is reading the same 10,000 cases (the case page's loader, one at a
 * time) without building any FHIR: the ratio says what the FHIR building and writing cost on top.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createAppServices } from '../main/app-services';
import { streamCaseloadFhir } from '../main/cli/fhir-stream';
import { loadSettings } from '../main/db/repos/settings';
import { caseDetails, resolveExportScope } from '../main/features/export/export-scope';
import { fixedClock } from '../shared/clock';
import type { IsoDate } from '../shared/dates';
import { generateCaseload } from '../tests/support/synthetic-caseload';
import { median, peakRssMb, printTable, recordFigure, round, verdict, type SummaryLine } from './support/figures';

const TODAY: IsoDate = '2026-11-22';
const OPEN_CASES = 6000;
const CLOSED_CASES = 4000;
const TARGET_SECONDS = 10;
const TARGET_RSS_MB = 300;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const RESULT_PREFIX = 'BENCH_RESULT ';
const loadAverage = (): number => round(loadavg()[0] ?? 0, 2);

interface ChildResult {
  /** Open the database, export (or read), close. */
  seconds: number;
  openSeconds: number;
  peakRssMb: number;
  cases: number;
  /** As the export counted them; checked against a count of the file. */
  resources?: number;
}

/**
 * Child: what `thrive --db DB export fhir --scope team --include-closed --out FILE` runs (the CLI's
 * streaming export, main/cli/fhir-stream.ts), with opening the database (key, pragmas, quick_check)
 * timed apart from the export itself.
 */
function childExport(dbPath: string, out: string): void {
  const started = performance.now();
  const services = createAppServices({ dbPath, clock: fixedClock(TODAY), log: () => undefined, systemActor: 'system:cli' });
  const opened = performance.now();
  const done = streamCaseloadFhir(services.db, services.clock, { scope: 'team', includeClosed: true }, out, null);
  services.close();
  const seconds = (performance.now() - started) / 1000;
  emit({ seconds, openSeconds: (opened - started) / 1000, peakRssMb: peakRssMb(), cases: done.cases, resources: done.resources });
}

/** Child: the floor, every case read through the export's own loader and dropped. */
function childFloor(dbPath: string): void {
  const started = performance.now();
  const services = createAppServices({ dbPath, clock: fixedClock(TODAY), log: () => undefined });
  const opened = performance.now();
  const scope = resolveExportScope(services.db, { scope: 'team', includeClosed: true });
  let cases = 0;
  for (const detail of caseDetails(services.db, scope.caseIds, loadSettings(services.db), TODAY)) if (detail.summary.id) cases++;
  services.close();
  emit({ seconds: (performance.now() - started) / 1000, openSeconds: (opened - started) / 1000, peakRssMb: peakRssMb(), cases });
}

function emit(result: ChildResult): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

function runChild(mode: '--export' | '--floor', dbPath: string, out: string): ChildResult {
  const run = spawnSync(process.execPath, [__filename, mode, dbPath, out], { encoding: 'utf8', timeout: 300_000 });
  const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (run.status !== 0 || !line) throw new Error(`the ${mode} child failed (exit ${run.status ?? run.signal}):\n${run.stderr}${run.stdout}`);
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult;
}

/**
 * Counts the resources in the bundle by scanning it in 1 MB blocks (it is too big to parse here
 * cheaply): every `"resourceType":` but the Bundle's own. Also checks it is a complete collection.
 */
function countResources(file: string): number {
  const fd = openSync(file, 'r');
  const block = Buffer.alloc(1024 * 1024);
  let carry = '';
  let count = 0;
  let head = '';
  let tail = '';
  try {
    for (;;) {
      const n = readSync(fd, block, 0, block.length, null);
      if (n === 0) break;
      const text = carry + block.toString('utf8', 0, n);
      if (head === '') head = text.slice(0, 400);
      // A key split between two blocks is counted once: here if it starts before the last 40
      // characters, else in the next block, which begins with those characters.
      const safeEnd = Math.max(0, text.length - 40);
      for (const m of text.matchAll(/"resourceType"\s*:/g)) if (m.index < safeEnd) count++;
      carry = text.slice(safeEnd);
      tail = text.slice(-200);
    }
    count += (carry.match(/"resourceType"\s*:/g) ?? []).length;
  } finally {
    closeSync(fd);
  }
  if (!/"resourceType"\s*:\s*"Bundle"/.test(head) || !/"collection"/.test(head) || !tail.trimEnd().endsWith('}')) {
    throw new Error(`${file} is not a complete FHIR Bundle of type collection`);
  }
  return count - 1;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thrive-bench-'));
  try {
    const dbPath = path.join(dir, 'bench.db');
    const out = path.join(dir, 'caseload.json');

    let started = performance.now();
    const services = createAppServices({ dbPath, create: true, clock: fixedClock(TODAY), log: () => undefined });
    const generated = generateCaseload(services.db, {
      seed: 20261122,
      today: TODAY,
      teams: 1,
      cliniciansPerTeam: 100,
      openCases: OPEN_CASES,
      closedCases: CLOSED_CASES,
    });
    services.close();
    const generateSeconds = (performance.now() - started) / 1000;
    console.log(`generated ${generated.cases.length} cases (${generated.written.goalRatings} GBO ratings, ${generated.written.currentViews} Current Views) in ${round(generateSeconds)} s`);

    started = performance.now();
    const loadBefore = loadAverage();
    const floor = runChild('--floor', dbPath, out);
    const runs: ChildResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(runChild('--export', dbPath, out));
      const run = runs[i]!;
      console.log(`run ${i + 1} of ${RUNS}: ${round(run.seconds, 2)} s (open ${round(run.openSeconds, 2)} s), peak RSS ${round(run.peakRssMb)} MB`);
    }
    const bytes = statSync(out).size;
    const resources = countResources(out);
    const seconds = median(runs.map((r) => r.seconds));
    const openSeconds = median(runs.map((r) => r.openSeconds));
    const loadAfter = loadAverage();
    const peak = Math.max(...runs.map((r) => r.peakRssMb));
    const cases = runs[0]!.cases;
    if (cases !== OPEN_CASES + CLOSED_CASES) throw new Error(`the export held ${cases} cases, not ${OPEN_CASES + CLOSED_CASES}`);
    if (resources !== runs[0]!.resources) throw new Error(`the file holds ${resources} resources but the export reported ${runs[0]!.resources}`);
    const ok = (pass: boolean) => (pass ? 'ok' : 'OVER TARGET');

    printTable(`FHIR export of ${cases.toLocaleString('en-GB')} cases (thrive export fhir, streamed, child process; median of ${RUNS})`, ['figure', 'value', 'target', ''], [
      ['cases', String(cases), '', ''],
      ['resources', String(resources), '', ''],
      ['file size', `${round(bytes / (1024 * 1024))} MB`, '', ''],
      ['seconds (open, export, close)', String(round(seconds, 2)), `≤ ${TARGET_SECONDS} s`, ok(seconds <= TARGET_SECONDS)],
      ['  of which opening the database', `${round(openSeconds, 2)} s`, '', ''],
      ['peak RSS', `${round(peak)} MB`, `≤ ${TARGET_RSS_MB} MB`, ok(peak <= TARGET_RSS_MB)],
      ['floor: read the cases, no FHIR', `${round(floor.seconds, 2)} s, ${round(floor.peakRssMb)} MB`, '', ''],
      ['ratio to floor', `${round(seconds / floor.seconds, 2)}×`, '', ''],
    ]);
    console.log(`(database generated in ${round(generateSeconds)} s; export runs and floor took ${round((performance.now() - started) / 1000)} s)`);
    // Timings are wall-clock: on a busy machine they stretch; the load average says how busy it was.
    console.log(`load average (1 min) ${loadBefore} before, ${loadAfter} after, on ${availableParallelism()} cores`);

    const summary: SummaryLine[] = [
      { figure: `FHIR export of ${cases.toLocaleString('en-GB')} cases (streamed)`, value: `${round(seconds, 2)} s (${round(Math.min(...runs.map((r) => r.seconds)), 2)}–${round(Math.max(...runs.map((r) => r.seconds)), 2)})`, target: `≤ ${TARGET_SECONDS} s`, status: verdict(seconds <= TARGET_SECONDS) },
      { figure: '  its peak memory', value: `${round(peak)} MB`, target: `≤ ${TARGET_RSS_MB} MB`, status: verdict(peak <= TARGET_RSS_MB) },
    ];
    recordFigure('fhirExport10k', {
      summary,
      figure: 'FHIR export of 10k cases',
      cases,
      resources,
      fileBytes: bytes,
      seconds: round(seconds, 3),
      runsSeconds: runs.map((r) => round(r.seconds, 3)),
      openSeconds: round(openSeconds, 3),
      peakRssMb: round(peak),
      floorSeconds: round(floor.seconds, 3),
      ratioToFloor: round(seconds / floor.seconds, 2),
      target: { seconds: TARGET_SECONDS, peakRssMb: TARGET_RSS_MB },
      withinTarget: seconds <= TARGET_SECONDS && peak <= TARGET_RSS_MB,
      loadAverage: { before: loadBefore, after: loadAfter, cores: availableParallelism() },
      node: process.versions.node,
      platform: `${process.platform} ${process.arch}`,
      measuredAt: new Date().toISOString(),
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, dbArg, outArg] = process.argv.slice(2);
const job = mode === '--export' ? Promise.resolve(childExport(dbArg!, outArg!)) : mode === '--floor' ? Promise.resolve(childFloor(dbArg!)) : main();
job.catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
