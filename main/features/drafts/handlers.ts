import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { discardDraft, readDraft, saveDraft } from './drafts';

export const draftHandlers: Pick<Handlers, 'drafts:save' | 'drafts:get' | 'drafts:discard'> = {
  'drafts:save': (args, ctx) => saveDraft(writeContextOf(ctx), args),
  'drafts:get': (args, { db }) => readDraft(db, args),
  'drafts:discard': (args, { db }) => discardDraft(db, args),
};
