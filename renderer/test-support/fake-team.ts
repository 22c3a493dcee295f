/**
 * The fake API's teams and team view: teams:list/create, clinicians:update (a clinician moves team,
 * their open cases with them), and the team lead's team:cases, team:overview, team:exportCsv and
 * team:supervisionPack, with main's rules: forbidden for anyone but a team lead, scoped to the
 * profile's team, a clinician outside it not found, the period defaulting to the last 12 months.
 */
import { addMonthsTo, formatUkDate, type IsoDate } from '../../shared/dates';
import { FLAG_CODES } from '../../shared/domain/flags';
import { goalProgress } from '../../shared/domain/gbo';
import { GROUPING_CODES, GROUPING_LABELS, type GroupingCode } from '../../shared/domain/groupings';
import { ENDING_REASONS } from '../../shared/domain/lifecycle';
import { formatNhsNumber } from '../../shared/domain/nhs-number';
import type { Settings } from '../../shared/domain/settings';
import { timeOpenDistribution } from '../../shared/domain/team-stats';
import { needsAction, sortByUrgency, urgencyBand } from '../../shared/domain/urgency';
import { AppError, validationError } from '../../shared/ipc/result';
import type { Clinician, ExportFile, GroupingTransition, Team, TeamCaseRow, TeamCases, TeamOverview } from '../../shared/ipc/types';
import { fakeId, rowOf, type FakeCase } from './fake-records';

export const TEAM_FORBIDDEN_MESSAGE = 'The team view is for team leads. Ask a team lead, or change your role in Settings.';

export interface FakeTeamWorld {
  today: IsoDate;
  settings(): Settings;
  me(): Clinician;
  clinicians: Clinician[];
  teams: Team[];
  cases: Map<string, FakeCase>;
}

export const LAST_TEAM_LEAD_MESSAGE = 'A team needs at least one team lead';

/** Team names are unique ignoring case, as main keeps them. */
export function createTeam(w: FakeTeamWorld, name: string): Team {
  const existing = w.teams.find((t) => t.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    const message = `There is already a team called ${existing.name}`;
    throw validationError([{ path: 'name', message }]);
  }
  const team = { id: fakeId(), name };
  w.teams.push(team);
  return team;
}

/**
 * Renames, changes role or moves a clinician; their open cases move team with them. As main does, a
 * team is never left with members but no team lead.
 */
export function updateClinician(w: FakeTeamWorld, a: { clinicianId: string; name?: string | undefined; role?: Clinician['role'] | undefined; teamId?: string | undefined }): Clinician {
  const c = w.clinicians.find((x) => x.id === a.clinicianId);
  if (!c) throw new AppError('not_found', 'There is no clinician with that id');
  const movesTeam = a.teamId !== undefined && a.teamId !== c.teamId;
  if (c.role === 'team_lead' && ((a.role !== undefined && a.role !== 'team_lead') || movesTeam)) {
    const others = w.clinicians.filter((x) => x.teamId === c.teamId && x.id !== c.id);
    const membersLeft = others.length + (movesTeam ? 0 : 1);
    if (membersLeft > 0 && !others.some((x) => x.role === 'team_lead')) throw new AppError('conflict', LAST_TEAM_LEAD_MESSAGE);
  }
  if (a.teamId !== undefined) {
    const team = w.teams.find((t) => t.id === a.teamId);
    if (!team) throw validationError([{ path: 'teamId', message: 'Choose a team that exists' }]);
    c.teamId = team.id;
    c.teamName = team.name;
    for (const fc of w.cases.values()) {
      if (fc.summary.leadClinicianId === c.id && fc.summary.status === 'open') fc.summary.teamId = team.id;
    }
  }
  if (a.name !== undefined) {
    c.name = a.name;
    for (const fc of w.cases.values()) if (fc.summary.leadClinicianId === c.id) fc.summary.leadClinicianName = a.name;
  }
  if (a.role !== undefined) c.role = a.role;
  return c;
}

interface Scope {
  team: Team;
  clinician: Clinician | null;
}

/** Team leads only; the profile's team unless another is named; a clinician must be in that team. */
function scopeOf(w: FakeTeamWorld, a: { teamId?: string | undefined; clinicianId?: string | undefined }): Scope {
  const me = w.me();
  if (me.role !== 'team_lead') throw new AppError('forbidden', TEAM_FORBIDDEN_MESSAGE);
  const team = w.teams.find((t) => t.id === (a.teamId ?? me.teamId));
  if (!team) throw new AppError('not_found', 'That team was not found');
  if (!a.clinicianId) return { team, clinician: null };
  const clinician = w.clinicians.find((c) => c.id === a.clinicianId && c.teamId === team.id);
  if (!clinician) throw new AppError('not_found', 'That clinician is not in this team');
  return { team, clinician };
}

function inScope(c: FakeCase, s: Scope): boolean {
  return c.summary.teamId === s.team.id && (!s.clinician || c.summary.leadClinicianId === s.clinician.id);
}

function teamRows(w: FakeTeamWorld, s: Scope): TeamCaseRow[] {
  const open = [...w.cases.values()].filter((c) => c.summary.status === 'open' && inScope(c, s));
  const rows = open.map((c) => rowOf(c, w.settings(), w.today));
  return sortByUrgency(rows).map((r, i) => ({ ...r, urgencyBand: urgencyBand(r.flags), rank: i + 1 }));
}

export function teamCases(w: FakeTeamWorld, a: { teamId?: string | undefined; clinicianId?: string | undefined }): TeamCases {
  const s = scopeOf(w, a);
  return { today: w.today, team: s.team, clinician: s.clinician, rows: teamRows(w, s) };
}

function transitions(pairs: ReadonlyArray<[GroupingCode, GroupingCode]>): GroupingTransition[] {
  const counts = new Map<string, GroupingTransition>();
  for (const [from, to] of pairs) {
    const key = `${from}>${to}`;
    const t = counts.get(key) ?? { from, to, count: 0 };
    t.count += 1;
    counts.set(key, t);
  }
  return [...counts.values()];
}

export function teamOverview(
  w: FakeTeamWorld,
  a: { teamId?: string | undefined; clinicianId?: string | undefined; closedFrom?: IsoDate | undefined; closedTo?: IsoDate | undefined },
): TeamOverview {
  const s = scopeOf(w, a);
  const period = { from: a.closedFrom ?? addMonthsTo(w.today, -12), to: a.closedTo ?? w.today };
  if (period.from > period.to) {
    throw validationError([{ path: 'closedFrom', message: 'The start of the period must be the same as or before the end' }]);
  }
  const rows = teamRows(w, s);
  const openCases = [...w.cases.values()].filter((c) => c.summary.status === 'open' && inScope(c, s));
  const closed = [...w.cases.values()].filter(
    (c) =>
      c.summary.status === 'closed' &&
      c.summary.closedDate !== null &&
      c.summary.closedDate >= period.from &&
      c.summary.closedDate <= period.to &&
      c.summary.teamId === s.team.id &&
      (!s.clinician || c.summary.leadClinicianId === s.clinician.id),
  );
  const groupingAt = (c: FakeCase, context: 'open' | 'close') => c.currentViews.find((v) => v.context === context)?.grouping ?? null;
  const members = s.clinician ? [s.clinician] : w.clinicians.filter((c) => c.teamId === s.team.id);

  const gbo = { improved: 0, noReliableChange: 0, deteriorated: 0, goals: 0, cases: 0 };
  for (const c of closed) {
    let counted = 0;
    for (const final of c.ending?.finalRatings ?? []) {
      const goal = c.goals.find((g) => g.id === final.goalId);
      const progress = goal ? goalProgress(goal.ratings) : null;
      if (!progress) continue;
      counted += 1;
      if (progress.change === 'improved') gbo.improved += 1;
      else if (progress.change === 'deteriorated') gbo.deteriorated += 1;
      else gbo.noReliableChange += 1;
    }
    gbo.goals += counted;
    if (counted > 0) gbo.cases += 1;
  }

  const notRecorded = rows.filter((r) => r.grouping === null).length;
  return {
    today: w.today,
    team: s.team,
    clinician: s.clinician,
    period,
    openCases: rows.length,
    needAction: rows.filter((r) => needsAction(r.flags)).length,
    byFlag: FLAG_CODES.map((code) => ({ code, count: rows.filter((r) => r.flags.some((f) => f.code === code)).length })),
    byGrouping: [
      ...GROUPING_CODES.map((grouping) => ({ grouping, count: rows.filter((r) => r.grouping === grouping).length })),
      ...(notRecorded > 0 ? [{ grouping: null, count: notRecorded }] : []),
    ],
    byClinician: [...members]
      .sort((x, y) => x.name.localeCompare(y.name, 'en-GB'))
      .map((m) => {
        const mine = rows.filter((r) => r.leadClinicianId === m.id);
        return { clinicianId: m.id, name: m.name, role: m.role, open: mine.length, needAction: mine.filter((r) => needsAction(r.flags)).length };
      }),
    timeOpen: timeOpenDistribution(
      rows.map((r) => r.openDate),
      w.today,
    ),
    openToNow: transitions(
      openCases.flatMap((c) => {
        const from = groupingAt(c, 'open');
        return from && c.summary.grouping ? [[from, c.summary.grouping] as [GroupingCode, GroupingCode]] : [];
      }),
    ),
    openToClose: transitions(
      closed.flatMap((c) => {
        const from = groupingAt(c, 'open');
        const to = groupingAt(c, 'close');
        return from && to ? [[from, to] as [GroupingCode, GroupingCode]] : [];
      }),
    ),
    gboAtClose: gbo,
    // Every reason has a row, as main returns them (a zero is an answer).
    endingReasons: ENDING_REASONS.map((reason) => ({ reason, count: closed.filter((c) => c.ending?.reason === reason).length })),
    closedInPeriod: closed.length,
  };
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'team'
  );
}

/** Formula-injection safe: a cell that a spreadsheet would run starts with a quote instead. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = [
  'Rank',
  'Case ref',
  'Name',
  'NHS number',
  'Date of birth',
  'Clinician',
  'Grouping',
  'Open date',
  'Weeks open',
  'Next review',
  'Target date',
  'Flags',
  'Flag reasons',
  'Goals (first→latest)',
];

export function teamCsv(w: FakeTeamWorld, a: { teamId?: string | undefined; clinicianId?: string | undefined }): ExportFile {
  const s = scopeOf(w, a);
  const lines = teamRows(w, s).map((r) =>
    [
      String(r.rank),
      r.caseRef,
      r.name,
      formatNhsNumber(r.nhsNumber),
      formatUkDate(r.dateOfBirth),
      r.leadClinicianName,
      r.grouping ? GROUPING_LABELS[r.grouping] : '',
      formatUkDate(r.openDate),
      String(r.weeksOpen),
      formatUkDate(r.nextReviewDate),
      formatUkDate(r.targetDate),
      r.flags.map((f) => f.label).join('; '),
      r.flags.map((f) => f.reason).join(' '),
      r.goalScores.map((g) => `${g.first}→${g.latest}`).join('; '),
    ]
      .map(csvCell)
      .join(','),
  );
  return {
    fileName: `thrive-team-${slug(s.team.name)}-${w.today}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    encoding: 'utf8',
    content: `${[CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`,
  };
}

/** A stand-in PDF: the real one is drawn by main with pdfkit; the renderer only saves the bytes. */
export function supervisionPack(w: FakeTeamWorld, a: { clinicianId: string }): ExportFile {
  const s = scopeOf(w, a);
  const who = s.clinician!;
  const text = `%PDF-1.4\n% Supervision pack: ${who.name}\n% ${s.team.name} ${formatUkDate(w.today)}\n%%EOF\n`;
  return {
    fileName: `thrive-supervision-${slug(who.name)}-${w.today}.pdf`,
    mimeType: 'application/pdf',
    encoding: 'base64',
    content: btoa(String.fromCharCode(...new TextEncoder().encode(text))),
  };
}
