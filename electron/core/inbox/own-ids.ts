/**
 * This installation's own record ids, for step 12's ownership rule: a record's identity is
 * (owner, id), and ids are unique across installations, so a received event whose id is one of
 * ours is E_OWNERSHIP (see apply-batch.ts). Our records are exactly those with an event in the
 * outbox.
 *
 * Two ways to answer, both exact, chosen by size: when our outbox is small next to the bundle
 * (the hub importing a member's year: thousands of own events against a million received) the
 * ids are loaded once into a Set (~50 ns a lookup); otherwise (a municipality with years of
 * usage receiving a small hub bundle) each received id is probed in the outbox's
 * (kind, record_id) index, once per kind we could have written.
 */
import type Database from 'better-sqlite3';
import { RECORD_KINDS } from '../../../shared/records/kinds';

export interface OwnIds {
  has(id: string): boolean;
}

const NONE: OwnIds = { has: () => false };

export function ownIdsFor(db: Database.Database, incomingEvents: number): OwnIds {
  const ownEvents = (db.prepare('SELECT max(seq) FROM outbox').pluck().get() as number | null) ?? 0;
  if (ownEvents === 0) return NONE;
  if (ownEvents <= Math.max(10_000, incomingEvents * 4)) {
    const ids = new Set(db.prepare('SELECT DISTINCT record_id FROM outbox').pluck().all() as string[]);
    return { has: (id) => ids.has(id) };
  }
  const kinds = RECORD_KINDS.map((k) => k.kind);
  const probe = db.prepare(`SELECT 1 FROM outbox WHERE kind IN (${kinds.map(() => '?').join(', ')}) AND record_id = ? LIMIT 1`).pluck();
  return { has: (id) => probe.get(...kinds, id) !== undefined };
}
