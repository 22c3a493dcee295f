import { z } from 'zod';
import { Id, isoDate } from './common';

/** The team view is scoped to one team (default: the signed-in team lead's). */
export const TeamScopeArgs = z.strictObject({
  teamId: Id.optional(),
  /** Drill-down to one clinician's caseload within the team. */
  clinicianId: Id.optional(),
});

/** Overview: the period bounds what "at close" figures (GBO change, endings, open→close) cover. */
export const TeamOverviewArgs = z.strictObject({
  teamId: Id.optional(),
  clinicianId: Id.optional(),
  /** Cases closed from this date (inclusive); default 12 months before today. */
  closedFrom: isoDate('Enter the start of the period').optional(),
  /** Cases closed up to this date (inclusive); default today. */
  closedTo: isoDate('Enter the end of the period').optional(),
});

export const SupervisionPackArgs = z.strictObject({ clinicianId: Id });
