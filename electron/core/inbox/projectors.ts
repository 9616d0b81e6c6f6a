/**
 * Per-kind projections of received records, kept incrementally inside the transaction that
 * applies a bundle (the hub must stay fast with ten years of every member's history: totals are
 * maintained, never recomputed). A projector sees each change with the record's previous state,
 * so it can subtract what an update or a delete takes away. Later issues add theirs here.
 *
 * A projector opens a session per bundle: it may accumulate in memory and write once in
 * close(), still inside the bundle's transaction (a million usage events touch a few hundred
 * service × month totals, not a million rows).
 */
import type Database from 'better-sqlite3';
import { HUB_PROJECTORS } from '../hub/projectors/index';
import { GOV_PROJECTORS } from '../governance/gov-projectors';

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

export interface ProjectorSession {
  project(change: RecordChange): void;
  /** Writes what was accumulated; runs inside the bundle's transaction. */
  close(): void;
}

export interface Projector {
  kind: string;
  open(db: Database.Database): ProjectorSession;
  /**
   * Forgets everything projected from one owner's records (a fork accepted by the operator:
   * electron/core/forks/ then replays that owner's remaining events in order). A projector
   * without reset must be invertible: the rewind feeds it each removed event backwards.
   */
  reset?(db: Database.Database, owner: string): void;
}

/** Usage per service × member × month (the hub's main aggregate): table received_usage_monthly. */
export const usageMonthlyProjector: Projector = {
  kind: 'usage',
  open(db) {
    const totals = new Map<string, { owner: string; service: string; month: string; q: number; n: number }>();
    const add = (owner: string, data: Record<string, unknown>, sign: 1 | -1) => {
      const service = String(data.service);
      const month = String(data.date).slice(0, 7);
      const key = `${owner}\u0000${service}\u0000${month}`;
      let t = totals.get(key);
      if (!t) totals.set(key, (t = { owner, service, month, q: 0, n: 0 }));
      t.q += sign * Number(data.quantity_milli);
      t.n += sign;
    };
    return {
      project(change) {
        if (change.previous) add(change.owner, change.previous, -1);
        if (change.data) add(change.owner, change.data, 1);
      },
      close() {
        const upsert = db.prepare(
          `INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (owner, service, month) DO UPDATE SET quantity_milli = quantity_milli + excluded.quantity_milli, entries = entries + excluded.entries`,
        );
        const prune = db.prepare('DELETE FROM received_usage_monthly WHERE owner = ? AND service = ? AND month = ? AND entries = 0');
        for (const t of totals.values()) {
          if (t.q === 0 && t.n === 0) continue;
          upsert.run(t.owner, t.service, t.month, t.q, t.n);
          if (t.n < 0) prune.run(t.owner, t.service, t.month);
        }
        totals.clear();
      },
    };
  },
};

export const PROJECTORS: readonly Projector[] = [usageMonthlyProjector, ...HUB_PROJECTORS, ...GOV_PROJECTORS];
