import type { ReactNode } from 'react';
import { TextInput } from './fields';

export const DATE_HINT = 'For example, 15/03/2026';

/**
 * One text box for a UK date (dd/mm/yyyy). The form turns the text into an ISO date with readUkDate
 * (form-errors.ts), so what was typed stays on screen exactly as typed when it is wrong.
 */
export function DateInput({
  path,
  label,
  value,
  onChange,
  error,
  extraHint,
}: {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  /** Shown before the example, e.g. how a default was worked out. */
  extraHint?: ReactNode;
}) {
  return (
    <TextInput
      path={path}
      label={label}
      hint={
        extraHint ? (
          <>
            {extraHint} {DATE_HINT}
          </>
        ) : (
          DATE_HINT
        )
      }
      error={error}
      value={value}
      onChange={onChange}
      width={10}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
