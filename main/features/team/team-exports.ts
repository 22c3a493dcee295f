/** Gathers what the exports show (from the same ranked rows as the team view) and hands it to the pure builders. */
import type { IsoDate } from '../../../shared/dates';
import { goalProgress } from '../../../shared/domain/gbo';
import type { Settings } from '../../../shared/domain/settings';
import type { ExportFile } from '../../../shared/ipc/types';
import { listOpenCriteria, listOpenPlans } from '../../db/repos/team';
import type { Db } from '../../db/sql';
import { supervisionPackFileName } from '../../export/file-names';
import { buildSupervisionPack, type PackCase, type PackPlan } from '../../export/supervision-pack';
import { buildTeamCsv } from '../../export/team-csv';
import { loadRankedCases } from './team-cases';
import type { ClinicianScope, TeamScope } from './team-scope';

export function teamCsvExport(db: Db, scope: TeamScope, settings: Settings, today: IsoDate): ExportFile {
  return buildTeamCsv({
    teamName: scope.team.name,
    clinicianName: scope.clinician?.name ?? null,
    today,
    rows: loadRankedCases(db, scope, settings, today).map((r) => r.row),
  });
}

/** The pack's cases: ranked rows with their plan in force and goal movement, in four queries in all. */
export function supervisionPackCases(db: Db, scope: TeamScope, settings: Settings, today: IsoDate): PackCase[] {
  const plans = new Map(listOpenPlans(db, scope.cases).map((p) => [p.case_id, p]));
  const criteria = new Map<string, string[]>();
  for (const c of listOpenCriteria(db, scope.cases)) {
    const list = criteria.get(c.case_id);
    if (list) list.push(c.text);
    else criteria.set(c.case_id, [c.text]);
  }
  return loadRankedCases(db, scope, settings, today).map(({ row, open }): PackCase => {
    const p = plans.get(row.caseId);
    const plan: PackPlan | null = p
      ? {
          versionNo: p.version_no,
          agreedDate: p.agreed_date,
          agreedOutcome: p.agreed_outcome,
          endingCriteria: criteria.get(row.caseId) ?? [],
          targetDate: p.target_date,
          likelihood: p.likelihood,
          likelihoodNote: p.likelihood_note,
          contingency: p.contingency,
          riskSupportSummary: p.risk_support_summary,
        }
      : null;
    return {
      rank: row.rank,
      name: row.name,
      caseRef: row.caseRef,
      nhsNumber: row.nhsNumber,
      grouping: row.grouping,
      openDate: row.openDate,
      weeksOpen: row.weeksOpen,
      nextReviewDate: row.nextReviewDate,
      targetDate: row.targetDate,
      flags: row.flags,
      plan,
      goals: open.goals.flatMap((g) => {
        const progress = goalProgress(g.ratings.map((r) => ({ ratedOn: r.date, score: r.score })));
        return progress ? [{ description: g.description, ...progress, ratings: g.ratings.length }] : [];
      }),
    };
  });
}

export function supervisionPackExport(db: Db, scope: ClinicianScope, settings: Settings, today: IsoDate, now: string): ExportFile {
  const pdf = buildSupervisionPack({
    clinicianName: scope.clinician.name,
    teamName: scope.team.name,
    today,
    createdAt: now,
    cases: supervisionPackCases(db, scope, settings, today),
  });
  return {
    fileName: supervisionPackFileName(scope.clinician.name, today),
    mimeType: 'application/pdf',
    encoding: 'base64',
    content: pdf.toString('base64'),
  };
}
