/**
 * The team view on a generated database (two teams, open and closed cases over two years), compared
 * with the same answers worked out independently from what the generator wrote (team-expected.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock';
import { FLAG_CODES } from '../../shared/domain/flags';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import { createAppServices, type AppServices } from '../../main/app-services';
import { putSetting } from '../../main/db/repos/settings';
import { TEST_KEY } from '../support/temp-db';
import { generateCaseload, type GeneratedCaseload } from '../support/synthetic-caseload';
import { pdfToText } from '../support/pdftotext';
import { expectedOrder, expectedOverview } from '../support/team-expected';

const TODAY = '2026-11-16';

// One generated database for the whole file (the tests only read it), in a folder of its own so the
// per-test temporary folders' cleanup cannot remove it while it is open.
let dir: string;
const opened: AppServices[] = [];
let app: { services: AppServices; ok<C extends Channel>(channel: C, args: ArgsOf<C>): ResultOf<C> };
let g: GeneratedCaseload;

function services(name: string): AppServices {
  const s = createAppServices({ dbPath: join(dir, name), key: TEST_KEY, create: true, clock: fixedClock(TODAY), log: () => {} });
  opened.push(s);
  return s;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'thrive-generated-'));
  const s = services('generated.db');
  g = generateCaseload(s.db, { seed: 42, today: TODAY, teams: 2, cliniciansPerTeam: 6, openCases: 900, closedCases: 450 });
  app = {
    services: s,
    ok: (channel, args) => {
      const result = s.invoke(channel, args);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
  };
});

afterAll(() => {
  for (const s of opened) s.close();
  rmSync(dir, { recursive: true, force: true });
});

function withoutLabels<T extends { timeOpen: Array<{ key: string; count: number }> }>(o: T) {
  return { ...o, timeOpen: o.timeOpen.map(({ key, count }) => ({ key, count })) };
}

describe('team view on a generated caseload', () => {
  it('writes what it says it wrote, realistically spread (every flag, grouping and ending reason occurs)', () => {
    const db = app.services.db;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(count("SELECT count(*) FROM cases WHERE status = 'open'")).toBe(900);
    expect(count("SELECT count(*) FROM cases WHERE status = 'closed'")).toBe(450);
    expect(count('SELECT count(*) FROM reviews')).toBe(g.written.reviews);
    expect(count('SELECT count(*) FROM goal_ratings')).toBe(g.written.goalRatings);
    expect(count('SELECT count(*) FROM current_views')).toBe(g.written.currentViews);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(g.teams).toHaveLength(2);
    expect(app.ok('app:state', {}).profile).toMatchObject({ id: g.teams[0]!.leadId, role: 'team_lead' });

    const overview = expectedOverview(g, { teamId: g.teams[0]!.id }, { from: '2025-11-16', to: TODAY });
    for (const f of overview.byFlag) expect(f.count, f.code).toBeGreaterThan(0);
    expect(overview.byGrouping.filter((x) => x.grouping !== 'thriving').every((x) => x.count > 0)).toBe(true);
    expect(overview.endingReasons.filter((r) => r.count > 0).length).toBeGreaterThanOrEqual(6);
    expect(overview.gboAtClose.improved && overview.gboAtClose.noReliableChange && overview.gboAtClose.deteriorated).toBeTruthy();
    expect(overview.timeOpen.every((b) => b.count > 0)).toBe(true);
    const ages = g.cases.map((c) => Math.floor((Date.parse(c.openDate) - Date.parse(c.dateOfBirth)) / (365.25 * 86_400_000)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...ages)).toBeLessThanOrEqual(18);
  });

  it('gives the same answers as the independent computation, for each team, a clinician and a chosen period', () => {
    const [west, east] = g.teams;
    // A team lead sees their own team only, so the east team is checked as its own lead.
    const scopes = [
      { lead: west!.leadId, args: {}, scope: { teamId: west!.id } },
      { lead: east!.leadId, args: { teamId: east!.id }, scope: { teamId: east!.id } },
      { lead: west!.leadId, args: { clinicianId: west!.clinicianIds[2]! }, scope: { teamId: west!.id, clinicianId: west!.clinicianIds[2]! } },
    ];
    for (const { lead, args, scope } of scopes) {
      putSetting(app.services.db, 'profileClinicianId', lead, '2026-11-16T12:00:00.000Z');
      const o = app.ok('team:overview', args);
      const { today: _t, team: _team, clinician: _c, period, ...figures } = o;
      expect(withoutLabels(figures), JSON.stringify(args)).toEqual(expectedOverview(g, scope, period));

      const cases = app.ok('team:cases', args);
      expect(cases.rows.map((r) => r.caseRef), JSON.stringify(args)).toEqual(expectedOrder(g, scope));
      expect(cases.rows.map((r) => r.rank)).toEqual(cases.rows.map((_, i) => i + 1));
      expect(cases.rows.map((r) => r.urgencyBand)).toEqual([...cases.rows.map((r) => r.urgencyBand)].sort((a, b) => a - b));
    }
    putSetting(app.services.db, 'profileClinicianId', west!.leadId, '2026-11-16T12:00:00.000Z');
    const period = { closedFrom: '2025-03-01', closedTo: '2025-12-31' };
    const o = app.ok('team:overview', period);
    const { today: _t, team: _team, clinician: _c, period: p, ...figures } = o;
    expect(p).toEqual({ from: '2025-03-01', to: '2025-12-31' });
    expect(withoutLabels(figures)).toEqual(expectedOverview(g, { teamId: west!.id }, p));
    expect(o.closedInPeriod).toBeGreaterThan(0);
  });

  it('shows the flags and reasons of the caseload screen for the same case', () => {
    const team = app.ok('team:cases', {});
    const clinicianId = g.teams[0]!.clinicianIds[1]!;
    const caseload = app.ok('caseload:list', { clinicianId });
    const byId = new Map(team.rows.map((r) => [r.caseId, r]));
    expect(caseload.rows.length).toBeGreaterThan(10);
    for (const row of caseload.rows) {
      const { urgencyBand: _b, rank: _r, ...same } = byId.get(row.caseId)!;
      expect(same).toEqual(row);
    }
    expect(FLAG_CODES.every((code) => team.rows.some((r) => r.flags.some((f) => f.code === code)))).toBe(true);
  });

  it("puts every case of a clinician in the supervision pack, in the team view's order, each kept to one page", () => {
    const clinicianId = g.teams[0]!.clinicianIds[3]!;
    const rows = app.ok('team:cases', { clinicianId }).rows;
    const pack = app.ok('team:supervisionPack', { clinicianId });
    const { pages } = pdfToText(Buffer.from(pack.content, 'base64'));
    // Names exactly as typed (the embedded Unicode font prints Łucja as Łucja).
    const headings = rows.map((r) => `${r.rank}. ${r.name}\n`);
    const pageOf = headings.map((h) => pages.findIndex((p) => p.includes(h)));
    expect(pageOf.every((p) => p >= 0)).toBe(true);
    expect([...pageOf].sort((a, b) => a - b)).toEqual(pageOf);
    rows.forEach((r, i) => {
      const page = pages[pageOf[i]!]!;
      const block = page.slice(page.indexOf(headings[i]!));
      expect(block, r.caseRef).toContain(`Case ref ${r.caseRef}`);
    });
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('is the same caseload for the same seed (names, dates, groupings, ratings), whatever the record ids', () => {
    const options = { seed: 7, today: TODAY, openCases: 60, closedCases: 20 };
    const a = generateCaseload(services('a.db').db, options);
    const b = generateCaseload(services('b.db').db, options);
    const strip = (x: GeneratedCaseload) => x.cases.map(({ id: _id, teamId: _t, leadClinicianId: _l, ...rest }) => rest);
    expect(strip(a)).toEqual(strip(b));
    expect(a.written).toEqual(b.written);
    expect(a.cases.filter((c) => c.status === 'open')).toHaveLength(60);
  });
});
