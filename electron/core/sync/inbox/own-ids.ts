/**
 * This installation's own record ids, for step 12's ownership rule: a record's identity is
 * (owner, id), and ids are unique across installations, so a received event whose id is one of
 * ours is E_OWNERSHIP (see apply-batch.ts). Our records are exactly those with an event in the
 * outbox.
 *
 * Two ways to answer, both exact, chosen by size: when our outbox is small (at most 10,000
 * events, or next to the bundle: the hub importing a member's year, thousands of own events
 * against a million received) the ids are loaded once into a Set (~50 ns a lookup); otherwise
 * (a municipality with years of usage receiving a small hub bundle) each received id is probed in the outbox's
 * (kind, record_id) index, once per kind present there (a few: measured ~0.3 µs a kind).
 */
import type Database from 'better-sqlite3';

export interface OwnIds {
  has(id: string): boolean;
}

const NONE: OwnIds = { has: () => false };

export function ownIdsFor(db: Database.Database, incomingEvents: number): OwnIds {
  const ownEvents = (db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
  if (ownEvents === 0) return NONE;
  // The set is bounded (≤ 200,000 ids, ~20 MB) whatever the bundle: peak memory stays flat.
  if (ownEvents <= 10_000 || (ownEvents <= 200_000 && ownEvents <= incomingEvents * 4)) {
    const ids = new Set(db.prepare('SELECT DISTINCT record_id FROM outbox').pluck().all() as string[]);
    return { has: (id) => ids.has(id) };
  }
  // The kinds actually in our outbox, by skip-scan of its (kind, record_id, seq) index: one
  // seek per kind, not a scan of the outbox.
  const kinds = db
    .prepare(
      `WITH RECURSIVE k(kind) AS (SELECT min(kind) FROM outbox UNION ALL SELECT (SELECT min(kind) FROM outbox WHERE kind > k.kind) FROM k WHERE k.kind IS NOT NULL)
       SELECT kind FROM k WHERE kind IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
  const probe = db.prepare(`SELECT 1 FROM outbox WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND record_id = ? LIMIT 1`).pluck();
  return { has: (id) => probe.get(...kinds, id) !== undefined };
}
