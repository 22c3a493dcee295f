import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { closeCase } from './close-case';
import { reopenCase } from './reopen-case';

export const endingHandlers: Pick<Handlers, 'cases:close' | 'cases:reopen'> = {
  'cases:close': (args, ctx) => closeCase(writeContextOf(ctx), args),
  'cases:reopen': (args, ctx) => reopenCase(writeContextOf(ctx), args),
};
