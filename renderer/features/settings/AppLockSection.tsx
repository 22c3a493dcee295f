import { useState, type FormEvent } from 'react';
import { ChangePassphraseArgs } from '../../../shared/ipc/schemas/lock';
import { validateWith } from '../../../shared/ipc/validate';
import { request } from '../../api/client';
import { inFormOrder, type FormErrors } from '../../lib/form-errors';
import { NewPassphraseFields, PassphraseInput } from '../lock/PassphraseInput';
import { unlockErrors } from '../lock/LockScreen';

const ORDER = ['currentPassphrase', 'newPassphrase', 'confirmPassphrase'];

/** "App lock": change the passphrase (the recovery code is unchanged and still opens the records). */
export function AppLockSection({ form }: { form: FormErrors }) {
  const [currentPassphrase, setCurrent] = useState('');
  const [newPassphrase, setNew] = useState('');
  const [confirmPassphrase, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (form.saving) return;
    setDone(false);
    const checked = validateWith(ChangePassphraseArgs, { currentPassphrase, newPassphrase, confirmPassphrase });
    if (!checked.ok) return form.fail(inFormOrder(checked.fields, ORDER));
    await form.save(async () => {
      try {
        await request((api) => api.lock.changePassphrase(checked.value));
        setCurrent('');
        setNew('');
        setConfirm('');
        form.clear();
        setDone(true);
      } catch (error) {
        setCurrent('');
        form.fail(inFormOrder(unlockErrors(error, 'currentPassphrase'), ORDER));
      }
    });
  };

  return (
    <section aria-labelledby="app-lock-heading">
      <h2 className="heading-m" id="app-lock-heading">
        App lock
      </h2>
      <p>
        The passphrase unlocks THRIVE Plans on this computer. The organisation recovery code still works after you change
        it.
      </p>
      {done ? (
        <div className="notification notification--success" role="status">
          <p>Passphrase changed. Use the new passphrase next time you unlock.</p>
        </div>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <h3 className="heading-s">Change passphrase</h3>
        <PassphraseInput
          path="currentPassphrase"
          label="Current passphrase"
          autoComplete="current-password"
          value={currentPassphrase}
          onChange={(v) => {
            setCurrent(v);
            setDone(false);
          }}
          error={form.messageFor('currentPassphrase')}
        />
        <NewPassphraseFields
          path="newPassphrase"
          passphrase={newPassphrase}
          confirmPassphrase={confirmPassphrase}
          onPassphrase={setNew}
          onConfirm={setConfirm}
          messageFor={form.messageFor}
        />
        <button type="submit" className="button button--secondary">
          Change passphrase
        </button>
      </form>
    </section>
  );
}
