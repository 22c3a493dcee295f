import { loadSettings } from '../../db/repos/settings';
import type { Handlers } from '../../ipc/types';
import { buildTeamCases } from './team-cases';
import { supervisionPackExport, teamCsvExport } from './team-exports';
import { buildTeamOverview, resolvePeriod } from './team-overview';
import { resolveClinicianScope, resolveTeamScope } from './team-scope';

/** The team view (docs/team-view.md): team leads only; scoped to a team, optionally one clinician of it. */
export const teamHandlers: Pick<Handlers, 'team:overview' | 'team:cases' | 'team:exportCsv' | 'team:supervisionPack'> = {
  'team:overview': (args, { db, clock }) => {
    const scope = resolveTeamScope(db, args);
    const today = clock.today();
    return buildTeamOverview(db, scope, resolvePeriod(args, today), loadSettings(db), today);
  },
  'team:cases': (args, { db, clock }) => buildTeamCases(db, resolveTeamScope(db, args), loadSettings(db), clock.today()),
  'team:exportCsv': (args, { db, clock }) => teamCsvExport(db, resolveTeamScope(db, args), loadSettings(db), clock.today()),
  'team:supervisionPack': (args, { db, clock }) =>
    supervisionPackExport(db, resolveClinicianScope(db, args.clinicianId), loadSettings(db), clock.today(), clock.now()),
};
