import { TextInput } from '../../components/fields';

/**
 * A passphrase field: masked, never spell-checked or autocorrected, and marked for password managers
 * as the existing passphrase ("current-password") or a new one ("new-password").
 */
export function PassphraseInput(props: {
  path: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onChange(value: string): void;
  autoComplete: 'current-password' | 'new-password';
}) {
  return <TextInput {...props} type="password" spellCheck={false} autoCapitalize="off" autoCorrect="off" width={30} />;
}

/** The two fields that choose a passphrase (setting it up, recovering, changing it): it, then it again. */
/** Setting up chooses a passphrase; recovering and changing it replace one. */
const LABELS = {
  passphrase: { passphrase: 'Choose a passphrase', again: 'Type the passphrase again' },
  newPassphrase: { passphrase: 'New passphrase', again: 'Type the new passphrase again' },
} as const;

export function NewPassphraseFields(props: {
  /** Where the new passphrase goes in the arguments main checks; the second field is always `confirmPassphrase`. */
  path: keyof typeof LABELS;
  passphrase: string;
  confirmPassphrase: string;
  onPassphrase(value: string): void;
  onConfirm(value: string): void;
  messageFor(path: string): string | undefined;
}) {
  const labels = LABELS[props.path];
  return (
    <>
      <PassphraseInput
        path={props.path}
        label={labels.passphrase}
        hint="At least 12 characters. Three random words work well."
        autoComplete="new-password"
        value={props.passphrase}
        onChange={props.onPassphrase}
        error={props.messageFor(props.path)}
      />
      <PassphraseInput
        path="confirmPassphrase"
        label={labels.again}
        autoComplete="new-password"
        value={props.confirmPassphrase}
        onChange={props.onConfirm}
        error={props.messageFor('confirmPassphrase')}
      />
    </>
  );
}
