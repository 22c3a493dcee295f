import { useState, type FormEvent } from 'react';
import { LockSetupArgs } from '../../../shared/ipc/schemas/lock';
import type { LockSetupResult } from '../../../shared/ipc/security-types';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ErrorMessage } from '../../components/fields';
import { describedBy, errorIdFor, fieldId } from '../../lib/field-ids';
import { useFormErrors } from '../../lib/form-errors';
import { PageHeading, usePageTitle } from '../../components/page';
import { useLockActions } from '../../stores/lock';
import { NewPassphraseFields } from './PassphraseInput';

/**
 * First run (or the first run after an upgrade from a plain key file): choose the app-lock
 * passphrase, then write down the organisation recovery code, shown this once. The profile set-up
 * follows when there is no profile yet.
 */
export function SetupScreen() {
  const [result, setResult] = useState<LockSetupResult | null>(null);
  return result ? <RecoveryCodeStep result={result} /> : <PassphraseStep onDone={setResult} />;
}

function PassphraseStep({ onDone }: { onDone(result: LockSetupResult): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmPassphrase, setConfirm] = useState('');
  const form = useFormErrors();
  usePageTitle('Protect these records', form.errors.length > 0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    const checked = validateWith(LockSetupArgs, { passphrase, confirmPassphrase });
    if (!checked.ok) return form.fail(checked.fields);
    await form.save(async () => {
      const result = await request((api) => api.lock.setup(checked.value));
      onDone(result);
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Protect these records</PageHeading>
      <p className="lede">
        Choose a passphrase to lock THRIVE Plans. You will need it every time the app opens, and after it locks itself
        when the computer is left idle.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <NewPassphraseFields
          path="passphrase"
          {...{ passphrase, confirmPassphrase }}
          onPassphrase={setPassphrase}
          onConfirm={setConfirm}
          messageFor={form.messageFor}
        />
        <button type="submit" className="button">
          Set passphrase
        </button>
      </form>
    </>
  );
}

const STORED_PATH = 'recoveryCodeStored';

function RecoveryCodeStep({ result }: { result: LockSetupResult }) {
  const [stored, setStored] = useState(false);
  const form = useFormErrors();
  const { apply } = useLockActions();
  usePageTitle('Your organisation recovery code', form.errors.length > 0);
  const error = form.messageFor(STORED_PATH);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!stored) return form.fail([{ path: STORED_PATH, message: 'Confirm that you have stored the recovery code safely' }]);
    apply(result.status);
  };

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} />
      <PageHeading>Your organisation recovery code</PageHeading>
      <p className="recovery-code">
        {result.recoveryCode}
      </p>
      <p>
        Give this code to your team lead or information governance lead to keep safe. It is the only way to open these
        records on a new computer or if the passphrase is forgotten. It will not be shown again.
      </p>
      <form noValidate onSubmit={submit}>
        <div className={error ? 'form-group form-group--error' : 'form-group'}>
          {error ? <ErrorMessage path={STORED_PATH} message={error} /> : null}
          <div className="checkboxes__item">
            <input
              className="checkboxes__input"
              type="checkbox"
              id={fieldId(STORED_PATH)}
              name={STORED_PATH}
              checked={stored}
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(error ? errorIdFor(STORED_PATH) : null)}
              onChange={(e) => setStored(e.target.checked)}
            />
            <label className="label checkboxes__label" htmlFor={fieldId(STORED_PATH)}>
              I have stored the recovery code safely
            </label>
          </div>
        </div>
        <button type="submit" className="button">
          Continue
        </button>
      </form>
    </>
  );
}
