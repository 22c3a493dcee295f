import type { Handlers } from '../../ipc/types';
import { seedDemo } from './seed';

export const demoHandlers: Pick<Handlers, 'demo:seed'> = {
  'demo:seed': (_args, { db, clock }) => seedDemo(db, clock),
};
