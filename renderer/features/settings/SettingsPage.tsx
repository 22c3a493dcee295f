import { useState, type FormEvent } from 'react';
import type { Settings, VersionedSettings } from '../../../shared/domain/settings';
import { SettingsUpdateArgs } from '../../../shared/ipc/schemas/settings';
import { validateWith } from '../../../shared/ipc/validate';
import { request, toApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { inFormOrder, useFormErrors, type FormErrors } from '../../lib/form-errors';
import { Loading, PageHeading, usePageTitle } from '../../components/page';
import { useUnsavedChanges } from '../../hooks/use-unsaved-changes';
import { useProfile, useSessionActions, useSettings } from '../../stores/session';
import { useTeamMode } from '../../stores/sync';
import { AppLockSection } from './AppLockSection';
import { BackupsSection } from './BackupsSection';
import { ProfileSection } from './ProfileSection';
import { TeamSection } from './TeamSection';
import { TeamServerSection } from './TeamServerSection';

type Key = keyof Settings;

const FIELDS: ReadonlyArray<{ key: Key; label: string; hint: string; unit: 'weeks' | 'days' | 'minutes' }> = [
  {
    key: 'reviewIntervalWeeks',
    unit: 'weeks',
    label: 'Weeks from agreeing a plan to its first review',
    hint: 'The agreed review date on a new plan starts this many weeks after the date agreed. From 1 to 26.',
  },
  {
    key: 'dueSoonDays',
    unit: 'days',
    label: 'Days before a review to flag it as due soon',
    hint: 'From 1 to 28.',
  },
  {
    key: 'noPlanDays',
    unit: 'days',
    label: 'Days a case can be open without a plan before it is flagged',
    hint: 'From 1 to 90.',
  },
  {
    key: 'riskSupportMaxWeeks',
    unit: 'weeks',
    label: 'Longest gap between reviews for Getting Risk Support, in weeks',
    hint: 'From 1 to 12.',
  },
  {
    key: 'goalsStuckWeeks',
    unit: 'weeks',
    label: 'Weeks without 3 points of movement before a goal is flagged as stuck',
    hint: 'From 2 to 52.',
  },
  {
    key: 'autoLockMinutes',
    unit: 'minutes',
    label: 'Lock after this many idle minutes',
    hint: 'With no typing or mouse movement for this long, the app saves your drafts and locks. From 1 to 60.',
  },
];

const ORDER = FIELDS.map((f) => f.key);

function toText(settings: Settings): Record<Key, string> {
  return Object.fromEntries(FIELDS.map(({ key }) => [key, String(settings[key])])) as Record<Key, string>;
}

/**
 * The profile (and role; in team mode the server's, read-only), the team server, review intervals,
 * flag thresholds and the idle lock (settings:update), for team leads working alone the team: members,
 * moving a member, adding a clinician or a team; then the app lock's
 * passphrase and the backups. One error summary at the top
 * serves every form on the page: it shows the problems of the form last submitted.
 */
export function SettingsPage() {
  const settings = useSettings();
  const profile = useProfile();
  const teamMode = useTeamMode();
  const form = useFormErrors();
  usePageTitle('Settings', form.errors.length > 0);
  if (!settings) return <Loading what="settings" />;
  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Settings</PageHeading>
      {profile ? <ProfileSection profile={profile} form={form} /> : null}
      <TeamServerSection form={form} />
      <SettingsForm settings={settings} form={form} />
      {/* In team mode the team's members and roles are the team server's (a service admin grants them). */}
      {profile?.role === 'team_lead' && !teamMode ? <TeamSection profile={profile} form={form} /> : null}
      <AppLockSection form={form} />
      <BackupsSection />
    </>
  );
}

/**
 * The values typed, checked with the update schema. Blank or not a number is caught here first (the
 * schema treats a missing value as "unchanged"); the problems come in the order of the fields.
 */
function checkValues(values: Record<Key, string>) {
  const notNumbers = FIELDS.filter(({ key }) => !Number.isFinite(Number.parseFloat(values[key]))).map(({ key, unit }) => ({
    path: key,
    message: `Enter a number of ${unit}`,
  }));
  const input = Object.fromEntries(FIELDS.map(({ key }) => [key, Number(values[key].trim())]));
  const checked = validateWith(SettingsUpdateArgs, input);
  const fields = [...notNumbers, ...(checked.ok ? [] : checked.fields.filter((f) => !notNumbers.some((n) => n.path === f.path)))];
  if (fields.length > 0 || !checked.ok) return { ok: false as const, fields: inFormOrder(fields, ORDER) };
  return checked;
}

function SettingsFields(props: { values: Record<Key, string>; messageFor(path: string): string | undefined; onChange(key: Key, value: string): void }) {
  return FIELDS.map(({ key, label, hint }) => (
    <TextInput
      key={key}
      path={key}
      label={label}
      hint={hint}
      width={3}
      inputMode="numeric"
      autoComplete="off"
      value={props.values[key]}
      onChange={(v) => props.onChange(key, v)}
      error={props.messageFor(key)}
    />
  ));
}

/** Someone else's save came first: say so, and offer theirs. */
function StaleNotice({ onReload }: { onReload(): void }) {
  return (
    <div className="inset" role="status">
      <p>Settings were saved by someone else after you opened this page, so yours were not saved. Reload to see theirs, then make your change again.</p>
      <button type="button" className="button button--secondary" onClick={onReload}>
        Reload settings
      </button>
    </div>
  );
}

function SettingsForm({ settings, form }: { settings: VersionedSettings; form: FormErrors }) {
  const { setSettings } = useSessionActions();
  const { markDirty, markClean } = useUnsavedChanges();
  const [values, setValues] = useState(() => toText(settings));
  // The version these values were loaded from, sent with the save: someone else's newer save is then
  // refused (not silently reverted), and the form offers to reload.
  const [loadedVersion, setLoadedVersion] = useState(settings.version);
  const [saved, setSaved] = useState(false);
  const [stale, setStale] = useState(false);

  const show = (next: VersionedSettings) => {
    setSettings(next);
    setValues(toText(next));
    setLoadedVersion(next.version);
  };

  const reload = async () => {
    await form.save(async () => {
      show(await request((api) => api.settings.get({})));
      form.clear();
      markClean();
      setStale(false);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    setSaved(false);
    setStale(false);
    const checked = checkValues(values);
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      let next: VersionedSettings;
      try {
        next = await request((api) => api.settings.update({ ...checked.value, settingsVersion: loadedVersion }));
      } catch (error) {
        if (toApiError(error).code === 'conflict') setStale(true);
        throw error;
      }
      show(next);
      form.clear();
      // Saved: nothing is lost by leaving now.
      markClean();
      setSaved(true);
    });
  };

  return (
    <section aria-labelledby="thresholds-heading">
      <h2 className="heading-m" id="thresholds-heading">
        Review intervals and flags
      </h2>
      {saved ? (
        <div className="notification notification--success" role="status">
          <p>Settings saved. Flags now use the new thresholds.</p>
        </div>
      ) : null}
      {stale ? <StaleNotice onReload={() => void reload()} /> : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <SettingsFields
          values={values}
          messageFor={form.messageFor}
          onChange={(key, v) => {
            setValues((old) => ({ ...old, [key]: v }));
            setSaved(false);
            markDirty();
          }}
        />
        <button type="submit" className="button">
          Save settings
        </button>
      </form>
    </section>
  );
}
