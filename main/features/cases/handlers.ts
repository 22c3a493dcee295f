import { listCaseSummaries } from '../../db/repos/cases';
import { loadSettings } from '../../db/repos/settings';
import type { Handlers } from '../../ipc/types';
import { caseHistory } from './case-history';
import { writeContextOf } from '../write-context';
import { buildCaseDetail } from './case-detail';
import { openCase } from './open-case';

export const caseHandlers: Pick<Handlers, 'cases:open' | 'cases:list' | 'cases:get' | 'cases:history'> = {
  'cases:open': (args, ctx) => openCase(writeContextOf(ctx), args),
  'cases:list': (args, { db }) =>
    listCaseSummaries(db, { status: args.status ?? 'all', ...(args.clinicianId ? { clinicianId: args.clinicianId } : {}) }),
  'cases:get': (args, { db, clock }) => buildCaseDetail(db, args.caseId, loadSettings(db), clock.today()),
  'cases:history': (args, { db }) => caseHistory(db, args.caseId),
};
