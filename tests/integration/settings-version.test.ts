/**
 * Settings writes carry the version the form was loaded from, like case writes: of two editors who
 * loaded the same Settings, the second to save is told, and the first one's change is not reverted.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { startApp } from '../support/test-app';

describe('settings version', () => {
  it('gives the second of two editors a conflict instead of silently reverting the first change', () => {
    const app = startApp();
    const first = app.ok('settings:get', {});
    const second = app.ok('app:state', {}).settings;
    expect(first.version).toBe(second.version);

    const saved = app.ok('settings:update', { dueSoonDays: 10, settingsVersion: first.version });
    expect(saved).toMatchObject({ dueSoonDays: 10, version: first.version + 1 });

    const late = app.call('settings:update', { ...DEFAULT_SETTINGS, noPlanDays: 30, settingsVersion: second.version });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(late.ok ? '' : late.error.message).toMatch(/changed elsewhere.*Nothing was saved.*reload/i);
    // Nothing reverted, nothing half-saved.
    expect(app.ok('settings:get', {})).toEqual({ ...DEFAULT_SETTINGS, dueSoonDays: 10, version: first.version + 1 });

    // Reloaded, the second editor's change goes through on top of the first.
    const reloaded = app.ok('settings:get', {});
    const merged = app.ok('settings:update', { noPlanDays: 30, settingsVersion: reloaded.version });
    expect(merged).toMatchObject({ dueSoonDays: 10, noPlanDays: 30, version: first.version + 2 });
  });

  it('keeps a write without a version (the CLI `call`) working, and counts it', () => {
    const app = startApp();
    const before = app.ok('settings:get', {}).version;
    expect(app.ok('settings:update', { dueSoonDays: 12 }).version).toBe(before + 1);
  });
});
