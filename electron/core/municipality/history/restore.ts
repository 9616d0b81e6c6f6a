import type { ParsedInput } from '../../../../shared/api/contract';
import type { DeletedRecord, DeletedRecords, RestoredRecord } from '../../../../shared/domain/history';
import { findRecordKind } from '../../../../shared/records/kinds';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import type { RecoveredEvent } from '../../platform/records/recovered-event';
import { stmt } from '../../platform/store/statements';
import { operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';

/**
 * Deleting is an event (`op: delete`) and so is restoring: "Ripristina" appends a `put` with the
 * data the record had before its deletion, through putRecord like any edit, so it gets the
 * next seq of our stream, travels in the next bundle and the consortium sees the record alive
 * again (its projectors take a put after a delete as a new record). The local row is rebuilt
 * by the kind's restorer, the same function that rebuilds our records after a recovery: one
 * place per kind knows its row, text index and totals.
 */

interface DeletionRow {
  seq: number;
  at: string;
  kind: string;
  record_id: string;
}

/**
 * The latest deletions still in effect (a record restored and not deleted again drops out), read
 * through the partial index of deletions (migration 014), never a scan of the whole log.
 */
export function listDeleted(ctx: AppContext, input: ParsedInput<'history.deleted'>): DeletedRecords {
  const restorable = ctx.records.restorers;
  const rows = stmt(
    ctx.db,
    `SELECT o.seq, o.at, o.kind, o.record_id FROM outbox o INDEXED BY outbox_deletions
     WHERE o.op = 'delete' AND o.seq < @before AND (@kind IS NULL OR o.kind = @kind)
       AND o.seq = (SELECT max(l.seq) FROM outbox l WHERE l.kind = o.kind AND l.record_id = o.record_id)
     ORDER BY o.seq DESC LIMIT @limit`,
  ).all({ before: input.before ?? Number.MAX_SAFE_INTEGER, kind: input.kind ?? null, limit: input.limit + 1 }) as DeletionRow[];
  const items: DeletedRecord[] = [];
  for (const r of rows.slice(0, input.limit)) {
    if (!restorable[r.kind]) continue;
    const data = lastPutData(ctx, r.kind, r.record_id);
    if (data) items.push({ kind: r.kind, id: r.record_id, seq: r.seq, deletedAt: r.at, data });
  }
  return { items, more: rows.length > input.limit };
}

export function restoreDeleted(ctx: AppContext, input: ParsedInput<'history.restore'>): RestoredRecord {
  requireMunicipality(ctx);
  const kind = findRecordKind(input.kind);
  const restore = ctx.records.restorers[input.kind];
  if (!kind || kind.owner !== 'municipality' || !restore) throw appError('history.restoreKind', {}, { field: 'kind' });
  return ctx.db.transaction(() => {
    const latest = stmt(ctx.db, 'SELECT op FROM outbox WHERE kind = ? AND record_id = ? ORDER BY seq DESC LIMIT 1').pluck().get(kind.kind, input.id) as string | undefined;
    if (latest === undefined) throw appError('history.restoreNotFound', { id: input.id.slice(0, 64) });
    if (latest !== 'delete') throw appError('history.restoreNotDeleted');
    const before = lastPutData(ctx, kind.kind, input.id);
    if (!before) throw appError('history.restoreNotFound', { id: input.id.slice(0, 64) });
    // The data as it was, signed by who restores it (history shows who brought it back).
    const data = putRecord(ctx, kind, input.id, { ...before, updated_by: operatorName(ctx) }) as Record<string, unknown>;
    const seq = stmt(ctx.db, 'SELECT max(seq) FROM outbox').pluck().get() as number;
    const event: RecoveredEvent = { seq, at: ctx.clock.now(), kind: kind.kind, op: 'put', id: input.id, data };
    try {
      restore(ctx.db, ctx.dataDir, event as RecoveredEvent<never>);
    } catch (e) {
      // The whole restore (event included) is rolled back; say what stands in the way.
      throw constraintRefusal(e) ?? e;
    }
    return { kind: kind.kind, id: input.id, seq, nameToRetype: kind.kind === 'staff' && !data.display_name };
  })();
}

function lastPutData(ctx: AppContext, kind: string, id: string): Record<string, unknown> | null {
  const line = stmt(ctx.db, "SELECT line FROM outbox WHERE kind = ? AND record_id = ? AND op = 'put' ORDER BY seq DESC LIMIT 1").pluck().get(kind, id) as Buffer | undefined;
  if (!line) return null;
  return (JSON.parse(line.toString('utf8')) as { data?: Record<string, unknown> }).data ?? null;
}

/**
 * The rows' own constraints say what a restore would break: a reference to a person, course,
 * group or service deleted since (FOREIGN KEY), or an equal record entered since (UNIQUE: a
 * person's code, a person already in the course).
 */
function constraintRefusal(e: unknown): Error | null {
  const code = (e as { code?: unknown }).code;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return appError('history.restoreNeedsOther');
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return appError('history.restoreClash');
  return null;
}
