/** Arguments of the teams:* channels (the list of teams; the team view is team:*, in team.ts). */
import { z } from 'zod';
import { text } from './common';

export const TeamCreateArgs = z.strictObject({ name: text('Enter the team name', 120, { label: 'Team name' }) });
