/** Backups tests: a real encrypted database with a case in it, and a row-for-row dump to compare copies. */
import { join } from 'node:path';
import type { Db } from '../../main/db/sql';
import { appWithPlan, openCaseArgs } from './test-app';

export const KNOWN_NAME = 'Zebedee Quillfeather';

/** Every row of every table, each table ordered by its primary key (rowid when it has none). */
export function dumpAll(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const pk = (db.pragma(`table_info("${table}")`) as Array<{ name: string; pk: number }>)
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => `"${c.name}"`);
    dump[table] = db.prepare(`SELECT * FROM "${table}" ORDER BY ${pk.length > 0 ? pk.join(', ') : 'rowid'}`).all();
  }
  return dump;
}

/** An app with a profile, a case for KNOWN_NAME (plan agreed) and a second case; paths of its files. */
export function appWithRecords() {
  const app = appWithPlan('2026-11-22');
  app.ok('cases:open', openCaseArgs(app.profile.id, { caseRef: 'RIO-2002', name: KNOWN_NAME, nhsNumber: null }));
  const dbPath = app.services.db.name;
  return { ...app, dbPath, backupDir: join(dbPath, '..', 'backups') };
}
