/**
 * The `hub_*` tables, on both roles: the hub writes them with its own records (in the
 * transaction of the change's event), a municipality writes them while applying a hub bundle.
 * On a municipality the hub's records are also mirrored into the tables its screens already
 * read (`services`, `courses`, `thematic_groups`, `members`), so the catalogue, the training
 * and the groups screens show them with no change of their own.
 */
import type Database from 'better-sqlite3';
import { UNITS } from '../../../../shared/records/catalogue';
import type { HubServiceData } from '../../../../shared/records/hub-catalogue';
import type { ThematicGroupData } from '../../../../shared/records/hub-groups';
import type { MemberData } from '../../../../shared/records/hub-members';
import type { OfferedCourseData } from '../../../../shared/records/hub-training';
import { stmt } from '../../platform/store/statements';

/** Whether the municipality's own screens should see the record too (true on a municipality). */
export type Mirror = boolean;

const usedByUsage = (db: Database.Database, code: string) => stmt(db, 'SELECT 1 FROM usage WHERE service = ? LIMIT 1').get(code) !== undefined;

export function writeService(db: Database.Database, id: string, d: HubServiceData, at: string): void {
  stmt(
    db,
    `INSERT INTO hub_services (id, code, position, active, data, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, position = excluded.position, active = excluded.active,
       data = excluded.data, updated_at = excluded.updated_at`,
  ).run(id, d.code, d.position, d.active ? 1 : 0, JSON.stringify(d), at);
  // The catalogue every screen reads: the hub's service replaces the provisional one with the
  // same code (entries recorded against that code keep working). A retired service leaves
  // the list unless entries refer to it.
  if (d.active || usedByUsage(db, d.code)) {
    const unit = UNITS[d.unit];
    stmt(
      db,
      `INSERT INTO services (code, name_it, name_en, category, unit, unit_it, unit_en, decimals, source, position)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'hub', ?)
       ON CONFLICT (code) DO UPDATE SET name_it = excluded.name_it, name_en = excluded.name_en, category = excluded.category,
         unit = excluded.unit, unit_it = excluded.unit_it, unit_en = excluded.unit_en, decimals = excluded.decimals,
         source = 'hub', position = excluded.position`,
    ).run(d.code, d.name_it, d.name_en, d.category, d.unit, unit.it, unit.en, d.decimals ? 1 : 0, d.position);
  } else {
    stmt(db, 'DELETE FROM services WHERE code = ?').run(d.code);
  }
}

export function removeService(db: Database.Database, id: string): void {
  const code = stmt(db, 'SELECT code FROM hub_services WHERE id = ?').pluck().get(id) as string | undefined;
  stmt(db, 'DELETE FROM hub_services WHERE id = ?').run(id);
  if (code !== undefined && !usedByUsage(db, code)) stmt(db, 'DELETE FROM services WHERE code = ?').run(code);
}

/**
 * Once the hub's catalogue is here it replaces the provisional one: provisional services the
 * hub does not list leave the catalogue, unless entries were recorded against them (those
 * stay, still marked provisional, so their history keeps its names and units).
 */
export function dropProvisionalServices(db: Database.Database): void {
  if (!stmt(db, 'SELECT 1 FROM hub_services LIMIT 1').get()) return;
  stmt(db, "DELETE FROM services WHERE source = 'provisional' AND NOT EXISTS (SELECT 1 FROM usage u WHERE u.service = services.code)").run();
}

export function writeCourse(db: Database.Database, id: string, d: OfferedCourseData, at: string, mirror: Mirror): void {
  stmt(
    db,
    `INSERT INTO hub_courses (id, start_date, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET start_date = excluded.start_date, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(id, d.start_date, JSON.stringify(d), at);
  if (!mirror) return;
  // Among the municipality's courses, flagged as the consortium's: participations refer to it.
  stmt(
    db,
    `INSERT INTO courses (id, title, area, start_date, end_date, hours_milli, mode, provider, consortium, updated_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, area = excluded.area, start_date = excluded.start_date,
       end_date = excluded.end_date, hours_milli = excluded.hours_milli, mode = excluded.mode, provider = excluded.provider,
       consortium = 1, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.title, d.area, d.start_date, d.end_date, d.hours_milli, d.mode, d.provider, d.updated_by, at, at);
}

export function removeCourse(db: Database.Database, id: string, mirror: Mirror): void {
  stmt(db, 'DELETE FROM hub_courses WHERE id = ?').run(id);
  // Kept while participations refer to it: the staff's training history stays whole.
  if (mirror) stmt(db, 'DELETE FROM courses WHERE id = ? AND NOT EXISTS (SELECT 1 FROM participations p WHERE p.course_id = ?)').run(id, id);
}

export function isHubCourse(db: Database.Database, id: string): boolean {
  return stmt(db, 'SELECT 1 FROM hub_courses WHERE id = ?').get(id) !== undefined;
}

export function writeGroup(db: Database.Database, id: string, d: ThematicGroupData, at: string, mirror: Mirror): void {
  stmt(
    db,
    `INSERT INTO hub_groups (id, name, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(id, d.name, JSON.stringify(d), at);
  if (!mirror) return;
  stmt(
    db,
    `INSERT INTO thematic_groups (id, name, description, source, updated_by, created_at, updated_at) VALUES (?, ?, ?, 'hub', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, source = 'hub',
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.name, d.description, d.updated_by, at, at);
}

export function removeGroup(db: Database.Database, id: string, mirror: Mirror): void {
  stmt(db, 'DELETE FROM hub_groups WHERE id = ?').run(id);
  if (mirror) {
    stmt(
      db,
      `DELETE FROM thematic_groups WHERE id = ? AND NOT EXISTS (SELECT 1 FROM group_memberships m WHERE m.group_id = ?)
       AND NOT EXISTS (SELECT 1 FROM group_meetings g WHERE g.group_id = ?)`,
    ).run(id, id, id);
  }
}

/**
 * The registry: the hub's own `members` rows (edited there), or the public part received by a
 * municipality (status 'confirmed' there: a municipality does not know the hub's enrolment).
 */
export function writeMember(db: Database.Database, id: string, d: MemberData, at: string): void {
  stmt(
    db,
    `INSERT INTO members (istat, name, province, population, population_year, status, added_at, record_id, membership, member_since, updated_at)
     VALUES (?, ?, ?, ?, ?, 'confirmed', ?, ?, ?, ?, ?)
     ON CONFLICT (istat) DO UPDATE SET name = excluded.name, province = excluded.province, population = excluded.population,
       population_year = excluded.population_year, record_id = excluded.record_id, membership = excluded.membership,
       member_since = excluded.member_since, updated_at = excluded.updated_at`,
  ).run(d.istat, d.name, d.province, d.population, d.population_year, at, id, d.status, d.member_since, at);
}

export function removeMember(db: Database.Database, id: string): void {
  stmt(db, 'DELETE FROM members WHERE record_id = ?').run(id);
}
