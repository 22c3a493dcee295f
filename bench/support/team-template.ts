/**
 * The team-server bench's documents: real case documents (shared/sync/protocol.ts CaseDocument) read
 * with main/sync/case-document.ts readCaseDocument from cases the app's own handlers wrote (the demo
 * seed, then a review through review:record), turned into patterns whose ids, case reference, NHS number
 * and team vary per seeded case. The same pattern is filled in SQL (bench/support/team-seed.ts: one
 * generate_series, so 100,000 cases seed in seconds) and in Node (a pushed document), so a case seeded on
 * the server and the document a device pushes for it after a review hold the same ids.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { createAppServices, type AppServices } from '../../main/app-services';
import { readCaseDocument } from '../../main/sync/case-document';
import { fixedClock } from '../../shared/clock';
import type { CaseDocument } from '../../shared/sync/protocol';
import { reviewInput, reviewTargetOf } from '../../tests/support/review-input';
import type { CaseDetail } from '../../shared/ipc/types';
import { BENCH_KEY, BENCH_TODAY } from './scale-db';

/** A document as text with holes: literal parts between them, and what fills each hole. */
export interface DocPattern {
  parts: string[];
  /** One per hole: an id's number (its place in the pattern family's id list), or a named field. */
  holes: Array<number | 'ref' | 'nhs' | 'team'>;
  status: 'open' | 'closed';
}

export interface Templates {
  /** An open case with a plan, goals and reviews, as the server holds it before the bench's review. */
  open: DocPattern;
  /** The same case after one more review recorded through review:record. */
  openReviewed: DocPattern;
  closed: DocPattern;
  /** Bytes of each document as JSON, for the record. */
  bytes: { open: number; openReviewed: number; closed: number };
}

function ok<T>(services: AppServices, channel: string, args: unknown): T {
  const result = services.invoke(channel, args) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error).slice(0, 500)}`);
  return result.value as T;
}

/** Every id the document's own rows carry (the case's and its young person's), in order of appearance. */
function ownIds(doc: CaseDocument): string[] {
  const ids = new Set<string>([doc.caseId, String(doc.youngPerson.id)]);
  for (const rows of Object.values(doc.tables)) for (const row of rows) if (typeof row.id === 'string') ids.add(row.id);
  return [...ids];
}

/** The document as a pattern; `ids` numbers the ids (a family of documents shares one numbering). */
function patternOf(doc: CaseDocument, ids: readonly string[], status: 'open' | 'closed'): DocPattern {
  const marked = structuredClone(doc);
  const row = marked.tables.cases[0]!;
  // Marked with text JSON leaves as it is, then made holes (a control character) in the JSON text.
  row.case_ref = '@@ref@@';
  row.team_id = '@@team@@';
  marked.youngPerson.nhs_number = '@@nhs@@';
  let text = JSON.stringify(marked).replace(/@@(ref|team|nhs)@@/g, '\u0001$1\u0001');
  ids.forEach((id, k) => (text = text.split(id).join(`\u0001${k}\u0001`)));
  const pieces = text.split('\u0001');
  const parts: string[] = [];
  const holes: DocPattern['holes'] = [];
  pieces.forEach((piece, i) => {
    if (i % 2 === 0) parts.push(piece);
    else holes.push(piece === 'ref' || piece === 'nhs' || piece === 'team' ? piece : Number(piece));
  });
  return { parts, holes, status };
}

/** The k-th id of seeded case n: md5 as a UUID, computed the same in SQL (md5(n || ':' || k)::uuid). */
export function seededId(n: number, k: number): string {
  const h = createHash('md5').update(`${n}:${k}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const seededRef = (n: number): string => `BENCH-${n}`;
export const seededNhs = (n: number): string => String(4_000_000_000 + n).padStart(10, '0');

/** The document of seeded case n in `teamId`, as Node fills the pattern (the SQL fill is the same). */
export function fillPattern(p: DocPattern, n: number, teamId: string): CaseDocument {
  let text = p.parts[0]!;
  p.holes.forEach((hole, i) => {
    const value = hole === 'ref' ? seededRef(n) : hole === 'nhs' ? seededNhs(n) : hole === 'team' ? teamId : seededId(n, hole);
    text += value + p.parts[i + 1]!;
  });
  return JSON.parse(text) as CaseDocument;
}

/** The id of seeded case n (the case id is the family's first id). */
export const seededCaseId = (n: number): string => seededId(n, 0);

/**
 * Writes the demo caseload through the app's handlers into a scratch encrypted file, reviews one open
 * case with a plan, and reads the documents.
 */
export function makeTemplates(dir: string): Templates {
  const services = createAppServices({ dbPath: path.join(dir, 'template.db'), key: BENCH_KEY, create: true, clock: fixedClock(BENCH_TODAY), log: () => undefined });
  try {
    ok(services, 'profile:setup', { name: 'Bench Lead', role: 'team_lead', teamName: 'Bench team' });
    ok(services, 'demo:seed', {});
    // The middle case by reviews held (of the open ones with a plan, and of the closed): a typical document.
    const pick = (sql: string) => {
      const ids = services.db.prepare(sql).pluck().all() as string[];
      return ids[Math.floor(ids.length / 2)];
    };
    const openId = pick(`SELECT c.id FROM cases c WHERE status = 'open' AND plan_complete = 1
      AND EXISTS (SELECT 1 FROM goals g WHERE g.case_id = c.id AND g.status = 'active')
      ORDER BY (SELECT count(*) FROM reviews r WHERE r.case_id = c.id), case_ref
`);
    const closedId = pick(`SELECT c.id FROM cases c WHERE status = 'closed' ORDER BY (SELECT count(*) FROM reviews r WHERE r.case_id = c.id), case_ref`);
    if (!openId || !closedId) throw new Error('the demo seed made no open case with a plan, or no closed case');
    const before = readCaseDocument(services.db, openId);
    const detail = ok<CaseDetail>(services, 'cases:get', { caseId: openId });
    ok(services, 'review:record', reviewInput(reviewTargetOf(detail), detail.summary.version, BENCH_TODAY, 1, 'Bench review'));
    const after = readCaseDocument(services.db, openId);
    const closed = readCaseDocument(services.db, closedId);
    // One numbering for the open case before and after its review: the ids it keeps fill the same.
    const openIds = [...new Set([...ownIds(before), ...ownIds(after)])];
    return {
      open: patternOf(before, openIds, 'open'),
      openReviewed: patternOf(after, openIds, 'open'),
      closed: patternOf(closed, ownIds(closed), 'closed'),
      bytes: { open: JSON.stringify(before).length, openReviewed: JSON.stringify(after).length, closed: JSON.stringify(closed).length },
    };
  } finally {
    services.close();
  }
}
