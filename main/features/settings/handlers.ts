import { loadVersionedSettings } from '../../db/repos/settings';
import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { updateSettings } from './update-settings';

export const settingsHandlers: Pick<Handlers, 'settings:get' | 'settings:update'> = {
  'settings:get': (_args, { db }) => loadVersionedSettings(db),
  'settings:update': (args, ctx) => updateSettings(writeContextOf(ctx), args),
};
