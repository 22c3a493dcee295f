/** Arguments of the profile:* channels. */
import { z } from 'zod';
import { text } from './common';
import { role } from './clinicians';

/** First run: who is using this app. Creates the team if it is new, and the clinician. */
export const ProfileSetupArgs = z.strictObject({
  name: text('Enter your name', 120, { label: 'Name' }),
  role,
  teamName: text('Enter your team', 120, { label: 'Team' }),
});

export type ProfileSetupInput = z.input<typeof ProfileSetupArgs>;
