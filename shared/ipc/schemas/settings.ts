import { z } from 'zod';
import { SettingsSchema } from '../../domain/settings';

export const SettingsUpdateArgs = z
  .strictObject({
    ...SettingsSchema.shape,
    /** Optimistic concurrency: the Settings version the form was loaded from (as caseVersion for cases). */
    settingsVersion: z.number().int().optional(),
  })
  .partial();
