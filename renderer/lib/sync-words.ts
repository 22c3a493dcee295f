/**
 * What the header says about team sync, in words a clinician can act on. Pure, so each state's words
 * are decided once here and the indicator, the live region and the tests all read the same sentence.
 * Times come from main's ISO instants (its injected clock), shown in UK local time: "14:32" for today,
 * "06/12/2026 14:32" for an earlier day, so "as of" is never mistaken for today's time.
 */
import { formatUkDate, formatUkDateTime, isIsoDate, londonDateOf, type IsoDate } from '../../shared/dates';
import { ROLE_LABELS } from '../../shared/ipc/schemas/clinicians';
import type { ConflictSide, ConflictView, SyncStatus } from '../../shared/ipc/schemas/sync';
import type { RoleOnServer } from '../../shared/sync/protocol';
import { codeLabel, ratingsText } from './conflict-values';
import { plural } from './plural';

/** An instant as UK local time, with the date only when it is not today. */
export function syncTime(instant: string | null, today: IsoDate | null): string {
  if (!instant) return '';
  const full = formatUkDateTime(instant);
  return today && londonDateOf(instant) === today ? full.slice(11) : full;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * A value of a conflicting field as a person reads it: main sends the stored text, so a calendar date
 * (2027-02-15) is shown dd/mm/yyyy and an instant in UK local time; anything else as it is.
 */
export function conflictValue(value: string): string {
  if (isIsoDate(value)) return formatUkDate(value);
  if (INSTANT.test(value)) return formatUkDateTime(value);
  return codeLabel(value) ?? ratingsText(value) ?? value;
}

/** One side of a difference as one line: a value in words, a record's fields joined, or "(none)". */
export function conflictSideText(side: ConflictSide): string {
  if (side === null) return '(none)';
  if (typeof side === 'string') return conflictValue(side);
  return side.map((p) => `${p.label} ${conflictValue(p.value)}`).join('; ');
}

/**
 * What "Use the server's version" does to one difference, for the dialog that asks once more: a value
 * of yours replaced, a record only yours discarded, a record only the server's kept.
 */
export function dropMineWords(field: ConflictView['fields'][number]): string {
  if (Array.isArray(field.mine) && field.theirs === null) return `${field.label} recorded on this computer (${conflictSideText(field.mine)}): discarded`;
  if (Array.isArray(field.theirs) && field.mine === null) return `${field.label} from the team server (${conflictSideText(field.theirs)}): kept`;
  return `${field.label}: yours, “${conflictSideText(field.mine)}”, becomes “${conflictSideText(field.theirs)}”`;
}

const SERVER_ROLE_LABELS: Record<RoleOnServer, string> = { ...ROLE_LABELS, service_admin: 'Service admin' };

/** A role as the team server grants it (a service admin exists only there); an unknown one as sent. */
export function serverRoleLabel(role: string): string {
  return SERVER_ROLE_LABELS[role as RoleOnServer] ?? role;
}

const changes = (n: number) => plural(n, 'change', 'changes');

/** "1 change the team server refused": set aside, shown with the server's words on the conflicts screen. */
export function refusedWords(n: number): string {
  return `${changes(n)} the team server refused`;
}

/**
 * Changes made here by someone other than the person signed in: never sent under this person's name,
 * so they wait for their author. "3 changes by Sam Lee wait for Sam Lee to sign in on this computer".
 */
export function waitingForOthersWords(status: SyncStatus): string | null {
  if (status.waitingForOthers.length === 0) return null;
  return status.waitingForOthers
    .map((w) => `${changes(w.changes)} by ${w.name} ${w.changes === 1 ? 'waits' : 'wait'} for ${w.name} to sign in on this computer`)
    .join('; ');
}

/** The signed-in person's own changes waiting (those of others are said apart). */
function ownPending(status: SyncStatus): number {
  return Math.max(0, status.pending - status.waitingForOthers.reduce((n, w) => n + w.changes, 0));
}

/** The indicator's sentence. `link` says the words lead to the conflicts screen. */
export function syncHeadline(status: SyncStatus, today: IsoDate | null): { text: string; link: boolean } {
  const at = (instant: string | null) => syncTime(instant, today);
  switch (status.state) {
    case 'up_to_date':
      return { text: status.asOf ? `Up to date · as of ${at(status.asOf)}` : 'Up to date', link: false };
    case 'syncing':
      return { text: status.pending > 0 ? `Sending ${changes(status.pending)}…` : 'Checking for changes…', link: false };
    case 'pending': {
      const others = waitingForOthersWords(status);
      if (others && ownPending(status) === 0) return { text: others, link: false };
      const own = `${changes(ownPending(status))} waiting${status.oldestPendingAt ? ` · oldest ${at(status.oldestPendingAt)}` : ''}`;
      return { text: others ? `${own} · ${others}` : own, link: false };
    }
    case 'offline': {
      const since = status.offlineSince ? `Offline since ${at(status.offlineSince)}` : 'Offline';
      return { text: status.pending > 0 ? `${since} · ${changes(status.pending)} waiting` : since, link: false };
    }
    case 'signed_out':
      return {
        text: status.pending > 0 ? `Signed out · sign in to send ${changes(status.pending)}` : 'Signed out · sign in to sync',
        link: false,
      };
    case 'conflict': {
      const also = status.refusedChanges > 0 ? ` · ${refusedWords(status.refusedChanges)}` : '';
      return { text: `${plural(status.conflicts, 'conflict', 'conflicts')} to resolve${also}`, link: true };
    }
    case 'refused':
      // A refusal of the whole sync (this build, this server) carries its words in `message`; changes
      // refused one by one are listed with the server's words on the conflicts screen.
      if (status.message === null && status.refusedChanges > 0) return { text: refusedWords(status.refusedChanges), link: true };
      return { text: `Refused: ${status.message ?? 'the team server refused this app. Ask your service admin.'}`, link: false };
  }
}

/**
 * What the polite live region says: only the state and what to do, without the times, so it speaks
 * when the state changes rather than every time a count or a clock moves.
 */
export function syncAnnouncement(status: SyncStatus): string {
  switch (status.state) {
    case 'up_to_date':
      return 'Team sync: up to date.';
    case 'syncing':
      return 'Team sync: sending and receiving changes.';
    case 'pending':
      return 'Team sync: changes waiting to be sent.';
    case 'offline':
      return 'Team sync: offline. Your changes are kept on this computer.';
    case 'signed_out':
      return 'Team sync: signed out. Sign in to send your changes.';
    case 'conflict':
      return `Team sync: ${plural(status.conflicts, 'conflict', 'conflicts')} to resolve.`;
    case 'refused':
      if (status.message === null && status.refusedChanges > 0) return `Team sync: ${refusedWords(status.refusedChanges)}. See the conflicts screen.`;
      return `Team sync refused: ${status.message ?? ''}`.trim();
  }
}
