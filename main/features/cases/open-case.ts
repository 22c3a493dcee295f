import { formatUkDate } from '../../../shared/dates';
import { formatNhsNumber } from '../../../shared/domain/nhs-number';
import { AppError, type FieldError } from '../../../shared/ipc/result';
import { OpenCaseArgs, openCaseRules, type OpenCaseInput } from '../../../shared/ipc/schemas/cases';
import type { CaseSummary } from '../../../shared/ipc/types';
import { appendAudit } from '../../db/repos/audit';
import { findCaseByRef, findOpenCaseOfYoungPerson, getCaseSummary, insertCase } from '../../db/repos/cases';
import { getClinician } from '../../db/repos/clinicians';
import { deleteDraft } from '../../db/repos/drafts';
import { findYoungPersonByNhsNumber, insertYoungPerson, type YoungPersonRow } from '../../db/repos/young-people';
import { writeTx, type Db } from '../../db/sql';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

function sameText(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('en-GB') === b.trim().toLocaleLowerCase('en-GB');
}

/**
 * The NHS number identifies one young person. If they are already known (a closed earlier case), the
 * new case joins their record — but only when the name and date of birth agree, because a mistyped
 * number that happens to pass Modulus 11 would otherwise file this case under someone else.
 */
function resolveYoungPerson(
  db: Db,
  v: { nhsNumber: string | null; name: string; dateOfBirth: string },
): { existing: YoungPersonRow | null; problems: FieldError[] } {
  if (!v.nhsNumber) return { existing: null, problems: [] };
  const existing = findYoungPersonByNhsNumber(db, v.nhsNumber);
  if (!existing) return { existing: null, problems: [] };
  const shown = formatNhsNumber(v.nhsNumber);
  const open = findOpenCaseOfYoungPerson(db, existing.id);
  if (open) {
    return { existing, problems: [{ path: 'nhsNumber', message: `NHS number ${shown} is already on open case ${open.case_ref}` }] };
  }
  if (!sameText(existing.name, v.name) || existing.date_of_birth !== v.dateOfBirth) {
    return {
      existing,
      problems: [
        {
          path: 'nhsNumber',
          message: `NHS number ${shown} belongs to a young person with a different name or date of birth (born ${formatUkDate(existing.date_of_birth)}): check the number`,
        },
      ],
    };
  }
  return { existing, problems: [] };
}

export function openCase(w: WriteContext, input: OpenCaseInput): CaseSummary {
  const v = parseOrThrow(OpenCaseArgs, input, openCaseRules, { today: w.clock.today() });
  return writeTx(w.db, () => {
    const problems: FieldError[] = [];
    const inUse = findCaseByRef(w.db, v.caseRef);
    if (inUse) problems.push({ path: 'caseRef', message: `Case reference ${inUse.case_ref} is already in use` });
    const person = resolveYoungPerson(w.db, v);
    problems.push(...person.problems);
    const lead = getClinician(w.db, v.leadClinicianId);
    if (!lead) problems.push({ path: 'leadClinicianId', message: 'Choose a lead clinician from the list' });
    throwIfAny(problems);

    const at = w.clock.now();
    const youngPerson = person.existing ?? insertYoungPerson(w.db, { name: v.name, dateOfBirth: v.dateOfBirth, nhsNumber: v.nhsNumber }, at);
    const caseId = insertCase(
      w.db,
      {
        caseRef: v.caseRef,
        youngPersonId: youngPerson.id,
        referralDate: v.referralDate,
        openDate: v.openDate,
        leadClinicianId: v.leadClinicianId,
        teamId: lead!.teamId,
        coordinatingAgency: v.coordinatingAgency,
      },
      at,
    );
    deleteDraft(w.db, 'open_case', null);
    appendAudit(w.db, {
      at,
      actorId: w.actor,
      caseId,
      youngPersonId: youngPerson.id,
      action: 'case.open',
      entity: 'case',
      entityId: caseId,
      after: {
        caseRef: v.caseRef,
        youngPerson: { id: youngPerson.id, name: youngPerson.name, dateOfBirth: youngPerson.date_of_birth, nhsNumber: youngPerson.nhs_number },
        referralDate: v.referralDate,
        openDate: v.openDate,
        leadClinicianId: v.leadClinicianId,
        teamId: lead!.teamId,
        coordinatingAgency: v.coordinatingAgency,
      },
    });
    const summary = getCaseSummary(w.db, caseId);
    if (!summary) throw new AppError('internal', 'The case was not saved');
    return summary;
  });
}
