/**
 * A measurement, not a test: how long an empty device takes to apply a first sync of a team of 1,000
 * open and 5,000 closed cases, below the network (applyPulled in the engine's batches). Skipped unless
 * MEASURE_FIRST_SYNC is set, as a figure on a shared machine is no pass or fail; the end-to-end figure
 * with the server is bench/team-server.ts's.
 *
 *   MEASURE_FIRST_SYNC=6000 npx vitest run --project node tests/sync/first-sync-speed.measure.test.ts
 */
import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { newId } from '../../main/db/ids';
import { openDatabase } from '../../main/db/open';
import { verifyAudit } from '../../main/db/verify-audit';
import { readCaseDocument } from '../../main/sync/case-document';
import { DEFAULT_PULL_LIMIT } from '../../main/sync/engine-round';
import { applyDirectory, applyPulled } from '../../main/sync/store';
import type { CaseDocument, Change } from '../../shared/sync/protocol';
import { TEST_KEY, tempDbPath } from '../support/temp-db';
import { makeTeam, startDevice, writeStory } from './devices';

const TOTAL = Number(process.env.MEASURE_FIRST_SYNC ?? 0);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The same case again under fresh ids (its own rows and young person; team and clinicians kept). */
function cloneWithNewIds(doc: CaseDocument, n: number): CaseDocument {
  const own = new Set<string>([String(doc.youngPerson.id)]);
  for (const rows of Object.values(doc.tables)) for (const r of rows) if (typeof r.id === 'string') own.add(r.id);
  const fresh = new Map([...own].map((id) => [id, newId()]));
  const text = JSON.stringify(doc).replace(UUID, (id) => fresh.get(id) ?? id);
  const out = JSON.parse(text) as CaseDocument;
  out.tables.cases[0]!.case_ref = `RIO-${100000 + n}`;
  return out;
}

describe.runIf(TOTAL > 0)('first sync into an empty device (measurement)', () => {
  it(`applies ${TOTAL} pulled cases`, () => {
    const { team, people, me } = makeTeam();
    const a = startDevice(me(people.ana), people.ana);
    const open = readCaseDocument(a.db(), writeStory(a, { caseRef: 'RIO-1', name: 'Open One', nhsNumber: null }));
    const closed = readCaseDocument(a.db(), writeStory(a, { caseRef: 'RIO-2', name: 'Closed One', nhsNumber: null, close: true }));
    const rowsOf = (d: CaseDocument) => Object.values(d.tables).reduce((s, r) => s + r.length, 0);
    const changes: Change[] = [];
    for (let i = 0; i < TOTAL; i++) {
      const document = cloneWithNewIds(i % 6 === 0 ? open : closed, i);
      changes.push({ seq: i + 1, teamId: team.id, caseId: document.caseId, version: 1, authorId: people.ana.id, authorName: people.ana.name, deviceId: 'device-ana', at: '2027-01-11T12:00:00.000Z', document });
    }

    const lead = openDatabase({ path: tempDbPath('lead.db'), key: TEST_KEY, create: true });
    applyDirectory(lead, a.clock, me(people.lee));
    const load = loadavg()[0]!.toFixed(2);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < changes.length; i += DEFAULT_PULL_LIMIT) {
      applyPulled(lead, a.clock, changes.slice(i, i + DEFAULT_PULL_LIMIT), `c${i}`, '2027-01-11T12:00:00.000Z');
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    console.log(
      `first sync: ${TOTAL} cases (rows per case: open ${rowsOf(open)}, closed ${rowsOf(closed)}) in ${(ms / 1000).toFixed(2)} s, ` +
        `${(ms / TOTAL).toFixed(2)} ms a case (CPU ${(cpuMs / 1000).toFixed(2)} s, ${(cpuMs / TOTAL).toFixed(2)} ms a case), batches of ${DEFAULT_PULL_LIMIT}; load average before ${load}`,
    );
    expect(readCaseDocument(lead, changes.at(-1)!.caseId)).toEqual(changes.at(-1)!.document);
    expect(verifyAudit(lead)).toMatchObject({ ok: true, records: [] });
    lead.close();
  }, 600_000);
});
