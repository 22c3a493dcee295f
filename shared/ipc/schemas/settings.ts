import { z } from 'zod';
import { SettingsSchema } from '../../domain/settings';

export const SettingsUpdateArgs = z.strictObject(SettingsSchema.shape).partial();
