import { SettingsSchema, type VersionedSettings } from '../../../shared/domain/settings';
import { AppError } from '../../../shared/ipc/result';
import { SettingsUpdateArgs } from '../../../shared/ipc/schemas/settings';
import type { z } from 'zod';
import { appendAudit } from '../../db/repos/audit';
import { loadVersionedSettings, putSetting } from '../../db/repos/settings';
import { writeTx } from '../../db/sql';
import { parseOrThrow, type WriteContext } from '../write-context';

export const STALE_SETTINGS_MESSAGE =
  'Settings were changed elsewhere (another window or person) since you opened them. Nothing was saved: reload to see the changes.';

/**
 * A partial change merged over the current settings (which sit over the defaults), then checked whole.
 * With the version the form was loaded from, a save over someone else's newer save is refused (as
 * main/features/cases/writable-case.ts does for cases) rather than silently putting their values back.
 */
export function updateSettings(w: WriteContext, input: z.input<typeof SettingsUpdateArgs>): VersionedSettings {
  const { settingsVersion, ...change } = parseOrThrow(SettingsUpdateArgs, input);
  return writeTx(w.db, () => {
    const { version, ...before } = loadVersionedSettings(w.db);
    if (settingsVersion !== undefined && settingsVersion !== version) throw new AppError('conflict', STALE_SETTINGS_MESSAGE);
    // A key sent as undefined means "leave it", not "clear it".
    const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const after = parseOrThrow(SettingsSchema, { ...before, ...given });
    const at = w.clock.now();
    putSetting(w.db, 'settings', after, at);
    putSetting(w.db, 'settingsVersion', version + 1, at);
    appendAudit(w.db, { at, actorId: w.actor, action: 'settings.update', entity: 'setting', entityId: 'settings', before, after });
    return { ...after, version: version + 1 };
  });
}
