/**
 * The local identity provider's fictional accounts: who may sign in, with which password, and the
 * stable subject each is known by. Only for tests and the local trial; a real deployment uses the
 * trust's own provider (Entra ID, NHS CIS2), so nothing here is stored or hashed at rest.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export interface IdpAccount {
  email: string;
  name: string;
  password: string;
  /** The `sub` claim; derived from the email when not given, so it is the same at every start. */
  subject?: string;
}

export interface AccountBook {
  /** The account whose email and password both match, or undefined. */
  authenticate(email: string, password: string): ResolvedAccount | undefined;
  bySubject(subject: string): ResolvedAccount | undefined;
}

export interface ResolvedAccount {
  subject: string;
  email: string;
  name: string;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A subject that does not reveal the email but is stable across restarts of the provider. */
export function subjectFor(email: string): string {
  return `local-${digest(normaliseEmail(email)).toString('hex').slice(0, 24)}`;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function accountBook(accounts: readonly IdpAccount[]): AccountBook {
  const entries = accounts.map((a) => ({
    subject: a.subject ?? subjectFor(a.email),
    email: normaliseEmail(a.email),
    name: a.name,
    passwordDigest: digest(a.password),
  }));
  const resolved = (e: (typeof entries)[number]): ResolvedAccount => ({ subject: e.subject, email: e.email, name: e.name });
  return {
    authenticate(email, password) {
      const entry = entries.find((e) => e.email === normaliseEmail(email));
      // Compare digests in constant time, and compare even when the email is unknown, so the answer's
      // timing does not tell which emails have accounts.
      const expected = entry?.passwordDigest ?? digest('\u0000no-account');
      const matches = timingSafeEqual(expected, digest(password));
      return entry && matches ? resolved(entry) : undefined;
    },
    bySubject(subject) {
      const entry = entries.find((e) => e.subject === subject);
      return entry ? resolved(entry) : undefined;
    },
  };
}
