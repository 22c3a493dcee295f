/**
 * What to run when a command needs a profile and the database has none. Exports, imports and the
 * caseload are in the profile's name (main/features/export/export-scope.ts requireProfile), and on the
 * command line the only way to make one is `call profile:setup`: the hint gives it whole, with this
 * database's path and every required field of ProfileSetupArgs (shared/ipc/schemas/clinicians.ts).
 */
import type { IpcError } from '../../shared/ipc/result';
import type { ProfileSetupInput } from '../../shared/ipc/schemas/profile';

const EXAMPLE: ProfileSetupInput = { name: 'Sam Patel', role: 'clinician', teamName: 'North CAMHS' };

/** A path as a POSIX shell reads it back: bare when it is plain, otherwise in single quotes. */
function shellWord(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command that sets up a profile on this database, ready to paste. */
export function profileSetupCommand(dbPath: string): string {
  return `thrive --db ${shellWord(dbPath)} call profile:setup '${JSON.stringify(EXAMPLE)}'`;
}

export function profileSetupHint(dbPath: string): string {
  return (
    'No profile is set up in this database yet. Set one up (your name, your role: "clinician" or "team_lead", ' +
    'and your team, created if new) with:\n' +
    `  ${profileSetupCommand(dbPath)}\n`
  );
}

/** The hint, when this refusal is for want of a profile (`hasProfile` reads the open database). */
export function hintFor(error: IpcError, dbPath: string, hasProfile: () => boolean): string | null {
  return error.code === 'forbidden' && !hasProfile() ? profileSetupHint(dbPath) : null;
}
