import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { recordOpeningCurrentView } from './record-opening';

export const currentViewHandlers: Pick<Handlers, 'currentView:record'> = {
  'currentView:record': (args, ctx) => recordOpeningCurrentView(writeContextOf(ctx), args),
};
