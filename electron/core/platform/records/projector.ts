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
import type { UsageFigures } from '../../format/bundle/pre-read';
import { HUB_PROJECTORS } from '../../hub/hub-projectors';
import { GOV_PROJECTORS } from '../../governance/gov-projectors';

export interface RecordChange {
  /** The owning installation's id (a municipality's ISTAT code, or the hub's id). */
  owner: string;
  kind: string;
  id: string;
  op: 'put' | 'delete';
  seq: number;
  /** The new state (put) or null (delete); may be parsed from the line only when read. */
  readonly data: Record<string, unknown> | null;
  /** The state before this event, or null if the record did not exist or was deleted. */
  previous: Record<string, unknown> | null;
  /**
   * A usage put's figures as the verifying worker read them (bundles/pre-read.ts), so the
   * usage totals need not parse a million lines again. Absent for other kinds and paths.
   */
  usage?: UsageFigures | null;
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
   * electron/core/sync/forks/ then replays that owner's remaining events in order). A projector
   * without reset must be invertible: the rewind feeds it each removed event backwards.
   */
  reset?(db: Database.Database, owner: string): void;
}

function usageFigures(data: Record<string, unknown>): UsageFigures {
  return { service: String(data.service), month: String(data.date).slice(0, 7), quantityMilli: Number(data.quantity_milli) };
}

/** Usage per service × member × month (the hub's main aggregate): table received_usage_monthly. */
export const usageMonthlyProjector: Projector = {
  kind: 'usage',
  open(db) {
    const totals = new Map<string, { owner: string; service: string; month: string; q: number; n: number }>();
    const add = (owner: string, f: UsageFigures, sign: 1 | -1) => {
      const key = `${owner}\u0000${f.service}\u0000${f.month}`;
      let t = totals.get(key);
      if (!t) totals.set(key, (t = { owner, service: f.service, month: f.month, q: 0, n: 0 }));
      t.q += sign * f.quantityMilli;
      t.n += sign;
    };
    return {
      project(change) {
        if (change.previous) add(change.owner, usageFigures(change.previous), -1);
        if (change.op === 'put') add(change.owner, change.usage ?? usageFigures(change.data as Record<string, unknown>), 1);
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
