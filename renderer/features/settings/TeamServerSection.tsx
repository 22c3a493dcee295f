import { useRef, useState, type FormEvent } from 'react';
import type { SyncStatus } from '../../../shared/ipc/schemas/sync';
import { request } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { TextInput } from '../../components/fields';
import { Loading } from '../../components/page';
import { SummaryRow } from '../../components/SummaryList';
import { serverRoleLabel } from '../../lib/sync-words';
import type { FormErrors } from '../../lib/form-errors';
import { plural } from '../../lib/plural';
import { useSyncActions, useSyncStatus } from '../../stores/sync';
import { JoinCasesNotice } from './JoinCasesNotice';
import { onFormInputs } from './settings-errors';
import { SyncConnectArgs } from '../../../shared/ipc/schemas/sync';
import { validateWith } from '../../../shared/ipc/validate';

const ADDRESS = 'serverUrl';

/**
 * Settings → Team server: connect to the team's server, sign in through the organisation (the system
 * browser; main holds the tokens) and see who the server says you are: your teams and the role a
 * service admin granted, read-only. Signing out with changes still waiting says so first.
 */
export function TeamServerSection({ form }: { form: FormErrors }) {
  const status = useSyncStatus();
  const [done, setDone] = useState<string | null>(null);
  const connected = status?.mode === 'team' && status.serverUrl;
  return (
    <section aria-labelledby="team-server-heading">
      <h2 className="heading-m" id="team-server-heading" tabIndex={-1}>
        Team server
      </h2>
      <p role="status" className="settings-done">
        {done}
      </p>
      {status === null ? <Loading what="the team server details" /> : null}
      {status && !connected ? <ConnectForm form={form} onDone={setDone} /> : null}
      {status && connected ? <ServerAccount status={status} form={form} onDone={setDone} /> : null}
    </section>
  );
}

function ConnectForm({ form, onDone }: { form: FormErrors; onDone(message: string): void }) {
  const [address, setAddress] = useState('');
  const { apply } = useSyncActions();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    // Main's own rule (https, or loopback for the local trial), so the mistake shows before a round trip.
    const checked = validateWith(SyncConnectArgs, { serverUrl: address });
    if (!checked.ok) return form.fail(checked.fields.map((f) => ({ path: ADDRESS, message: f.message })));
    await form.save(async () => {
      try {
        const next = await request((api) => api.sync.connect(checked.value));
        form.clear();
        apply(next);
        onDone(`Connected to ${next.serverUrl ?? checked.value.serverUrl}. Sign in to send and receive your team's cases.`);
      } catch (error) {
        form.fail(onFormInputs(error, { serverUrl: ADDRESS }, ADDRESS));
      }
    });
  };

  return (
    <form className="settings-subform" noValidate onSubmit={(e) => void submit(e)}>
      <p>Working alone, your records stay on this computer. To share cases with your team, connect to your team&rsquo;s server.</p>
      <TextInput
        path={ADDRESS}
        label="Server address"
        hint="Your service admin gives you this. For example, https://thrive.example.nhs.uk"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        width={30}
        value={address}
        onChange={setAddress}
        error={form.messageFor(ADDRESS)}
      />
      <button type="submit" className="button button--secondary">
        Connect
      </button>
    </form>
  );
}

function ServerAccount({ status, form, onDone }: { status: SyncStatus; form: FormErrors; onDone(message: string): void }) {
  const { apply } = useSyncActions();
  const [waiting, setWaiting] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const signIn = async () => {
    if (form.saving) return;
    setWaiting(true);
    await form.save(async () => {
      try {
        const next = await request((api) => api.sync.signIn({}));
        form.clear();
        apply(next);
        onDone(next.person ? `Signed in as ${next.person.name}.` : 'Signed in.');
      } finally {
        setWaiting(false);
      }
    });
  };
  const signOut = async () => {
    setConfirming(false);
    await form.save(async () => {
      apply(await request((api) => api.sync.signOut({})));
      form.clear();
      onDone('Signed out of the team server. Your records stay on this computer.');
    });
  };

  return (
    <>
      <dl className="summary-list">
        <SummaryRow label="Server">{status.serverUrl}</SummaryRow>
        <SummaryRow label="Signed in as">{status.person ? status.person.name : 'Not signed in'}</SummaryRow>
        {status.person ? (
          <>
            <SummaryRow label="Your teams">{status.teamNames.length > 0 ? status.teamNames.join(', ') : 'None yet: ask your service admin'}</SummaryRow>
            <SummaryRow label="Your role">{serverRoleLabel(status.person.role)}</SummaryRow>
          </>
        ) : null}
      </dl>
      {status.clockWarning ? <p className="inset inset--error">{status.clockWarning}</p> : null}
      {/* Settings no longer offers a role to choose: that is how a team's records stay the team's. */}
      <p className="hint">Your role is granted by your service admin.</p>
      {/* Signed out too: cases fetched at the last sign-in can be reviewed offline. */}
      <JoinCasesNotice reloadKey={`${status.person?.id ?? ''}:${status.asOf ?? ''}`} />
      {waiting ? (
        <p className="inset" role="status">
          Waiting for you to sign in in your browser…
        </p>
      ) : null}
      {status.person ? (
        <button type="button" className="button button--secondary" onClick={() => (status.pending > 0 ? setConfirming(true) : void signOut())}>
          Sign out
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void signIn()} disabled={waiting}>
          Sign in
        </button>
      )}
      {confirming ? <SignOutDialog pending={status.pending} onConfirm={() => void signOut()} onCancel={() => setConfirming(false)} /> : null}
    </>
  );
}

/** Signing out stops sending; the changes are not lost, but the person must know they have not gone. */
function SignOutDialog({ pending, onConfirm, onCancel }: { pending: number; onConfirm(): void; onCancel(): void }) {
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      role="alertdialog"
      title="Sign out with changes waiting?"
      description={
        <p>
          {plural(pending, 'change has', 'changes have')} not been sent to the team server yet. {pending === 1 ? 'It stays' : 'They stay'} on this
          computer and {pending === 1 ? 'is' : 'are'} sent when you sign in again; until then your team cannot see {pending === 1 ? 'it' : 'them'}.
        </p>
      }
      initialFocus={stay}
      onEscape={onCancel}
      actions={
        <>
          <button type="button" className="button button--warning" onClick={onConfirm}>
            Sign out anyway
          </button>
          <button type="button" className="button button--secondary" ref={stay} onClick={onCancel}>
            Stay signed in
          </button>
        </>
      }
    />
  );
}
