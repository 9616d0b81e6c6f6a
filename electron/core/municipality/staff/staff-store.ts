import type Database from 'better-sqlite3';
import type { StaffMember } from '../../../../shared/domain/staff';
import type { StaffData } from '../../../../shared/records/staff';
import { stmt } from '../../platform/store/statements';

export interface StaffRow {
  id: string;
  code: string;
  display_name: string | null;
  role: string;
  office: string;
  active: number;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export function toStaffMember(r: StaffRow): StaffMember {
  return {
    id: r.id,
    code: r.code,
    displayName: r.display_name || null,
    role: r.role,
    office: r.office,
    active: r.active === 1,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function getStaffRow(db: Database.Database, id: string): StaffRow | undefined {
  return stmt(db, 'SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
}

export function findStaffByCode(db: Database.Database, code: string): StaffRow | undefined {
  return stmt(db, 'SELECT * FROM staff WHERE code = ?').get(code) as StaffRow | undefined;
}

export function allStaffRows(db: Database.Database): StaffRow[] {
  return stmt(db, 'SELECT * FROM staff ORDER BY code').all() as StaffRow[];
}

/** The local row keeps the display name whatever the sharing setting. */
export function upsertStaffRow(db: Database.Database, id: string, displayName: string, d: Omit<StaffData, 'display_name'>, at: string): void {
  stmt(
    db,
    `INSERT INTO staff (id, code, display_name, role, office, active, updated_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, display_name = excluded.display_name, role = excluded.role,
       office = excluded.office, active = excluded.active, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.code, displayName || null, d.role, d.office, d.active ? 1 : 0, d.updated_by, at, at);
}

/** Pseudonymous codes handed out automatically: P-001, P-002… after the highest in use. */
export function nextStaffCode(db: Database.Database): string {
  const codes = stmt(db, "SELECT code FROM staff WHERE code LIKE 'P-%'").pluck().all() as string[];
  const max = codes.reduce((m, c) => Math.max(m, /^P-(\d{1,6})$/i.test(c) ? Number(c.slice(2)) : 0), 0);
  return `P-${String(max + 1).padStart(3, '0')}`;
}

export function staffReferences(db: Database.Database, id: string): number {
  return (
    (stmt(db, 'SELECT count(*) FROM participations WHERE staff_id = ?').pluck().get(id) as number) +
    (stmt(db, 'SELECT count(*) FROM group_memberships WHERE staff_id = ?').pluck().get(id) as number)
  );
}
