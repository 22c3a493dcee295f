/**
 * The one IPC contract: channel → argument schema (zod, shared with the forms) and result type.
 * Main registers every handler through one `handle()` keyed by this map; the preload exposes one
 * function per channel; the CLI lists and calls the same channels.
 */
import { z } from 'zod';
import type { VersionedSettings } from '../domain/settings';
import type { ChannelName } from './channels';
import type { IpcResult } from './result';
import { ClinicianCreateArgs, ClinicianListArgs, ClinicianUpdateArgs } from './schemas/clinicians';
import { CaseIdArgs, CaseListArgs, CaseloadArgs, OpenCaseArgs } from './schemas/cases';
import { Empty } from './schemas/common';
import { RecordOpeningCurrentViewArgs } from './schemas/current-view';
import { DraftKeyArgs, DraftSaveArgs } from './schemas/drafts';
import { CaseFhirArgs, CaseloadCsvArgs, CaseloadExportArgs, CasePdfArgs, CaseSummaryArgs } from './schemas/export';
import { ImportFileArgs } from './schemas/import';
import { ChangePassphraseArgs, LockSetupArgs, RecoverArgs, UnlockArgs } from './schemas/lock';
import type { BackupInfo, BackupList, LockSetupResult, LockStatus, RestoreResult } from './security-types';
import type { ImportPreview, ImportResult, SummaryText } from './import-types';
import { CloseCaseArgs, ReopenCaseArgs } from './schemas/cases-close-reopen';
import { RevisePlanArgs } from './schemas/plan-revise';
import { RecordReviewArgs } from './schemas/review';
import { SavePlanArgs } from './schemas/plan';
import { SettingsUpdateArgs } from './schemas/settings';
import { SupervisionPackArgs, TeamOverviewArgs, TeamScopeArgs } from './schemas/team';
import type {
  AppState,
  CaseDetail,
  Caseload,
  CaseSummary,
  Clinician,
  CurrentViewRecord,
  DraftRecord,
  EndingRecord,
  ExportFile,
  HistoryEntry,
  PlanRecord,
  ReviewRecord,
  SeedResult,
  Team,
  TeamCases,
  TeamOverview,
} from './types';
import { BackupFileArgs } from './schemas/backup';
import { TeamCreateArgs } from './schemas/teams';
import { ProfileSetupArgs } from './schemas/profile';
import { SyncJoinArgs, type JoinPreview } from './schemas/sync-join';
import { SyncConnectArgs, SyncResolveArgs, SyncRetryArgs, type ConflictView, type RefusedChangeView, type SyncStatus } from './schemas/sync';

interface ChannelDef<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type only. */
  result: R;
  description: string;
}

function channel<A extends z.ZodType, R>(args: A, description: string): ChannelDef<A, R> {
  return { args, result: undefined as unknown as R, description };
}

export const contract = {
  'app:state': channel<typeof Empty, AppState>(Empty, 'The signed-in profile, settings, today and case count'),
  'profile:setup': channel<typeof ProfileSetupArgs, Clinician>(
    ProfileSetupArgs,
    'First run: create the clinician profile (and team) of the person using the app',
  ),
  'clinicians:create': channel<typeof ClinicianCreateArgs, Clinician>(ClinicianCreateArgs, 'Add a clinician to a team'),
  'clinicians:list': channel<typeof ClinicianListArgs, Clinician[]>(ClinicianListArgs, 'Clinicians, optionally of one team'),
  'clinicians:update': channel<typeof ClinicianUpdateArgs, Clinician>(
    ClinicianUpdateArgs,
    "Rename a clinician, change their role, or move them to another team (their open cases move with them)",
  ),
  'teams:list': channel<typeof Empty, Team[]>(Empty, 'Every team in this database'),
  'teams:create': channel<typeof TeamCreateArgs, Team>(TeamCreateArgs, 'Add a team'),
  'settings:get': channel<typeof Empty, VersionedSettings>(Empty, 'Review intervals and flag thresholds'),
  'settings:update': channel<typeof SettingsUpdateArgs, VersionedSettings>(SettingsUpdateArgs, 'Change review intervals and flag thresholds'),
  'cases:open': channel<typeof OpenCaseArgs, CaseSummary>(OpenCaseArgs, 'Open a new case (episode of care)'),
  'cases:list': channel<typeof CaseListArgs, CaseSummary[]>(CaseListArgs, 'Cases by status and clinician'),
  'cases:get': channel<typeof CaseIdArgs, CaseDetail>(CaseIdArgs, 'One case with its flags, Current Views, plan and goals'),
  'currentView:record': channel<typeof RecordOpeningCurrentViewArgs, CurrentViewRecord>(
    RecordOpeningCurrentViewArgs,
    'Record the Current View at open with the THRIVE grouping chosen with the family',
  ),
  'plan:save': channel<typeof SavePlanArgs, PlanRecord>(SavePlanArgs, 'Agree the THRIVE plan at the start'),
  'caseload:list': channel<typeof CaseloadArgs, Caseload>(CaseloadArgs, "A clinician's open cases with flags and reasons"),
  'review:record': channel<typeof RecordReviewArgs, ReviewRecord>(
    RecordReviewArgs,
    'Record a review: attendees, GBO ratings, ending-criteria progress, Current View with grouping, decision, next review date',
  ),
  'plan:revise': channel<typeof RevisePlanArgs, PlanRecord>(
    RevisePlanArgs,
    'Revise the plan (goals added, reworded or dropped; criteria, target date): a new plan version, history kept',
  ),
  'cases:close': channel<typeof CloseCaseArgs, EndingRecord>(
    CloseCaseArgs,
    'End the case: reason, criteria status, final ratings, Current View at close; the case becomes read-only',
  ),
  'cases:reopen': channel<typeof ReopenCaseArgs, CaseSummary>(ReopenCaseArgs, 'Re-open a closed case as a new episode linked to it'),
  'cases:history': channel<typeof CaseIdArgs, HistoryEntry[]>(CaseIdArgs, 'The audit trail of one case: who changed what, before and after'),
  'drafts:save': channel<typeof DraftSaveArgs, DraftRecord>(DraftSaveArgs, 'Autosave a form draft (never a record)'),
  'drafts:get': channel<typeof DraftKeyArgs, DraftRecord | null>(DraftKeyArgs, 'The saved draft of a form, if any'),
  'drafts:discard': channel<typeof DraftKeyArgs, { discarded: boolean }>(DraftKeyArgs, 'Throw a form draft away'),
  'team:overview': channel<typeof TeamOverviewArgs, TeamOverview>(
    TeamOverviewArgs,
    'Team lead: counts by flag, grouping and clinician; time open; grouping transitions; GBO change at close; ending reasons',
  ),
  'team:cases': channel<typeof TeamScopeArgs, TeamCases>(TeamScopeArgs, "Team lead: the team's open cases with flags, most urgent first"),
  'team:exportCsv': channel<typeof TeamScopeArgs, ExportFile>(TeamScopeArgs, 'Team lead: the team view (or one clinician) as CSV'),
  'team:supervisionPack': channel<typeof SupervisionPackArgs, ExportFile>(
    SupervisionPackArgs,
    "Team lead: a printable supervision pack (PDF) of one clinician's caseload, cases needing action first",
  ),
  'export:caseFhir': channel<typeof CaseFhirArgs, ExportFile>(
    CaseFhirArgs,
    'One case as a FHIR R4 Bundle (collection): Patient, Practitioner, EpisodeOfCare, CarePlan, Goals, GBO Observations, Current View QuestionnaireResponses',
  ),
  'export:caseloadFhir': channel<typeof CaseloadExportArgs, ExportFile>(
    CaseloadExportArgs,
    'Your caseload (or, for a team lead, the team) as one FHIR R4 Bundle (collection)',
  ),
  'export:caseloadCsv': channel<typeof CaseloadCsvArgs, ExportFile>(
    CaseloadCsvArgs,
    'One file of the CSV set (cases, Current View ratings, GBO ratings, reviews, endings); columns in docs/exports.md',
  ),
  'export:casePdf': channel<typeof CasePdfArgs, ExportFile>(
    CasePdfArgs,
    'The THRIVE plan written for the family, or the ending summary letter, as PDF',
  ),
  'export:summaryText': channel<typeof CaseSummaryArgs, SummaryText>(
    CaseSummaryArgs,
    'A plan, review or ending summary as plain text for pasting into an EHR progress note',
  ),
  'import:template': channel<typeof Empty, ExportFile>(Empty, 'The caseload import template (CSV header row)'),
  'import:preview': channel<typeof ImportFileArgs, ImportPreview>(
    ImportFileArgs,
    'Check a caseload CSV: what would be created, what is already here, and every bad row by line. Writes nothing',
  ),
  'import:commit': channel<typeof ImportFileArgs, ImportResult>(
    ImportFileArgs,
    'Import a caseload CSV: all rows or nothing; rows already in the app (same case reference, then NHS number) are skipped',
  ),
  'lock:status': channel<typeof Empty, LockStatus>(Empty, 'Whether the app is being set up, locked or unlocked (answered while locked)'),
  'lock:setup': channel<typeof LockSetupArgs, LockSetupResult>(
    LockSetupArgs,
    'First run: set the app-lock passphrase; returns the organisation recovery code, shown once',
  ),
  'lock:unlock': channel<typeof UnlockArgs, LockStatus>(UnlockArgs, 'Unlock with the passphrase: the database is opened'),
  'lock:lock': channel<typeof Empty, LockStatus>(Empty, 'Lock now: the database is closed and the key forgotten until unlocked'),
  'lock:ping': channel<typeof Empty, LockStatus>(Empty, 'The person is active (keeps the idle timer from locking the app)'),
  'lock:changePassphrase': channel<typeof ChangePassphraseArgs, LockStatus>(ChangePassphraseArgs, 'Change the app-lock passphrase'),
  'lock:recover': channel<typeof RecoverArgs, LockStatus>(
    RecoverArgs,
    'Forgotten passphrase or a new computer: unlock with the organisation recovery code and set a new passphrase',
  ),
  'backup:list': channel<typeof Empty, BackupList>(Empty, 'The verified backups kept, newest first, and the last failure if any'),
  'backup:create': channel<typeof Empty, BackupInfo>(Empty, 'Back up now: VACUUM INTO, verify, rotate'),
  'backup:restore': channel<typeof BackupFileArgs, RestoreResult>(
    BackupFileArgs,
    'Restore a backup: the database in use is set aside (never deleted) and the backup put in its place',
  ),
  'demo:seed': channel<typeof Empty, SeedResult>(Empty, 'Fill an empty database with a fictional demo caseload'),
  'sync:status': channel<typeof Empty, SyncStatus>(Empty, 'Team mode: the sync state the header shows (solo when no team server is set up)'),
  'sync:connect': channel<typeof SyncConnectArgs, SyncStatus>(
    SyncConnectArgs,
    'Team mode: check the team server at this address and remember it (team mode on); nothing is sent until sign-in',
  ),
  'sync:signIn': channel<typeof Empty, SyncStatus>(Empty, "Team mode: sign in with the organisation's account in the system browser"),
  'sync:signOut': channel<typeof Empty, SyncStatus>(Empty, 'Team mode: sign out; changes made since wait on this device until the next sign-in'),
  'sync:now': channel<typeof Empty, SyncStatus>(Empty, "Team mode: send the changes waiting, then fetch the team's changes, now"),
  'sync:conflicts': channel<typeof Empty, ConflictView[]>(
    Empty,
    "Team mode: cases changed here and on the server since the last sync, each field's two versions side by side",
  ),
  'sync:resolve': channel<typeof SyncResolveArgs, SyncStatus>(
    SyncResolveArgs,
    "Team mode: settle a conflict: 'mine' puts this device's changes on top of the server's, 'theirs' keeps the server's; both kept in the audit trail",
  ),
  'sync:joinPreview': channel<typeof Empty, JoinPreview>(
    Empty,
    'Team mode: the cases made on this computer before joining, not yet on the team server, each with a server case it may match',
  ),
  'sync:join': channel<typeof SyncJoinArgs, JoinPreview>(
    SyncJoinArgs,
    "Team mode: join this computer's cases to the team: upload each, or keep the server's record of the same young person (the local case set aside, never deleted)",
  ),
  'sync:refused': channel<typeof Empty, RefusedChangeView[]>(
    Empty,
    'Team mode: cases whose changes the team server refused outright, kept on this computer, with its words and what to do',
  ),
  'sync:retry': channel<typeof SyncRetryArgs, SyncStatus>(SyncRetryArgs, 'Team mode: send a refused case again (after a membership is fixed)'),
} satisfies Record<ChannelName, ChannelDef<z.ZodType, unknown>>;

// Compile-time check that channels.ts lists exactly the contract's channels.
type Contract = typeof contract;
type _SameKeys = [ChannelName] extends [keyof Contract] ? ([keyof Contract] extends [ChannelName] ? true : never) : never;
const _sameKeys: _SameKeys = true;
void _sameKeys;

export type Channel = keyof Contract;
/** What a caller may send (before zod defaults/transforms). */
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
/** What a handler receives after parsing. */
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** `window.api`: one named async function per channel, grouped by domain: `api.cases.open(args)`. */
export type Api = {
  [D in DomainOf<Channel>]: {
    [C in Channel as VerbOf<C, D>]: (args: ArgsOf<C>) => Promise<IpcResult<ResultOf<C>>>;
  };
};

/** JSON Schema of a channel's arguments (what the CLI's `channels` command prints). */
export function argsJsonSchema(name: Channel): unknown {
  return z.toJSONSchema(contract[name].args, { io: 'input', unrepresentable: 'any' });
}
