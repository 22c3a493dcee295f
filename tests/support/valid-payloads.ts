/**
 * A payload each channel should accept, built from the database as it stands at the moment of the call
 * (case versions move as the fuzzer's accepted writes land). The fuzzer mutates these one field at a
 * time, so the schema and the rules behind it are reached, not only the first "not an object" check.
 * A builder may prepare state through `invoke` first (a fresh case for currentView:record); that
 * happens before the "nothing written" fingerprint is taken.
 */
import { addDaysTo, type IsoDate } from '../../shared/dates';
import type { Channel } from '../../shared/ipc/contract';
import type { CaseDetail } from '../../shared/ipc/types';
import type { AppServices } from '../../main/app-services';
import { closeArgs, currentViewArgs, openCaseArgs, planArgs, reviewArgs, reviseArgs } from './test-app';

export interface FuzzWorld {
  services: AppServices;
  today: IsoDate;
  profileId: string;
  profileName: string;
  teamId: string;
  /** Grows with every use, so names and case references built from it are new. */
  serial: () => number;
}

type Builder = (w: FuzzWorld) => unknown;

function ok<T>(w: FuzzWorld, channel: Channel, args: unknown): T {
  const result = w.services.invoke(channel, args);
  if (!result.ok) throw new Error(`preparing a valid ${channel} payload failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

function pluck(w: FuzzWorld, sql: string, ...params: unknown[]): string | undefined {
  return w.services.db.prepare(sql).pluck().get(...params) as string | undefined;
}

/** An open case of the profile's team with a plan in force (the demo has several). */
function plannedCase(w: FuzzWorld): CaseDetail {
  const id = pluck(
    w,
    `SELECT id FROM cases c WHERE status = 'open' AND team_id = ? AND EXISTS (SELECT 1 FROM plans p WHERE p.case_id = c.id)
     ORDER BY case_ref LIMIT 1`,
    w.teamId,
  );
  if (!id) throw new Error('the fuzz database has no open case with a plan');
  return ok<CaseDetail>(w, 'cases:get', { caseId: id });
}

function anyCaseId(w: FuzzWorld, status: 'open' | 'closed'): string {
  const id = pluck(w, 'SELECT id FROM cases WHERE status = ? ORDER BY case_ref LIMIT 1', status);
  if (!id) throw new Error(`the fuzz database has no ${status} case`);
  return id;
}

/** A new case with its Current View at open recorded, or not: for the channels that need a case at that step. */
function newCase(w: FuzzWorld, withCurrentView: boolean): string {
  const n = w.serial();
  const opened = ok<{ id: string }>(
    w,
    'cases:open',
    openCaseArgs(w.profileId, { caseRef: `FUZZ-${n}`, name: `Fuzz Person ${n}`, nhsNumber: null, openDate: w.today, referralDate: w.today }),
  );
  if (withCurrentView) ok(w, 'currentView:record', currentViewArgs(opened.id, { completedDate: w.today }));
  return opened.id;
}

function importFile(w: FuzzWorld): unknown {
  const n = w.serial();
  const csv = [
    'Case ref,Name,Date of birth,Referral date,Open date,Lead clinician',
    `IMP-${n},Imported Person ${n},14/05/2012,01/10/2026,20/10/2026,${w.profileName}`,
    '',
  ].join('\r\n');
  return { fileName: `caseload-${n}.csv`, contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
}

const PASSPHRASE = 'copper kettle meadow';

export const VALID: Partial<Record<Channel, Builder>> = {
  'profile:setup': (w) => ({ name: `Fuzz Clinician ${w.serial()}`, role: 'team_lead', teamName: 'Fuzz Team' }),
  'clinicians:create': (w) => ({ name: `Colleague ${w.serial()}`, role: 'clinician', teamId: w.teamId }),
  'clinicians:list': (w) => ({ teamId: w.teamId }),
  'clinicians:update': (w) => ({
    clinicianId: pluck(w, 'SELECT id FROM clinicians WHERE team_id = ? AND id <> ? ORDER BY name LIMIT 1', w.teamId, w.profileId),
    name: `Renamed ${w.serial()}`,
  }),
  'teams:create': (w) => ({ name: `Fuzz team ${w.serial()}` }),
  'settings:update': () => ({ dueSoonDays: 10, reviewIntervalWeeks: 8 }),
  'cases:open': (w) => openCaseArgs(w.profileId, { caseRef: `OPEN-${w.serial()}`, nhsNumber: null, openDate: w.today }),
  'cases:list': (w) => ({ status: 'all', clinicianId: w.profileId }),
  'cases:get': (w) => ({ caseId: anyCaseId(w, 'open') }),
  'cases:history': (w) => ({ caseId: anyCaseId(w, 'closed') }),
  'currentView:record': (w) => currentViewArgs(newCase(w, false), { completedDate: w.today }),
  'plan:save': (w) =>
    planArgs(newCase(w, true), {
      agreedDate: w.today,
      reviewDate: addDaysTo(w.today, 42),
      targetDate: addDaysTo(w.today, 120),
    }),
  'caseload:list': (w) => ({ clinicianId: w.profileId }),
  'review:record': (w) => {
    const detail = plannedCase(w);
    return reviewArgs(detail, {
      reviewDate: w.today,
      nextReviewDate: addDaysTo(w.today, 14),
      explicitDiscussion: 'Agreed to carry on as planned.',
      currentView: { reason: 'changed_understanding', grouping: detail.summary.grouping ?? 'getting_help', ratings: currentViewArgs('x').ratings },
    });
  },
  'plan:revise': (w) => {
    const detail = plannedCase(w);
    return reviseArgs(detail, { revisedDate: w.today, reviewDate: addDaysTo(w.today, 14), targetDate: addDaysTo(w.today, 90) });
  },
  'cases:close': (w) => closeArgs(plannedCase(w), { endingDate: w.today }),
  'cases:reopen': (w) => {
    const row = w.services.db
      .prepare(
        `SELECT id, version FROM cases c WHERE status = 'closed' AND NOT EXISTS (SELECT 1 FROM cases n WHERE n.previous_episode_id = c.id)
         ORDER BY case_ref LIMIT 1`,
      )
      .get() as { id: string; version: number } | undefined;
    return {
      caseId: row?.id,
      caseVersion: row?.version,
      referralDate: w.today,
      openDate: w.today,
      leadClinicianId: w.profileId,
      reason: 'Referred again by the school',
    };
  },
  'drafts:save': (w) => ({ kind: 'review', caseId: anyCaseId(w, 'open'), payload: { reviewDate: w.today, notes: 'half typed' } }),
  'drafts:get': (w) => ({ kind: 'review', caseId: anyCaseId(w, 'open') }),
  'drafts:discard': (w) => ({ kind: 'review', caseId: anyCaseId(w, 'open') }),
  'team:overview': (w) => ({ teamId: w.teamId, closedFrom: addDaysTo(w.today, -365), closedTo: w.today }),
  'team:cases': (w) => ({ teamId: w.teamId }),
  'team:exportCsv': (w) => ({ clinicianId: w.profileId }),
  'team:supervisionPack': (w) => ({ clinicianId: w.profileId }),
  'export:caseFhir': (w) => ({ caseId: anyCaseId(w, 'closed') }),
  'export:caseloadFhir': () => ({ scope: 'mine', includeClosed: false }),
  'export:caseloadCsv': () => ({ scope: 'team', includeClosed: true, file: 'gbo-ratings', bom: true }),
  'export:casePdf': (w) => ({ caseId: anyCaseId(w, 'closed'), document: 'ending-letter' }),
  'export:summaryText': (w) => ({ caseId: plannedCase(w).summary.id, kind: 'plan' }),
  'import:preview': importFile,
  'import:commit': importFile,
  'lock:setup': () => ({ passphrase: PASSPHRASE, confirmPassphrase: PASSPHRASE }),
  'lock:unlock': () => ({ passphrase: PASSPHRASE }),
  'lock:changePassphrase': () => ({ currentPassphrase: PASSPHRASE, newPassphrase: `${PASSPHRASE} two`, confirmPassphrase: `${PASSPHRASE} two` }),
  'lock:recover': () => ({
    recoveryCode: '7F3K9-QW2MZ-ABCDE-FGHJK-MNPQR-STVWX',
    newPassphrase: PASSPHRASE,
    confirmPassphrase: PASSPHRASE,
  }),
  // A real restore of the newest backup (taken now if there is none): the restored database must then
  // hold the same invariants as any other (the fuzzer checks them after the run).
  'backup:restore': (w) => {
    const list = () => ok<{ backups: Array<{ fileName: string }> }>(w, 'backup:list', {}).backups;
    if (list().length === 0) ok(w, 'backup:create', {});
    return { fileName: list()[0]!.fileName };
  },
  // A headless session has no team server (solo): these are refused as such, after their arguments pass.
  'sync:connect': () => ({ serverUrl: 'https://thrive.example.nhs.uk' }),
  'sync:resolve': () => ({ conflictId: '019391b4-0000-7000-8000-000000000001', choice: 'mine' }),
  'sync:join': (w) => ({ decisions: [{ caseId: anyCaseId(w, 'open'), choice: 'upload' }] }),
  'sync:retry': () => ({ caseId: '019391b4-0000-7000-8000-000000000001' }),
};

/** Channels whose arguments are the empty object: `{}` is their valid payload. */
export function validPayload(channel: Channel, w: FuzzWorld, takesNoArgs: boolean): unknown {
  const build = VALID[channel];
  if (build) return build(w);
  return takesNoArgs ? {} : undefined;
}
