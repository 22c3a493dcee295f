import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { revisePlan } from './revise-plan';
import { savePlan } from './save-plan';

export const planHandlers: Pick<Handlers, 'plan:save' | 'plan:revise'> = {
  'plan:save': (args, ctx) => savePlan(writeContextOf(ctx), args),
  'plan:revise': (args, ctx) => revisePlan(writeContextOf(ctx), args),
};
