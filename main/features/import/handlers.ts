/** Caseload import (docs/exports.md, "Import"): the template, the preview and the all-or-nothing commit. */
import type { Handlers } from '../../ipc/types';
import { requireProfile } from '../export/export-scope';
import { writeContextOf } from '../write-context';
import { commitImport } from './commit-import';
import { previewImportReused } from './import-preview';
import { importTemplate } from './template';

export const importHandlers: Pick<Handlers, 'import:template' | 'import:preview' | 'import:commit'> = {
  'import:template': () => importTemplate(),
  'import:preview': (args, { db, clock }) => previewImportReused(db, clock, requireProfile(db, 'import'), args).preview,
  'import:commit': (args, ctx) => commitImport(writeContextOf(ctx), args),
};
