import { z } from 'zod';
import { Id, text } from './common';

export const ROLES = ['clinician', 'team_lead'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { clinician: 'Clinician', team_lead: 'Team lead' };

export const role = z.enum(ROLES, { error: 'Choose clinician or team lead' });

/** Adds another clinician to a team (e.g. a colleague who will be a case's lead clinician). */
export const ClinicianCreateArgs = z.strictObject({
  name: text("Enter the clinician's name", 120, { label: 'Name' }),
  role,
  teamId: Id,
});

export const ClinicianListArgs = z.strictObject({ teamId: Id.optional() });

/** A clinician moves team, changes role or name; their open cases move with them. */
export const ClinicianUpdateArgs = z.strictObject({
  clinicianId: Id,
  name: text("Enter the clinician's name", 120, { label: 'Name' }).optional(),
  role: z.enum(ROLES, { error: 'Choose clinician or team lead' }).optional(),
  teamId: Id.optional(),
});
