import { SettingsSchema, type Settings } from '../../../shared/domain/settings';
import { SettingsUpdateArgs } from '../../../shared/ipc/schemas/settings';
import type { z } from 'zod';
import { appendAudit } from '../../db/repos/audit';
import { loadSettings, putSetting } from '../../db/repos/settings';
import { writeTx } from '../../db/sql';
import { parseOrThrow, type WriteContext } from '../write-context';

/** A partial change merged over the current settings (which sit over the defaults), then checked whole. */
export function updateSettings(w: WriteContext, input: z.input<typeof SettingsUpdateArgs>): Settings {
  const change = parseOrThrow(SettingsUpdateArgs, input);
  return writeTx(w.db, () => {
    const before = loadSettings(w.db);
    // A key sent as undefined means "leave it", not "clear it".
    const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const after = parseOrThrow(SettingsSchema, { ...before, ...given });
    const at = w.clock.now();
    putSetting(w.db, 'settings', after, at);
    appendAudit(w.db, { at, actorId: w.actor, action: 'settings.update', entity: 'setting', entityId: 'settings', before, after });
    return after;
  });
}
