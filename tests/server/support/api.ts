/**
 * The server tests' view of the API: case documents to push, and fetch calls with the headers a
 * device sends. Everything goes over real HTTP to a server from tests/support/team/team-server.ts.
 */
import { randomUUID } from 'node:crypto';
import { CASE_TABLES, PROTOCOL_VERSION, type CaseDocument, type PushBody } from '../../../shared/sync/protocol';

export function caseDocument(caseId: string, teamId: string, overrides: { caseRef?: string; note?: string } = {}): CaseDocument {
  const youngPersonId = `yp-${caseId}`;
  const tables = Object.fromEntries(CASE_TABLES.map((t) => [t, []])) as unknown as CaseDocument['tables'];
  tables.cases = [
    {
      id: caseId, case_ref: overrides.caseRef ?? `REF-${caseId.slice(-6)}`, young_person_id: youngPersonId, team_id: teamId,
      status: 'open', lead_clinician_id: 'clin-1', referral_date: '2026-01-05', open_date: '2026-01-06', version: 1,
    },
  ];
  tables.goals = [{ id: `goal-${caseId}`, case_id: caseId, description: overrides.note ?? 'Go to school three days a week' }] as never;
  return { caseId, youngPerson: { id: youngPersonId, name: 'Jamie Lee', nhs_number: '9434765919' }, tables };
}

export function pushBody(personId: string, document: CaseDocument, deviceId = 'device-1'): PushBody {
  return { deviceId, madeBy: personId, madeAt: '2026-03-02T09:30:00.000Z', document };
}

export interface Call {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test parses it with the schema it expects
}

export interface PushOptions {
  token: string;
  base?: number | 'new';
  key?: string;
  protocol?: number | null;
  body: unknown;
}

export async function call(url: string, init: RequestInit & { token?: string; protocol?: number | null } = {}): Promise<Call> {
  const headers = new Headers(init.headers);
  if (init.protocol !== null) headers.set('thrive-protocol', String(init.protocol ?? PROTOCOL_VERSION));
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export function push(server: { url: string }, caseId: string, o: PushOptions): Promise<Call> {
  const headers: Record<string, string> = { 'idempotency-key': o.key ?? randomUUID() };
  if (o.base === 'new' || o.base === undefined) headers['if-none-match'] = '*';
  else headers['if-match'] = `"${o.base}"`;
  return call(`${server.url}/v1/cases/${caseId}/versions`, {
    method: 'POST', token: o.token, protocol: o.protocol, headers, body: JSON.stringify(o.body),
  });
}

export function pull(server: { url: string }, token: string, cursor?: string, limit?: number): Promise<Call> {
  const query = new URLSearchParams();
  if (cursor !== undefined) query.set('cursor', cursor);
  if (limit !== undefined) query.set('limit', String(limit));
  return call(`${server.url}/v1/changes?${query}`, { token, headers: { 'thrive-device': 'device-1' } });
}
