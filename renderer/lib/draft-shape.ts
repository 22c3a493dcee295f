/**
 * One declaration per form of what its typing holds. From it come the draft's type (`DraftOf`), the
 * blank form (`blankDraft`), the reading back of a saved draft (`restoreDraft`) and the order its
 * errors are listed in (`errorOrder`), so a field is added to a form's draft in one place.
 *
 * A draft was written by an earlier run of the form, perhaps an older version of the app, so each
 * field is taken back only if it has the expected shape; anything else falls back to the blank form's.
 */
import { formatUkDate } from '../../shared/dates';
import { asFields, bool, choice, choices, record, str } from './draft-payload';

interface FieldOptions {
  /** The schema path its errors carry, when not its own key; null for state that is not an input. */
  path?: string | null;
}

export interface DraftField<V> extends FieldOptions {
  blank(): V;
  read(saved: unknown, blank: V): V;
  /** Parts of a group, in screen order: their errors come before the group's own. */
  parts?: DraftShape;
  /** The stored value (at the field's path in a record) as typing, to start a form from a record. */
  load?(stored: unknown): V;
}

export type DraftShape = Record<string, DraftField<unknown>>;
export type DraftOf<S extends DraftShape> = { [K in keyof S]: S[K] extends DraftField<infer V> ? V : never };

let nextKey = 1;
/** A React key for a row the clinician can add or remove (never reused, so rows never clash). */
export function newKey(): number {
  return nextKey++;
}

export type Row<S extends DraftShape> = DraftOf<S> & { key: number };

interface RowsOptions<S extends DraftShape> extends FieldOptions {
  /** Blank rows the form starts with (a first plan offers one goal and one criterion to fill in). */
  blankRows?: number;
  /** Tidies a restored row, e.g. forgets a link to a goal that is no longer in force. */
  fix?(row: Row<S>): Row<S>;
}

export const field = {
  text: (opts: FieldOptions = {}): DraftField<string> => ({ ...opts, blank: () => '', read: str }),
  /** A date typed as dd/mm/yyyy; a record holds it as an ISO date. */
  date: (opts: FieldOptions = {}): DraftField<string> => ({
    ...opts,
    blank: () => '',
    read: str,
    load: (stored) => (typeof stored === 'string' ? formatUkDate(stored) : ''),
  }),
  /** A number typed as text (a score); a record holds the number. */
  number: (opts: FieldOptions = {}): DraftField<string> => ({
    ...opts,
    blank: () => '',
    read: str,
    load: (stored) => (typeof stored === 'number' ? String(stored) : ''),
  }),
  flag: (opts: FieldOptions = {}): DraftField<boolean> => ({ ...opts, blank: () => false, read: bool }),
  /** One of a fixed list of codes, or '' (nothing chosen yet). */
  choice: <V extends string>(allowed: readonly V[], opts: FieldOptions = {}): DraftField<V | ''> => ({
    ...opts,
    blank: () => '',
    read: (saved, blank) => choice(saved, allowed, blank),
  }),
  /** Codes from a fixed list, in list order, once each. */
  choices: <V extends string>(allowed: readonly V[], opts: FieldOptions = {}): DraftField<V[]> => ({
    ...opts,
    blank: () => [],
    read: (saved, blank) => choices(saved, allowed, blank),
  }),
  /** Record id → value (a rating per goal, a status per criterion), keeping the entries that pass. */
  entries: <V>(keep: (v: unknown) => v is V, opts: FieldOptions = {}): DraftField<Record<string, V>> => ({
    ...opts,
    blank: () => ({}),
    read: (saved) => record(saved, keep),
  }),
  /** A value read by its own rule (e.g. a rating that must be one of its item's options). */
  custom: <V>(blank: () => V, read: (saved: unknown, blank: V) => V, opts: FieldOptions = {}): DraftField<V> => ({ ...opts, blank, read }),
  /** Fields kept together in the draft (and in the schema, under the group's path). */
  group: <S extends DraftShape>(parts: S, opts: FieldOptions = {}): DraftField<DraftOf<S>> => ({
    ...opts,
    parts,
    blank: () => blankDraft(parts),
    read: (saved, blank) => readFields(parts, saved, blank),
    load: (stored) => draftFromRecord(parts, stored),
  }),
  /** A list the clinician adds to and removes from; restored rows get fresh keys. */
  rows: <S extends DraftShape>(parts: S, opts: RowsOptions<S> = {}): DraftField<Array<Row<S>>> => {
    const row = (saved: unknown): Row<S> => ({ key: newKey(), ...readFields(parts, saved, blankDraft(parts)) });
    const fix = opts.fix ?? ((r: Row<S>) => r);
    return {
      path: opts.path,
      blank: () => Array.from({ length: opts.blankRows ?? 0 }, () => newRow(parts)),
      read: (saved, blank) => (Array.isArray(saved) ? saved.map((r) => fix(row(r))) : blank),
    };
  },
};

function readFields<S extends DraftShape>(shape: S, saved: unknown, blank: DraftOf<S>): DraftOf<S> {
  const p = asFields(saved);
  const entries = Object.entries(shape).map(([k, f]) => [k, f.read(p[k], blank[k as keyof S])]);
  return Object.fromEntries(entries) as DraftOf<S>;
}

/** Typing that starts from a stored record (e.g. a revision starts from the plan in force). */
export function draftFromRecord<S extends DraftShape>(shape: S, stored: unknown): DraftOf<S> {
  const entries = Object.entries(shape).map(([k, f]) => {
    const value = (f.path ?? k).split('.').reduce<unknown>((at, part) => asFields(at)[part], stored);
    return [k, f.load ? f.load(value) : f.read(value, f.blank())];
  });
  return Object.fromEntries(entries) as DraftOf<S>;
}

/** The blank form; `values` are the blanks that depend on the case or on today. */
export function blankDraft<S extends DraftShape>(shape: S, values: Partial<DraftOf<S>> = {}): DraftOf<S> {
  const blank = Object.fromEntries(Object.entries(shape).map(([k, f]) => [k, f.blank()])) as DraftOf<S>;
  return { ...blank, ...values };
}

/** A saved draft back into the form, each field checked against the shape, else the blank form's. */
export function restoreDraft<S extends DraftShape>(shape: S): (payload: unknown, blank: DraftOf<S>) => DraftOf<S> {
  return (payload, blank) => readFields(shape, payload, blank);
}

/** The schema paths of the form's inputs in the order they appear on screen, for listing its errors. */
export function errorOrder(shape: DraftShape, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([k, f]) => {
    if (f.path === null) return [];
    const path = f.path ?? `${prefix}${k}`;
    return f.parts ? [...errorOrder(f.parts, `${path}.`), path] : [path];
  });
}

/** A new blank row of a list, with its own key. */
export function newRow<S extends DraftShape>(parts: S): Row<S> {
  return { key: newKey(), ...blankDraft(parts) };
}
