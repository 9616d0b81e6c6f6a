import type Database from 'better-sqlite3';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement, prepared once per connection: the hot paths (recording usage, bulk
 * imports, the demo) run the same few statements many times.
 */
export function stmt(db: Database.Database, sql: string): Database.Statement {
  let byDb = cache.get(db);
  if (!byDb) cache.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) byDb.set(sql, (s = db.prepare(sql)));
  return s;
}

const transactions = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * `db.transaction(fn)`, built once per connection and name: building it on every call costs
 * more than a small write itself. `fn` must take everything it needs as arguments.
 */
export function cachedTransaction<A extends unknown[], R>(db: Database.Database, name: string, fn: (...args: A) => R): Database.Transaction<(...args: A) => R> {
  let byDb = transactions.get(db);
  if (!byDb) transactions.set(db, (byDb = new Map()));
  let tx = byDb.get(name) as Database.Transaction<(...args: A) => R> | undefined;
  if (!tx) byDb.set(name, (tx = db.transaction(fn)));
  return tx;
}
