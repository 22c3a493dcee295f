/**
 * What every bench shares: the peak memory of the process, medians, the printed table and
 * bench-results.json (one object keyed by figure name, so each bench adds its own without
 * overwriting the others').
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import path from 'node:path';

export const RESULTS_FILE = path.resolve(process.cwd(), 'bench-results.json');

/**
 * The most memory this process has held (resident set high-water mark), in MB: /proc's VmHWM on
 * Linux, else what the kernel reports through resourceUsage (maxRSS is in KB).
 */
export function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (hwm) return Number(hwm) / 1024;
  } catch {
    // Not Linux: fall through to resourceUsage.
  }
  return process.resourceUsage().maxRSS / 1024;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function round(value: number, places = 1): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** Prints rows of cells as aligned columns under a title. */
export function printTable(title: string, header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** Merges one figure into bench-results.json, keeping every other bench's figures as they are. */
export function recordFigure(name: string, figure: Record<string, unknown>): void {
  const existing = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  existing[name] = figure;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(existing, null, 2)}\n`);
}

export interface Stats {
  median: number;
  min: number;
  max: number;
  /** The 99th percentile (nearest rank): the slowest 1 in 100. */
  p99: number;
  runs: number;
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!;
  return { median: median(sorted), min: sorted[0]!, max: sorted[sorted.length - 1]!, p99, runs: sorted.length };
}

/**
 * Milliseconds of each of `runs` calls of fn, after `warmup` untimed calls (prepared statements, page
 * cache). `before`, untimed, runs ahead of every call (e.g. a write, so no result is reused from the last).
 */
export function timeMs(fn: () => unknown, runs: number, warmup = 3, before?: () => void): number[] {
  for (let i = 0; i < warmup; i++) {
    before?.();
    fn();
  }
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const started = performance.now();
    fn();
    out.push(performance.now() - started);
  }
  return out;
}

/** "4.2 ms (3.9–5.1)": median with min and max. */
export function formatStats(s: Stats, unit = 'ms', places = 2): string {
  return `${round(s.median, places)} ${unit} (${round(s.min, places)}–${round(s.max, places)})`;
}

/**
 * One line of the summary table `npm run bench` prints last (scripts/bench-summary.mjs): every figure of
 * docs/quality.md#performance with its value, target and whether it is met. Each bench stores these under "summary".
 */
export interface SummaryLine {
  figure: string;
  value: string;
  target: string;
  /** 'ok', 'OVER TARGET', or '' where there is no target (a context figure). */
  status: string;
}

export const verdict = (ok: boolean): string => (ok ? 'ok' : 'OVER TARGET');

/** The machine the figures came from, for the README and bench-results.json. */
export function machine(): Record<string, unknown> {
  
  return {
    cpus: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.versions.node,
    platform: `${process.platform} ${process.arch}`,
  };
}
