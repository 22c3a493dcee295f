import { AppError, type FieldError } from '../../../shared/ipc/result';
import { ReopenCaseArgs, reopenCaseRules, type ReopenCaseValue } from '../../../shared/ipc/schemas/cases-close-reopen';
import type { CaseSummary } from '../../../shared/ipc/types';
import type { z } from 'zod';
import { appendAudit } from '../../db/repos/audit';
import { episodesOfRef, findOpenCaseOfYoungPerson, getCaseSummary, insertCase } from '../../db/repos/cases';
import { getClinician } from '../../db/repos/clinicians';
import { deleteDraft } from '../../db/repos/drafts';
import { writeTx } from '../../db/sql';
import { existingCase, STALE_CASE_MESSAGE } from './writable-case';
import { parseOrThrow, throwIfAny, type WriteContext } from '../write-context';

/**
 * Re-opens a closed case as a new episode: a new case row with the same case reference, the next
 * episode number and a link to the episode it follows, for the same young person, team and
 * coordinating agency. The closed episode itself is never changed. The new episode starts with no
 * Current View and no plan, like a new case.
 */
export function reopenCase(w: WriteContext, input: z.input<typeof ReopenCaseArgs>): CaseSummary {
  const v: ReopenCaseValue = parseOrThrow(ReopenCaseArgs, input);
  return writeTx(w.db, () => {
    const old = existingCase(w.db, v.caseId);
    if (old.status === 'open' || !old.closedDate) {
      throw new AppError('conflict', `Case ${old.caseRef} is still open: only a closed case can be re-opened`);
    }
    if (v.caseVersion !== old.version) throw new AppError('conflict', STALE_CASE_MESSAGE);
    const episodes = episodesOfRef(w.db, old.caseRef);
    if (episodes.open) {
      throw new AppError('conflict', `Case ${old.caseRef} has already been re-opened: episode ${episodes.open.episode_no} is open`);
    }
    const elsewhere = findOpenCaseOfYoungPerson(w.db, old.youngPersonId);
    if (elsewhere) throw new AppError('conflict', `${old.name} already has an open case, ${elsewhere.case_ref}: continue with that case`);

    const problems: FieldError[] = reopenCaseRules(v, { today: w.clock.today(), closedDate: old.closedDate });
    if (!getClinician(w.db, v.leadClinicianId)) problems.push({ path: 'leadClinicianId', message: 'Choose a lead clinician from the list' });
    throwIfAny(problems);

    const at = w.clock.now();
    const episodeNo = episodes.maxEpisodeNo + 1;
    const caseId = insertCase(
      w.db,
      {
        caseRef: old.caseRef,
        youngPersonId: old.youngPersonId,
        referralDate: v.referralDate,
        openDate: v.openDate,
        leadClinicianId: v.leadClinicianId,
        teamId: old.teamId,
        coordinatingAgency: old.coordinatingAgency,
        episode: { no: episodeNo, previousEpisodeId: old.id },
      },
      at,
    );
    deleteDraft(w.db, 'reopen', old.id);
    const audit = { at, actorId: w.actor, youngPersonId: old.youngPersonId, entity: 'case', entityId: caseId };
    appendAudit(w.db, {
      ...audit,
      caseId: old.id,
      action: 'case.reopen',
      after: { newEpisodeId: caseId, episodeNo, openDate: v.openDate, reason: v.reason },
    });
    appendAudit(w.db, {
      ...audit,
      caseId,
      action: 'case.open_episode',
      after: {
        caseRef: old.caseRef,
        episodeNo,
        previousEpisodeId: old.id,
        previousEpisodeNo: old.episodeNo,
        referralDate: v.referralDate,
        openDate: v.openDate,
        leadClinicianId: v.leadClinicianId,
        teamId: old.teamId,
        coordinatingAgency: old.coordinatingAgency,
        reason: v.reason,
      },
    });
    const summary = getCaseSummary(w.db, caseId);
    if (!summary) throw new AppError('internal', 'The new episode was not saved');
    return summary;
  });
}
