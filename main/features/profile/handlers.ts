import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { setupProfile } from './setup-profile';

export const profileHandlers: Pick<Handlers, 'profile:setup'> = {
  'profile:setup': (args, ctx) => setupProfile(writeContextOf(ctx), args),
};
