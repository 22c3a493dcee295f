/**
 * One import row → a case (and its plan) checked by the SAME shared schemas and rules as the forms:
 * OpenCaseArgs + openCaseRules for the case, SavePlanArgs + planRules for the plan. What the forms get
 * as typed fields the import gets as cells, so each problem is reported against the column it came from.
 *
 * An imported plan has no shared-decision-making record (who took part, options considered, decision
 * aid, CollaboRATE): a caseload report does not hold it, and inventing it would be false. The plan is
 * stored with that record empty (IMPORTED_PLAN_SDM) — docs/exports.md says exactly what an imported plan
 * lacks. Its ratings are the first and latest of each goal, as the file gives them.
 */
import type { IsoDate } from '../../shared/dates';
import { groupingFromText, type GroupingCode } from '../../shared/domain/groupings';
import { OpenCaseArgs, openCaseRules } from '../../shared/ipc/schemas/cases';
import { ClinicianCreateArgs } from '../../shared/ipc/schemas/clinicians';
import { issuesToFields, validateWith } from '../../shared/ipc/validate';
import { quote } from './cells';
import { ALLOWED_GROUPINGS, readPlan, type ImportedPlan, type RowContext } from './plan-row';
import { RowReader } from './row-reader';

export const DEFAULT_AGENCY = 'CAMHS';

export interface ImportRowValue {
  line: number;
  caseRef: string;
  name: string;
  dateOfBirth: IsoDate;
  /** 10 digits, or null when not known. */
  nhsNumber: string | null;
  referralDate: IsoDate;
  openDate: IsoDate;
  leadClinician: string;
  coordinatingAgency: string;
  /** The grouping now; with no plan it is still kept (the case's grouping until a Current View is recorded). */
  grouping: GroupingCode | null;
  plan: ImportedPlan | null;
}

export type RowResult = { ok: true; value: ImportRowValue } | { ok: false; reasons: string[] };

/** The case's own fields, checked as the "Open a case" form checks them (the lead clinician is by name). */
const ImportCaseArgs = OpenCaseArgs.omit({ leadClinicianId: true });

/** The lead clinician becomes a clinician of the team when new: checked as "Add a clinician" checks a name. */
const LeadClinicianName = ClinicianCreateArgs.shape.name;

/** Validates one data row. `cell(key)` is the raw text of the template column (''  when not in the file). */
export function readImportRow(line: number, cell: (key: string) => string, ctx: RowContext): RowResult {
  const r = new RowReader(cell);
  const caseInput = {
    caseRef: r.required('caseRef'),
    name: r.required('name'),
    dateOfBirth: r.date('dateOfBirth', true),
    nhsNumber: r.text('nhsNumber') || null,
    referralDate: r.date('referralDate', true),
    openDate: r.date('openDate', true),
    coordinatingAgency: r.text('coordinatingAgency') || DEFAULT_AGENCY,
  };
  const leadText = r.required('leadClinician');
  const lead = LeadClinicianName.safeParse(leadText);
  if (leadText !== '' && !lead.success) r.fields(issuesToFields(lead.error.issues), () => 'leadClinician');
  const leadClinician = lead.success ? lead.data : '';
  const checked = validateWith(ImportCaseArgs, caseInput, (v, c: { today: IsoDate }) => openCaseRules({ ...v, leadClinicianId: '' }, c), {
    today: ctx.today,
  });
  if (!checked.ok) r.fields(checked.fields, (path) => path.split('.')[0] ?? path);

  const groupingText = r.text('grouping');
  const grouping = groupingText ? groupingFromText(groupingText) : null;
  if (groupingText && !grouping) r.fail('grouping', `Grouping: ${quote(groupingText)} is not a THRIVE grouping; use one of ${ALLOWED_GROUPINGS}`);

  const openDate = checked.ok ? checked.value.openDate : caseInput.openDate;
  const plan = readPlan(r, grouping, openDate, ctx);
  if (r.reasons.length > 0 || !checked.ok) return { ok: false, reasons: r.reasons };
  const v = checked.value;
  return {
    ok: true,
    value: {
      line,
      caseRef: v.caseRef,
      name: v.name,
      dateOfBirth: v.dateOfBirth,
      nhsNumber: v.nhsNumber,
      referralDate: v.referralDate,
      openDate: v.openDate,
      leadClinician,
      coordinatingAgency: v.coordinatingAgency,
      grouping,
      plan,
    },
  };
}
