import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { savePlan } from './save-plan';

export const planHandlers: Pick<Handlers, 'plan:save'> = {
  'plan:save': (args, ctx) => savePlan(writeContextOf(ctx), args),
};
