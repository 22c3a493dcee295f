import { z } from 'zod';
import { Id, text } from './common';

export const ROLES = ['clinician', 'team_lead'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { clinician: 'Clinician', team_lead: 'Team lead' };

const role = z.enum(ROLES, { error: 'Choose clinician or team lead' });

/** First run: who is using this app. Creates the team if it is new, and the clinician. */
export const ProfileSetupArgs = z.strictObject({
  name: text('Enter your name', 120, { label: 'Name' }),
  role,
  teamName: text('Enter your team', 120, { label: 'Team' }),
});
export type ProfileSetupInput = z.input<typeof ProfileSetupArgs>;

/** Adds another clinician to a team (e.g. a colleague who will be a case's lead clinician). */
export const ClinicianCreateArgs = z.strictObject({
  name: text("Enter the clinician's name", 120, { label: 'Name' }),
  role,
  teamId: Id,
});

export const ClinicianListArgs = z.strictObject({ teamId: Id.optional() });
