import type Database from 'better-sqlite3';
import type { TestBackend } from './backend';

/**
 * The SQL a call prepares, to read its query plans (statements are cached per connection: a
 * fresh backend shows all, a used one only those not seen yet).
 */
export async function preparedBy(t: TestBackend, call: () => Promise<unknown>): Promise<string[]> {
  const db = t.backend.ctx.db;
  const seen: string[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push(sql);
    return original(sql);
  }) as Database.Database['prepare'];
  try {
    await call();
  } finally {
    db.prepare = original as Database.Database['prepare'];
  }
  return seen;
}
