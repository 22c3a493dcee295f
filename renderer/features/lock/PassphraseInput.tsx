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
