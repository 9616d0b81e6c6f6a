/**
 * Usage per service × member × month (the hub's main aggregate): table received_usage_monthly,
 * kept incrementally while members' bundles are applied.
 */
import type { Projector, UsageFigures } from '../../platform/records/projector';

function usageFigures(data: Record<string, unknown>): UsageFigures {
  return { service: String(data.service), month: String(data.date).slice(0, 7), quantityMilli: Number(data.quantity_milli) };
}

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
