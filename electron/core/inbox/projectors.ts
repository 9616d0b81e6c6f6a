/**
 * Per-kind projections of received records, kept incrementally inside the transaction that
 * applies a bundle (the hub must stay fast with ten years of every member's history: totals are
 * maintained, never recomputed). A projector sees each change with the record's previous state,
 * so it can subtract what an update or a delete takes away. Later issues add theirs here.
 */
import type Database from 'better-sqlite3';

export interface RecordChange {
  /** The owning installation's id (a municipality's ISTAT code, or the hub's id). */
  owner: string;
  kind: string;
  id: string;
  op: 'put' | 'delete';
  seq: number;
  /** The new state (put) or null (delete). */
  data: Record<string, unknown> | null;
  /** The state before this event, or null if the record did not exist or was deleted. */
  previous: Record<string, unknown> | null;
}

export interface Projector {
  kind: string;
  project(db: Database.Database, change: RecordChange): void;
}

const statements = new WeakMap<Database.Database, Database.Statement>();

function addMonthly(db: Database.Database, owner: string, data: Record<string, unknown>, sign: 1 | -1): void {
  let st = statements.get(db);
  if (!st) {
    st = db.prepare(
      `INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (owner, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries`,
    );
    statements.set(db, st);
  }
  const date = String(data.date);
  st.run(owner, String(data.service), date.slice(0, 7), sign * Number(data.quantity_milli), sign);
}

/** Usage per service × member × month (the hub's main aggregate). */
export const usageMonthlyProjector: Projector = {
  kind: 'usage',
  project(db, change) {
    if (change.previous) addMonthly(db, change.owner, change.previous, -1);
    if (change.data) addMonthly(db, change.owner, change.data, 1);
  },
};

export const PROJECTORS: readonly Projector[] = [usageMonthlyProjector];

export function projectorsByKind(list: readonly Projector[] = PROJECTORS): Map<string, Projector[]> {
  const map = new Map<string, Projector[]>();
  for (const p of list) map.set(p.kind, [...(map.get(p.kind) ?? []), p]);
  return map;
}
