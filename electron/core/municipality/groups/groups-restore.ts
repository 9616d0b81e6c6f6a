/**
 * Re-materializes local groups, memberships and meetings from our own recovered events
 * (recovery/recovery-apply.ts). The statements are groups-service's own upserts (kept there
 * inline, so repeated here column for column).
 */
import type Database from 'better-sqlite3';
import type { GroupMeetingData, GroupMembershipData, LocalGroupData } from '../../../../shared/records/groups';
import { stmt } from '../../platform/store/statements';
import type { RecoveredEvent } from '../../platform/records/recovered-event';

export function restoreLocalGroupFromEvent(db: Database.Database, ev: RecoveredEvent<LocalGroupData>): void {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, "DELETE FROM thematic_groups WHERE id = ? AND source = 'local'").run(ev.id);
    return;
  }
  const d = ev.data;
  stmt(
    db,
    `INSERT INTO thematic_groups (id, name, description, source, updated_by, created_at, updated_at) VALUES (?, ?, ?, 'local', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(ev.id, d.name, d.description, d.updated_by, ev.at, ev.at);
}

export function restoreMembershipFromEvent(db: Database.Database, ev: RecoveredEvent<GroupMembershipData>): void {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, 'DELETE FROM group_memberships WHERE id = ?').run(ev.id);
    return;
  }
  const d = ev.data;
  stmt(
    db,
    `INSERT INTO group_memberships (id, group_id, staff_id, since, until, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, staff_id = excluded.staff_id, since = excluded.since,
       until = excluded.until, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(ev.id, d.group_id, d.staff_id, d.since, d.until, d.updated_by, ev.at, ev.at);
}

export function restoreMeetingFromEvent(db: Database.Database, ev: RecoveredEvent<GroupMeetingData>): void {
  if (ev.op === 'delete' || !ev.data) {
    stmt(db, 'DELETE FROM group_meetings WHERE id = ?').run(ev.id);
    return;
  }
  const d = ev.data;
  stmt(
    db,
    `INSERT INTO group_meetings (id, group_id, date, hours_milli, topic, attendees, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, date = excluded.date, hours_milli = excluded.hours_milli, topic = excluded.topic,
       attendees = excluded.attendees, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(ev.id, d.group_id, d.date, d.hours_milli, d.topic, JSON.stringify(d.attendees), d.updated_by, ev.at, ev.at);
}
