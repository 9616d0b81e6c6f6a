import type Database from 'better-sqlite3';

/**
 * Seeded random writes to the monthly usage cells, as the usage projector, the demo and a fork's
 * rewind make them: an import (upsert), a correction that may move a cell to another month, the
 * deletion of a member's cells of a service. For the tests of the totals kept by triggers.
 */
export function cellChurn(db: Database.Database, seed: number, cells: { owners: readonly string[]; services: readonly string[]; months: readonly string[] }) {
  let state = seed;
  const rand = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
  const pick = <T>(xs: readonly T[]) => xs[rand(xs.length)]!;
  const upsert = db.prepare(
    `INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (owner, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries`,
  );
  const correct = db.prepare('UPDATE OR IGNORE received_usage_monthly SET quantity_milli = ?, month = ? WHERE owner = ? AND service = ? AND month = ?');
  const remove = db.prepare('DELETE FROM received_usage_monthly WHERE owner = ? AND service = ?');
  return {
    rand,
    pick,
    /** One member's write of the given kind. */
    write(kind: 'import' | 'correct' | 'delete', owner: string): void {
      if (kind === 'import') upsert.run(owner, pick(cells.services), pick(cells.months), 1000 * (1 + rand(50)), 1 + rand(3));
      else if (kind === 'correct') correct.run(1000 * rand(9), pick(cells.months), owner, pick(cells.services), pick(cells.months));
      else remove.run(owner, pick(cells.services));
    },
  };
}
