import { useCallback, useState } from 'react';
import { parseUkDate, type IsoDate } from '../../shared/dates';
import type { ErrorCode, FieldError } from '../../shared/ipc/result';
import { toApiError } from '../api/client';

/**
 * The errors a form is showing, a counter that tells the summary to take focus again, and the one
 * way a form saves: `save(run)` marks it saving (so a double Enter cannot submit twice) and shows a
 * failed call's errors beside the fields. `serverCode` is the code of the failed call being shown
 * (e.g. 'conflict', so the form can offer to reload the case), null for the form's own checks.
 */
export function useFormErrors() {
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [serverCode, setServerCode] = useState<ErrorCode | null>(null);
  const fail = useCallback((fields: readonly FieldError[]) => {
    setErrors(fields);
    setServerCode(null);
    setAttempt((n) => n + 1);
  }, []);
  /** A failed API call: its field errors beside the fields, or its message at the top. */
  const failWith = useCallback(
    (error: unknown) => {
      const apiError = toApiError(error);
      fail(apiError.fields.length > 0 ? apiError.fields : [{ path: '', message: apiError.message }]);
      setServerCode(apiError.code);
    },
    [fail],
  );
  const clear = useCallback(() => {
    setErrors([]);
    setServerCode(null);
  }, []);
  const messageFor = useCallback((path: string) => errors.find((e) => e.path === path)?.message, [errors]);
  const save = useCallback(
    async (run: () => Promise<void>) => {
      setSaving(true);
      try {
        await run();
      } catch (error) {
        failWith(error);
      } finally {
        setSaving(false);
      }
    },
    [failWith],
  );
  return { errors, attempt, fail, failWith, clear, messageFor, saving, save, serverCode };
}

const LOOKS_LIKE_DATE = /^\s*\d{1,2}\s*[/.\-\s]\s*\d{1,2}\s*[/.\-\s]\s*\d{2,4}\s*$/;

/**
 * What a date field sends to the schema: the ISO date if the text is a real dd/mm/yyyy date, else
 * the text itself (which the schema rejects in its place in the form order) plus the message to
 * show instead of the schema's generic one.
 */
export function readUkDate(text: string, label: string): { value: IsoDate | string; message: string | null } {
  if (text.trim() === '') return { value: '', message: null };
  const iso = parseUkDate(text);
  if (iso) return { value: iso, message: null };
  const name = label.charAt(0).toLowerCase() + label.slice(1);
  const message = LOOKS_LIKE_DATE.test(text)
    ? `${label} must be a real date, for example 15/03/2026`
    : `Enter ${name} as dd/mm/yyyy, for example 15/03/2026`;
  return { value: text.trim(), message };
}

/** Puts the form's own wording (e.g. date format messages) in place of the schema's for those paths. */
export function withMessages(fields: readonly FieldError[], messages: Record<string, string | null>): FieldError[] {
  return fields.map((f) => {
    const own = messages[f.path];
    return own ? { path: f.path, message: own } : f;
  });
}

/**
 * Orders errors as the fields appear on screen (the schema's key order can differ): by the first
 * prefix in `order` that the path starts with; unknown paths go last, ties keep their order.
 */
export function inFormOrder(fields: readonly FieldError[], order: readonly string[]): FieldError[] {
  const rank = (path: string) => {
    const i = order.findIndex((p) => path === p || path.startsWith(`${p}.`));
    return i < 0 ? order.length : i;
  };
  return [...fields].sort((a, b) => rank(a.path) - rank(b.path));
}

/**
 * Errors about the n-th item of a list the form sent (`goalRatings.1.score`) moved onto the input
 * for that item (`goalRatings.goal-<id>`), since the inputs are keyed by record, not by position.
 */
export function onItemInputs(
  fields: readonly FieldError[],
  list: string,
  idsSent: readonly string[],
  itemPath: (id: string) => string,
): FieldError[] {
  const pattern = new RegExp(`^${list.replace(/\./g, '\\.')}\\.(\\d+)(\\..*)?$`);
  return fields.map((f) => {
    const m = pattern.exec(f.path);
    const id = m ? idsSent[Number(m[1])] : undefined;
    return id === undefined ? f : { path: itemPath(id), message: f.message };
  });
}

/** Keeps the first message for each path (two rules can land on one input after remapping). */
export function onePerField(fields: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}

export type FormErrors = ReturnType<typeof useFormErrors>;
