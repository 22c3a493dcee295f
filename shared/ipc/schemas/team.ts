import { z } from 'zod';
import { Id, isoDate, text } from './common';
import { ROLES } from './clinicians';

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

export const TeamCreateArgs = z.strictObject({ name: text('Enter the team name', 120, { label: 'Team name' }) });

/** A clinician moves team, changes role or name; their open cases move with them. */
export const ClinicianUpdateArgs = z.strictObject({
  clinicianId: Id,
  name: text("Enter the clinician's name", 120, { label: 'Name' }).optional(),
  role: z.enum(ROLES, { error: 'Choose clinician or team lead' }).optional(),
  teamId: Id.optional(),
});
