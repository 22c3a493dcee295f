import { useCallback } from 'react';
import type { FormErrors } from '../lib/form-errors';
import type { Draft } from './use-draft';
import { useUnsavedChanges } from './use-unsaved-changes';

/** What an input needs from a form: its path, the draft's value, how to change it, and its error. */
export interface BoundField<V> {
  path: string;
  value: V;
  onChange(value: V): void;
  error: string | undefined;
}

/**
 * How a form edits its draft: `change` patches it and marks the page as having unsaved changes (so
 * leaving asks first); `bind(key)` gives one input everything it needs for that draft field.
 */
export function useDraftFields<T extends object>(draft: Draft<T>, form: Pick<FormErrors, 'messageFor'>) {
  const { markDirty } = useUnsavedChanges();
  const { setValue } = draft;
  const change = useCallback(
    (patch: (d: T) => Partial<T>) => {
      setValue((d) => ({ ...d, ...patch(d) }));
      markDirty();
    },
    [setValue, markDirty],
  );
  const bind = <K extends keyof T & string>(key: K): BoundField<T[K]> => ({
    path: key,
    value: draft.value[key],
    onChange: (value) =>
      change(() => {
        const patch: Partial<T> = {};
        patch[key] = value;
        return patch;
      }),
    error: form.messageFor(key),
  });
  return { change, bind };
}

export type DraftFields<T extends object> = ReturnType<typeof useDraftFields<T>>;
