import type { z } from 'zod';
import type { FieldError } from './result';

/** zod issues → the field list shown beside each field and in the error summary. */
export function issuesToFields(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue; // one message per field: the first is the most basic problem
    seen.add(path);
    out.push({ path, message: issue.message });
  }
  return out;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; fields: FieldError[] };

/**
 * Shape check (zod) then the cross-field rules that need context such as `today`. The renderer runs
 * this before sending and main runs it again on arrival: the same code on both sides.
 */
export function validateWith<S extends z.ZodType, Ctx>(
  schema: S,
  input: unknown,
  rules?: (value: z.output<S>, ctx: Ctx) => FieldError[],
  ctx?: Ctx,
): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, fields: issuesToFields(parsed.error.issues) };
  if (rules) {
    const fields = rules(parsed.data, ctx as Ctx);
    if (fields.length > 0) return { ok: false, fields };
  }
  return { ok: true, value: parsed.data };
}
