/**
 * The command line's words: options with a value, flags, and positionals. Every option is declared
 * here, so a mistyped one is refused before anything is opened or written.
 */
export class UsageError extends Error {}

/** A command refused for a reason that is not a usage mistake (printed without the help text). */
export class CliRefusal extends Error {}

const VALUE_OPTIONS = new Set([
  '--db',
  '--key-file',
  '--recovery-code-file',
  '--today',
  '--clinician',
  '--out',
  '--out-dir',
  '--case',
  '--scope',
  '--file',
  '--document',
  '--kind',
  '--review',
  '--reason',
]);
/** Options that may be given more than once (each value kept, in order). */
const REPEATED_OPTIONS = new Set(['--map']);
const FLAG_OPTIONS = new Set(['--json', '--help', '-h', '--include-closed', '--no-bom', '--dry-run', '--progress', '--verbose']);

export interface ParsedArgs {
  options: Map<string, string>;
  repeated: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options = new Map<string, string>();
  const repeated = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    if (VALUE_OPTIONS.has(name) || REPEATED_OPTIONS.has(name)) {
      const value = eq > 0 ? token.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (REPEATED_OPTIONS.has(name)) repeated.set(name, [...(repeated.get(name) ?? []), value]);
      else options.set(name, value);
    } else if (FLAG_OPTIONS.has(token)) {
      flags.add(token === '-h' ? '--help' : token);
    } else if (token.startsWith('-') && token.length > 1) {
      throw new UsageError(`Unknown option ${token}`);
    } else {
      positionals.push(token);
    }
  }
  return { options, repeated, flags, positionals };
}

/** The value of an option that must be one of `allowed`, or `fallback` when it is not given. */
export function choice<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback?: T): T {
  const value = args.options.get(name);
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`Say ${name} ${allowed.join('|')}`);
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

export function required(args: ParsedArgs, name: string, what: string): string {
  const value = args.options.get(name);
  if (value === undefined) throw new UsageError(`Say ${what} with ${name}`);
  return value;
}

/** Refuses options that mean nothing for this command, so a misplaced one is not silently ignored. */
export function onlyOptions(args: ParsedArgs, command: string, allowed: readonly string[]): void {
  const allow = new Set(['--db', '--key-file', '--recovery-code-file', '--today', '--verbose', ...allowed]);
  for (const name of [...args.options.keys(), ...args.repeated.keys(), ...args.flags]) {
    if (!allow.has(name)) throw new UsageError(`${name} is not an option of ${command}`);
  }
}
