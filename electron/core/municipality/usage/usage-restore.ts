/**
 * Re-materializes a usage entry from one of our own events recovered from the hub (a restore
 * from an old backup, recovery/recovery-apply.ts): the same row, text index and totals as
 * usage-service's writes, with the event's time. Runs in the recovery's transaction; writes no event.
 */
import type Database from 'better-sqlite3';
import type { UsageData } from '../../../../shared/records/usage';
import type { RecoveredEvent } from '../../platform/records/recovered-event';
import { deleteUsageRow, getUsageRow, insertUsageRow, updateUsageRow } from './usage-store';

export function restoreUsageFromEvent(db: Database.Database, ev: RecoveredEvent<UsageData>): void {
  const old = getUsageRow(db, ev.id);
  if (ev.op === 'delete' || !ev.data) {
    if (old) deleteUsageRow(db, old);
    return;
  }
  if (old) updateUsageRow(db, old, ev.data, ev.at);
  else insertUsageRow(db, ev.id, ev.data, ev.at);
}
