/**
 * Re-materializes a staff member from one of our own recovered events (recovery/recovery-apply.ts).
 * Privacy: with name sharing off (the default) the event carries no name, so the name is the
 * one this (restored) installation still has for that person, else none: the clerk retypes it.
 */
import type Database from 'better-sqlite3';
import type { StaffData } from '../../../../shared/records/staff';
import { stmt } from '../../platform/store/statements';
import type { RecoveredEvent } from '../../platform/records/recovered-event';
import { getStaffRow, upsertStaffRow } from './staff-store';

export function restoreStaffFromEvent(db: Database.Database, ev: RecoveredEvent<StaffData>): void {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, 'DELETE FROM staff WHERE id = ?').run(ev.id);
    return;
  }
  const displayName = ev.data.display_name ?? getStaffRow(db, ev.id)?.display_name ?? '';
  upsertStaffRow(db, ev.id, displayName, ev.data, ev.at);
}
