/** Arguments of the backup:* channels. */
import { z } from 'zod';

/** A backup is named by its file name in the backups folder (never a path: nothing outside it is read). */
export const BackupFileArgs = z.strictObject({
  fileName: z
    .string({ error: 'Choose a backup' })
    .regex(/^thrive-backup-\d{8}-\d{6}(-\d+)?\.db$/, 'Choose a backup from the list'),
});
