import type { FieldError } from '../../../shared/ipc/result';
import { toApiError } from '../../api/client';

/**
 * A failed call's errors moved onto one small form's inputs: main names arguments (`name`, `teamId`);
 * the Settings page has several forms, so each input's path carries its form's prefix.
 */
export function onFormInputs(error: unknown, paths: Record<string, string>, fallback: string): FieldError[] {
  const apiError = toApiError(error);
  if (apiError.fields.length === 0) return [{ path: fallback, message: apiError.message }];
  return apiError.fields.map((f) => ({ path: paths[f.path] ?? fallback, message: f.message }));
}
