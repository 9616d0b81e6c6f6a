import type { ParsedInput } from '../../../../shared/api/contract';
import type { HistoryVersion, RecordHistory } from '../../../../shared/domain/history';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';

/** Fields that say who and when, not what: a change of them alone is not "what changed". */
const BOOKKEEPING = new Set(['updated_by']);

/**
 * Every version of a record, read from the outbox (which holds each state exactly as it was
 * sent), with the top-level fields that changed from the version before.
 */
export function recordHistory(ctx: AppContext, input: ParsedInput<'history.get'>): RecordHistory {
  const rows = stmt(ctx.db, 'SELECT line FROM outbox WHERE kind = ? AND record_id = ? ORDER BY seq').pluck().all(input.kind, input.id) as Buffer[];
  let previous: Record<string, unknown> | null = null;
  const versions: HistoryVersion[] = rows.map((line) => {
    const e = JSON.parse(line.toString('utf8')) as { seq: number; at: string; op: 'put' | 'delete'; data?: Record<string, unknown> };
    const data = e.op === 'put' ? (e.data ?? {}) : null;
    const changed = data ? changedFields(previous, data) : [];
    previous = data;
    return { seq: e.seq, at: e.at, who: data && typeof data.updated_by === 'string' ? data.updated_by : null, op: e.op, data, changed };
  });
  return { kind: input.kind, id: input.id, versions };
}

export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(before?.[k]) !== JSON.stringify(after[k]));
}
