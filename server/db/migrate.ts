/**
 * Schema migrations (node-pg-migrate, plain SQL files in server/db/migrations/), run as the owner: the
 * role that owns every table. The API never migrates; it logs in as thrive_api (see 0001-tables.sql).
 * The migrations' own bookkeeping lives in the schema `thrive_migrations`, which thrive_api cannot use.
 */
import path from 'node:path';
import { runner } from 'node-pg-migrate';
import pg from 'pg';

/** Where the .sql files are: beside this file in the source tree, and copied beside the bundle in dist/server. */
export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

/** The schema version the newest migration records in server_meta. */
export const SCHEMA_VERSION = 4;

export interface MigrateOptions {
  direction?: 'up' | 'down';
  /** How many migrations to run (default: all pending up; one down). */
  count?: number;
  dir?: string;
  log?: (message: string) => void;
}

/** Applies pending migrations as the owner; returns the names of the ones run. */
export async function migrate(ownerUrl: string, options: MigrateOptions = {}): Promise<string[]> {
  const direction = options.direction ?? 'up';
  const ran = await runner({
    databaseUrl: ownerUrl,
    dir: options.dir ?? MIGRATIONS_DIR,
    direction,
    count: options.count ?? (direction === 'up' ? Infinity : 1),
    migrationsTable: 'pgmigrations',
    migrationsSchema: 'thrive_migrations',
    createMigrationsSchema: true,
    singleTransaction: true,
    checkOrder: true,
    log: options.log ?? (() => {}),
  });
  return ran.map((m) => m.name);
}

/**
 * Sets the password thrive_api logs in with (a deployment keeps it in THRIVE_DATABASE_URL). The role
 * is cluster-wide; the migrations create it without a password, so it cannot log in until this runs.
 */
export async function setApiPassword(ownerUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE thrive_api PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

/** A URL like `ownerUrl` but logging in as thrive_api with `password`. */
export function apiUrlFrom(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = 'thrive_api';
  url.password = password;
  return url.toString();
}
