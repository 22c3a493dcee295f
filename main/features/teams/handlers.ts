import { listTeams } from '../../db/repos/teams';
import type { Handlers } from '../../ipc/types';
import { writeContextOf } from '../write-context';
import { createTeam } from './create-team';

export const teamsHandlers: Pick<Handlers, 'teams:list' | 'teams:create'> = {
  'teams:list': (_args, { db }) => listTeams(db),
  'teams:create': (args, ctx) => createTeam(writeContextOf(ctx), args),
};
