/** Every channel's handler, composed from the features (one table, typed from the contract). */
import { appHandlers } from '../features/app/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { caseloadHandlers } from '../features/caseload/handlers';
import { caseHandlers } from '../features/cases/handlers';
import { clinicianHandlers } from '../features/clinicians/handlers';
import { currentViewHandlers } from '../features/current-view/handlers';
import { demoHandlers } from '../features/demo/handlers';
import { draftHandlers } from '../features/drafts/handlers';
import { endingHandlers } from '../features/cases/close-reopen-handlers';
import { exportHandlers } from '../features/export/handlers';
import { importHandlers } from '../features/import/handlers';
import { lockHandlers } from '../features/lock/handlers';
import { planHandlers } from '../features/plan/handlers';
import { profileHandlers } from '../features/profile/handlers';
import { reviewHandlers } from '../features/review/handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { syncHandlers } from '../features/sync/handlers';
import { teamHandlers } from '../features/team/handlers';
import { teamsHandlers } from '../features/teams/handlers';
import type { Handlers } from './types';

export const handlers: Handlers = {
  ...appHandlers,
  ...profileHandlers,
  ...clinicianHandlers,
  ...teamsHandlers,
  ...settingsHandlers,
  ...caseHandlers,
  ...currentViewHandlers,
  ...planHandlers,
  ...reviewHandlers,
  ...endingHandlers,
  ...draftHandlers,
  ...caseloadHandlers,
  ...teamHandlers,
  ...exportHandlers,
  ...importHandlers,
  ...lockHandlers,
  ...backupHandlers,
  ...demoHandlers,
  ...syncHandlers,
};
