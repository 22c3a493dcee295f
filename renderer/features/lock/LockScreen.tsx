import { useState, type FormEvent } from 'react';
import type { FieldError } from '../../../shared/ipc/result';
import { RecoverArgs, UnlockArgs } from '../../../shared/ipc/schemas/lock';
import { validateWith } from '../../../shared/ipc/validate';
import { request, toApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextInput } from '../../components/fields';
import { useFormErrors } from '../../lib/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useLockActions, useUnsentAtLock } from '../../stores/lock';
import { NewPassphraseFields, PassphraseInput } from './PassphraseInput';

/**
 * A failed unlock's errors beside the fields: a wrong passphrase or recovery code (main says which in
 * its message) belongs beside the field that was wrong, whatever path main gave it.
 */
export function unlockErrors(error: unknown, wrongPath: string): FieldError[] {
  const apiError = toApiError(error);
  if (apiError.code === 'wrong_passphrase') return [{ path: wrongPath, message: apiError.message }];
  return apiError.fields.length > 0 ? [...apiError.fields] : [{ path: '', message: apiError.message }];
}

/**
 * The lock screen: nothing from the records (no names, no counts), only the passphrase. A forgotten
 * passphrase is replaced with the organisation recovery code.
 */
export function LockScreen() {
  const [recovering, setRecovering] = useState(false);
  return recovering ? <RecoverForm /> : <UnlockForm onForgotten={() => setRecovering(true)} />;
}

function UnlockForm({ onForgotten }: { onForgotten(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const form = useFormErrors();
  const { apply } = useLockActions();
  const unsent = useUnsentAtLock();
  usePageTitle('THRIVE Plans is locked', form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = validateWith(UnlockArgs, { passphrase });
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      try {
        const status = await request((api) => api.lock.unlock(checked.value));
        setPassphrase('');
        apply(status);
      } catch (error) {
        setPassphrase('');
        form.fail(unlockErrors(error, 'passphrase'));
      }
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>THRIVE Plans is locked</PageHeading>
      <p className="lede">Enter your passphrase to continue.</p>
      {unsent ? (
        <div className="inset" role="status">
          {/* No count or names: the lock screen shows nothing from the records. */}
          <p>
            Some of your changes have not been sent to the team server yet. They are kept on this computer and are sent
            once you unlock and the server can be reached.
          </p>
        </div>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <PassphraseInput
          path="passphrase"
          label="Passphrase"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          error={form.messageFor('passphrase')}
        />
        <div className="button-group">
          <button type="submit" className="button">
            Unlock
          </button>
          <button type="button" className="link-button" onClick={onForgotten}>
            Forgotten your passphrase?
          </button>
        </div>
      </form>
    </>
  );
}

function RecoverForm() {
  const [recoveryCode, setCode] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [confirmPassphrase, setConfirm] = useState('');
  const form = useFormErrors();
  const { apply } = useLockActions();
  usePageTitle('Unlock with the recovery code', form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = validateWith(RecoverArgs, { recoveryCode, newPassphrase, confirmPassphrase });
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      try {
        const status = await request((api) => api.lock.recover(checked.value));
        apply(status);
      } catch (error) {
        form.fail(unlockErrors(error, 'recoveryCode'));
      }
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Unlock with the recovery code</PageHeading>
      <p className="lede">
        Your team lead or information governance lead keeps the organisation recovery code. Enter it and choose a new
        passphrase.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextInput
          path="recoveryCode"
          label="Recovery code"
          hint="6 groups of 5 letters and numbers. Hyphens and spaces are optional."
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          width={30}
          value={recoveryCode}
          onChange={setCode}
          error={form.messageFor('recoveryCode')}
        />
        <NewPassphraseFields
          path="newPassphrase"
          passphrase={newPassphrase}
          confirmPassphrase={confirmPassphrase}
          onPassphrase={setNew}
          onConfirm={setConfirm}
          messageFor={form.messageFor}
        />
        <button type="submit" className="button">
          Unlock and set passphrase
        </button>
      </form>
    </>
  );
}
