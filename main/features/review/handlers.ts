import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { recordReview } from './record-review';

export const reviewHandlers: Pick<Handlers, 'review:record'> = {
  'review:record': (args, ctx) => recordReview(writeContextOf(ctx), args),
};
