/**
 * Every API query runs inside withPerson: one transaction on the thrive_api pool with the signed-in
 * person set for that transaction only (set_config(..., true)), which is what the row-level security
 * policies (server/db/migrations/0002-row-security.sql) read. A connection handed back to the pool
 * therefore never carries one person's identity into another request.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export type Db = pg.PoolClient;

const names = new Map<string, string>();

/**
 * A query as a named prepared statement: PostgreSQL parses and plans it once per connection and then
 * reuses the plan, where an unnamed one is planned again on every request (most of an empty pull's
 * time in the server). Named by the hash of its text, so the same text is always the same statement.
 */
export function prepared(text: string, values: unknown[] = []): pg.QueryConfig {
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `thrive_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`));
  return { name, text, values };
}

/** The API's pool, logged in as thrive_api. An idle connection dropped by a restart must not crash us. */
export function createApiPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {
    // An idle client lost its connection (PostgreSQL restarted): the pool discards it; the next query
    // opens a fresh one, and a request in flight fails with its own error (answered 503).
  });
  return pool;
}

export async function withPerson<T>(pool: pg.Pool, personId: string | null, fn: (db: Db) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: unknown;
  // A connection cut while checked out (PostgreSQL restarting) emits 'error' between our queries; the
  // pool only listens while the client is idle. The failed query or ROLLBACK reports it to the caller.
  const onLost = (error: Error) => {
    broken = error;
  };
  client.on('error', onLost);
  try {
    // One round trip for both (a simple query may hold two statements, but no parameters: the id is
    // quoted by the driver). Each round trip is a fifth of an empty pull's time in the database.
    await client.query(`BEGIN; SELECT set_config('thrive.person_id', ${client.escapeLiteral(personId ?? '')}, true)`);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError;
    }
    throw error;
  } finally {
    client.off('error', onLost);
    // A client whose connection was lost or whose ROLLBACK failed is in an unknown state: destroy it.
    client.release(broken instanceof Error ? broken : undefined);
  }
}
