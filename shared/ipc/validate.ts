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
 * The top-level fields of an object schema that parse on their own. Lets the cross-field rules run
 * even when some other field is wrong, so a clinician sees every problem in one go, not in rounds.
 */
function parseValidFields(schema: z.ZodType, input: unknown): Record<string, unknown> | null {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (!shape || typeof input !== 'object' || input === null) return null;
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(shape)) {
    const r = fieldSchema.safeParse((input as Record<string, unknown>)[key]);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return out;
}

function covered(path: string, reported: readonly FieldError[]): boolean {
  return reported.some((f) => f.path === path || path.startsWith(`${f.path}.`) || f.path.startsWith(`${path}.`));
}

/**
 * Shape check (zod) then the cross-field rules that need context such as `today`. The renderer runs
 * this before sending and main runs it again on arrival: the same code on both sides.
 *
 * Rules receive only fields that parsed, so when the shape fails they see a partial object: every
 * rule must check that the fields it compares are present (see `present` below).
 */
export function validateWith<S extends z.ZodType, Ctx>(
  schema: S,
  input: unknown,
  rules?: (value: z.output<S>, ctx: Ctx) => FieldError[],
  ctx?: Ctx,
): Validated<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error.issues);
    const partial = rules ? parseValidFields(schema, input) : null;
    if (rules && partial) {
      for (const extra of rules(partial as z.output<S>, ctx as Ctx)) {
        if (!covered(extra.path, fields)) fields.push(extra);
      }
    }
    return { ok: false, fields };
  }
  if (rules) {
    const fields = rules(parsed.data, ctx as Ctx);
    if (fields.length > 0) return { ok: false, fields };
  }
  return { ok: true, value: parsed.data };
}

/** For rules: true when every named value parsed (rules may see a partial object; see validateWith). */
export function present(...values: unknown[]): boolean {
  return values.every((v) => v !== undefined);
}
