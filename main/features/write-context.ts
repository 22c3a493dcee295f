/**
 * What a write needs besides its input: the database, the clock, and who is acting (for the audit
 * trail). Feature services take this rather than the whole handler context so the demo seed can write
 * through exactly the same code as the screens.
 */
import type { z } from 'zod';
import type { Clock } from '../../shared/clock';
import { validationError, type FieldError } from '../../shared/ipc/result';
import { validateWith } from '../../shared/ipc/validate';
import { profileClinicianId } from '../db/repos/settings';
import type { Db } from '../db/sql';
import type { HandlerContext } from '../ipc/types';

export interface WriteContext {
  db: Db;
  clock: Clock;
  /** A clinician id, or a system actor such as 'system:cli'. */
  actor: string;
}

/** The signed-in clinician acts; with no profile yet, the process's system actor does. */
export function writeContextOf(ctx: HandlerContext): WriteContext {
  return { db: ctx.db, clock: ctx.clock, actor: profileClinicianId(ctx.db) ?? ctx.systemActor };
}

/** The shared schema (and rules), run again in main: main never trusts what the renderer checked. */
export function parseOrThrow<S extends z.ZodType, Ctx>(
  schema: S,
  input: unknown,
  rules?: (value: z.output<S>, ctx: Ctx) => FieldError[],
  ctx?: Ctx,
): z.output<S> {
  const result = validateWith(schema, input, rules, ctx);
  if (!result.ok) throw validationError(result.fields);
  return result.value;
}

export function throwIfAny(fields: FieldError[]): void {
  if (fields.length > 0) throw validationError(fields);
}
