/**
 * The change log's hash chain, computed here in the server code rather than in SQL: one canonical
 * JSON function (sorted keys, JSON.stringify's number and string forms) is easy to state, test and
 * reproduce outside PostgreSQL (the admin CLI and any auditor), whereas jsonb's text form depends on
 * the server's rendering of numbers and key order. Each entry's hash = sha256(prev_hash + "\n" +
 * canonical JSON of the entry's content); the first entry of a team chains from a genesis hash bound
 * to the team id, so entries cannot be moved between teams' chains.
 */
import { createHash } from 'node:crypto';
import type { CaseDocument } from '../../shared/sync/protocol';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function genesisHash(teamId: string): string {
  return sha256Hex(`thrive-change-log-genesis:${teamId}`);
}

/** What an entry's hash covers: everything but the hashes themselves. */
export interface ChainedContent {
  teamId: string;
  seq: number;
  caseId: string;
  version: number;
  authorId: string;
  deviceId: string;
  idempotencyKey: string;
  requestHash: string;
  madeAt: string;
  at: string;
  document: CaseDocument;
}

export function entryHash(prevHash: string, content: ChainedContent): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}
