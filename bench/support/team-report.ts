/**
 * The team-server bench's printed tables and summary lines (bench/team-server.ts): each figure with its
 * target, its floor from the same run, the ratio to the floor and whether the target is met.
 */
import { printTable, round, verdict, type Stats, type SummaryLine } from './figures';
import type { LoadResult } from './team-load';
import type { FirstSync } from './team-pull';
import type { Templates } from './team-template';
import { stats } from './figures';

export interface ScaleFigures {
  label: string;
  serverCases: number;
  sync: FirstSync;
  pull: Stats;
  ping: Stats;
  push: Stats;
  pushFloor: Stats;
}

export const TARGETS = { pushP99Ms: 20, pushRatio: 3, firstSyncSeconds: 10, pullP99Ms: 5, scaling: 2 };

const ms = (v: number) => `${round(v, 2)} ms`;
const p50p99 = (s: Stats) => `p50 ${ms(s.median)}, p99 ${ms(s.p99)} (${s.runs})`;
const ratio = (a: number, b: number) => round(a / b, 2);
const secs = (msValue: number) => `${round(msValue / 1000, 2)} s`;
const n = (v: number) => v.toLocaleString('en-GB');

function scaleRows(f: ScaleFigures): string[][] {
  const pushRatio = ratio(f.push.p99, f.pushFloor.p99);
  return [
    [`[${f.label}: ${n(f.serverCases)} cases on the server]`, '', '', ''],
    ['1 pushed review acknowledged', p50p99(f.push), `p99 ≤ ${TARGETS.pushP99Ms} ms`, verdict(f.push.p99 <= TARGETS.pushP99Ms)],
    ['  floor: same writes, 1 transaction, 1 connection', p50p99(f.pushFloor), '', ''],
    ['  ratio to floor', `p50 ${ratio(f.push.median, f.pushFloor.median)}×, p99 ${pushRatio}×`, `p99 ≤ ${TARGETS.pushRatio}×`, verdict(pushRatio <= TARGETS.pushRatio)],
    [
      `2 first sync: ${n(f.sync.casesOnDevice)} cases (${n(f.sync.changes)} changes) into an empty device`,
      secs(f.sync.syncMs),
      `≤ ${TARGETS.firstSyncSeconds} s`,
      verdict(f.sync.syncMs / 1000 <= TARGETS.firstSyncSeconds),
    ],
    ['  floor: one SELECT of the same change-log rows', secs(f.sync.selectMs), '', ''],
    ['  floor: the same pages applied, no network', secs(f.sync.applyMs), '', ''],
    ['  ratio to floors', `${ratio(f.sync.syncMs, f.sync.selectMs)}× SELECT, ${ratio(f.sync.syncMs, f.sync.applyMs)}× apply`, '', ''],
    ['3 incremental pull, nothing new', p50p99(f.pull), `p99 ≤ ${TARGETS.pullP99Ms} ms`, verdict(f.pull.p99 <= TARGETS.pullP99Ms)],
    ['  floor: round trip to a trivial route', p50p99(f.ping), '', ''],
    ['  ratio to floor', `p50 ${ratio(f.pull.median, f.ping.median)}×, p99 ${ratio(f.pull.p99, f.ping.p99)}×`, '', ''],
  ];
}

function scalingRows(small: ScaleFigures, large: ScaleFigures): string[][] {
  const rows: Array<[string, number, number]> = [
    ['push p99', large.push.p99, small.push.p99],
    ['first sync', large.sync.syncMs, small.sync.syncMs],
    ['incremental pull p99', large.pull.p99, small.pull.p99],
  ];
  return [
    [`[5: ${n(large.serverCases)} against ${n(small.serverCases)} cases on the server]`, '', '', ''],
    ...rows.map(([what, a, b]) => [`5 ${what}, ratio`, `${ratio(a, b)}× (${round(a, 2)} against ${round(b, 2)} ms)`, `≤ ${TARGETS.scaling}×`, verdict(a / b <= TARGETS.scaling)]),
  ];
}

function loadRows(load: LoadResult, devices: number): string[][] {
  const lat = stats(load.latencyMs);
  const perSecond = round(load.acked / load.seconds, 1);
  const clean = load.lost === 0 && load.duplicated === 0 && load.conflictsWritten === 0 && load.casesWrong === 0 && load.failures === 0;
  return [
    [`[4: ${devices} devices pushing for ${round(load.seconds, 1)} s]`, '', '', ''],
    [`4 pushes acknowledged`, `${n(load.acked)} (${perSecond}/s), ${n(load.conflicts)} answered 412`, '', ''],
    ['  latency of every push (accepted or 412)', p50p99(lat), '', ''],
    [
      '  lost / duplicated / 412 written / cases wrong / failed',
      `${load.lost} / ${load.duplicated} / ${load.conflictsWritten} / ${load.casesWrong} / ${load.failures}`,
      'all 0',
      verdict(clean),
    ],
  ];
}

export interface TeamReport {
  small: ScaleFigures;
  large: ScaleFigures;
  load: LoadResult;
  devices: number;
  templates: Templates;
  seedSeconds: number;
  otherSeedSeconds: number;
  loadBefore: number;
  loadAfter: number;
}

export function printTeamTables(r: TeamReport): void {
  const b = r.templates.bytes;
  printTable(
    `Team server on PostgreSQL over loopback HTTP (documents ${n(b.open)}/${n(b.openReviewed)}/${n(b.closed)} bytes open/reviewed/closed; ` +
      `seeded in ${round(r.seedSeconds, 1)} s + ${round(r.otherSeedSeconds, 1)} s; load average ${r.loadBefore} → ${r.loadAfter})`,
    ['figure', 'value', 'target', ''],
    [...scaleRows(r.small), ...scaleRows(r.large), ...scalingRows(r.small, r.large), ...loadRows(r.load, r.devices)],
  );
  if (r.load.failures > 0) console.log(`failed pushes by kind: ${JSON.stringify(r.load.failureKinds)}`);
}

export function summaryLines(small: ScaleFigures, large: ScaleFigures, load: LoadResult, devices: number): SummaryLine[] {
  const lat = stats(load.latencyMs);
  const clean = load.lost === 0 && load.duplicated === 0 && load.conflictsWritten === 0 && load.casesWrong === 0 && load.failures === 0;
  return [
    { figure: 'team server: pushed review acknowledged, p99', value: ms(small.push.p99), target: `≤ ${TARGETS.pushP99Ms} ms`, status: verdict(small.push.p99 <= TARGETS.pushP99Ms) },
    { figure: '  its ratio to the same writes by hand (p99)', value: `${ratio(small.push.p99, small.pushFloor.p99)}×`, target: `≤ ${TARGETS.pushRatio}×`, status: verdict(small.push.p99 / small.pushFloor.p99 <= TARGETS.pushRatio) },
    { figure: `team server: first sync of ${n(small.sync.casesOnDevice)} cases`, value: secs(small.sync.syncMs), target: `≤ ${TARGETS.firstSyncSeconds} s`, status: verdict(small.sync.syncMs <= TARGETS.firstSyncSeconds * 1000) },
    { figure: 'team server: incremental pull, nothing new, p99', value: ms(small.pull.p99), target: `≤ ${TARGETS.pullP99Ms} ms`, status: verdict(small.pull.p99 <= TARGETS.pullP99Ms) },
    { figure: `team server: ${devices} devices pushing, lost/duplicated`, value: `${load.lost}/${load.duplicated}; ${round(load.acked / load.seconds, 1)}/s, p99 ${ms(lat.p99)}`, target: '0/0', status: verdict(clean) },
    { figure: `team server: push p99 at ${n(large.serverCases)} cases against ${n(small.serverCases)}`, value: `${ratio(large.push.p99, small.push.p99)}×`, target: `≤ ${TARGETS.scaling}×`, status: verdict(large.push.p99 / small.push.p99 <= TARGETS.scaling) },
    { figure: '  first sync at that size, ratio', value: `${ratio(large.sync.syncMs, small.sync.syncMs)}×`, target: `≤ ${TARGETS.scaling}×`, status: verdict(large.sync.syncMs / small.sync.syncMs <= TARGETS.scaling) },
    { figure: '  incremental pull p99 at that size, ratio', value: `${ratio(large.pull.p99, small.pull.p99)}×`, target: `≤ ${TARGETS.scaling}×`, status: verdict(large.pull.p99 / small.pull.p99 <= TARGETS.scaling) },
  ];
}
