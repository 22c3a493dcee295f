import { listClinicians } from '../../db/repos/clinicians';
import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { createClinician } from './create-clinician';
import { updateClinician } from './update-clinician';

export const clinicianHandlers: Pick<Handlers, 'clinicians:create' | 'clinicians:list' | 'clinicians:update'> = {
  'clinicians:create': (args, ctx) => createClinician(writeContextOf(ctx), args),
  'clinicians:list': (args, { db }) => listClinicians(db, args.teamId),
  'clinicians:update': (args, ctx) => updateClinician(writeContextOf(ctx), args),
};
