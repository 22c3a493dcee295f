/**
 * Reading a stored draft back into form state. A draft was written by an earlier run of the form,
 * perhaps an older version of the app, so each field is taken only if it has the expected shape;
 * anything else falls back to the blank form's value.
 */

export type Fields = Record<string, unknown>;

export function asFields(payload: unknown): Fields {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Fields) : {};
}

export function str(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

export function bool(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** One of a fixed list of codes, or '' (nothing chosen yet). */
export function choice<V extends string>(value: unknown, allowed: readonly V[], fallback: V | ''): V | '' {
  return value === '' || (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    ? (value as V | '')
    : fallback;
}

/** The codes from a fixed list, in list order, once each. */
export function choices<V extends string>(value: unknown, allowed: readonly V[], fallback: V[]): V[] {
  if (!Array.isArray(value)) return fallback;
  return allowed.filter((a) => value.includes(a));
}

/** A record of `key → value` keeping only the entries whose value passes `keep`. */
export function record<V>(value: unknown, keep: (v: unknown) => v is V): Record<string, V> {
  return Object.fromEntries(Object.entries(asFields(value)).filter((entry): entry is [string, V] => keep(entry[1])));
}

export function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/** Every string field of `blank`, taken from the payload where it is a string. */
export function strings<T>(payload: Fields, blank: T, keys: ReadonlyArray<keyof T & string>): Partial<T> {
  return Object.fromEntries(keys.map((k) => [k, str(payload[k], String(blank[k]))])) as Partial<T>;
}
