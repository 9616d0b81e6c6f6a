/**
 * The municipality's own designation (issue 15): one row, the names kept here whatever leaves.
 */
import type Database from 'better-sqlite3';
import type { DesignationData } from '../../../../shared/records/committee';
import type { RecoveredEvent } from '../../platform/records/recovered-event';
import { stmt } from '../../platform/store/statements';

export interface DesignationRow {
  id: string;
  technician_name: string;
  substitute_name: string;
  data: string;
  updated_at: string;
}

export function readDesignationRow(db: Database.Database): DesignationRow | undefined {
  return stmt(db, 'SELECT id, technician_name, substitute_name, data, updated_at FROM designations ORDER BY updated_at DESC LIMIT 1').get() as DesignationRow | undefined;
}

export function writeDesignationRow(db: Database.Database, id: string, names: { technician: string; substitute: string }, d: DesignationData, at: string): void {
  stmt(
    db,
    `INSERT INTO designations (id, technician_name, substitute_name, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET technician_name = excluded.technician_name, substitute_name = excluded.substitute_name, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(id, names.technician, names.substitute, JSON.stringify(d), at, at);
}

/**
 * Re-materializes our designation from our own recovered event. With names not shared the event
 * has none: the names this installation still holds stay, else the clerk types them again.
 */
export function restoreDesignationFromEvent(db: Database.Database, ev: RecoveredEvent<DesignationData>): void {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, 'DELETE FROM designations WHERE id = ?').run(ev.id);
    return;
  }
  const held = stmt(db, 'SELECT technician_name, substitute_name FROM designations WHERE id = ?').get(ev.id) as { technician_name: string; substitute_name: string } | undefined;
  const names = {
    technician: ev.data.technician.display_name ?? held?.technician_name ?? '',
    substitute: ev.data.substitute ? (ev.data.substitute.display_name ?? held?.substitute_name ?? '') : '',
  };
  writeDesignationRow(db, ev.id, names, ev.data, ev.at);
}
