/**
 * A hub announcement: one record per hub of a given kind that carries one value to every member
 * (the mailbox's address, the Technical Committee's coordinator). The outbox is the truth of what
 * was announced, so nothing else is kept. Its id is random (UUIDv7) and then the same for ever:
 * a member cannot guess it and take it first (record ids are unique across installations,
 * outbox.ts), which a derived id would allow.
 */
import type { z } from 'zod';
import type { RecordKind } from '../../../../shared/records/registry';
import type { AppContext } from '../../platform/context';
import { readInstallation } from '../../platform/installation/installation-store';
import { stmt } from '../../platform/store/statements';
import { deleteRecord, putRecord } from './record-events';

/** The hub's last announcement of `kind`: its record id, and its data (null once deleted). */
export function lastAnnouncement<S extends z.ZodType>(ctx: AppContext, kind: RecordKind<S>): { id: string; data: z.output<S> | null } | null {
  const row = stmt(ctx.db, 'SELECT record_id, op, line FROM outbox WHERE kind = ? ORDER BY seq DESC LIMIT 1').get(kind.kind) as
    | { record_id: string; op: 'put' | 'delete'; line: Buffer }
    | undefined;
  if (!row) return null;
  const data = row.op === 'put' ? (JSON.parse(row.line.toString('utf8')) as { data: z.output<S> }).data : null;
  return { id: row.record_id, data };
}

/**
 * Hub only (a municipality writes nothing): the record follows the value. A put when it is new or
 * changed (`same` compares what matters, not who saved it), a delete when it is removed, nothing
 * when it is the same: a repeated save sends no event to 300 members.
 */
export function announce<S extends z.ZodType>(ctx: AppContext, kind: RecordKind<S>, data: z.input<S> | null, same: (a: z.output<S>, b: z.input<S>) => boolean): void {
  if (readInstallation(ctx.db)?.role !== 'hub') return;
  const last = lastAnnouncement(ctx, kind);
  if (data === null) {
    if (last?.data) deleteRecord(ctx, kind, last.id);
    return;
  }
  if (last?.data && same(last.data, data)) return;
  putRecord(ctx, kind, last?.id ?? ctx.ids.uuid(), data);
}
