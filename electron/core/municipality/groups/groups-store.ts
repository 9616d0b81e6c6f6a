import type Database from 'better-sqlite3';
import type { Group, GroupMember, Meeting } from '../../../../shared/domain/groups';
import { formatMilli } from '../../../../shared/domain/quantity';
import { stmt } from '../../platform/store/statements';

interface GroupRow {
  id: string;
  name: string;
  description: string;
  source: 'local' | 'hub';
  updated_by: string;
  updated_at: string;
  meetings: number;
}

function membersOf(db: Database.Database, groupId: string): GroupMember[] {
  return stmt(
    db,
    `SELECT m.id AS membershipId, m.staff_id AS staffId, s.code, s.display_name AS displayName, m.since, m.until
     FROM group_memberships m JOIN staff s ON s.id = m.staff_id WHERE m.group_id = ? ORDER BY s.code`,
  ).all(groupId) as GroupMember[];
}

const GROUP_SELECT = `SELECT g.*, (SELECT count(*) FROM group_meetings x WHERE x.group_id = g.id) AS meetings FROM thematic_groups g`;

function toGroup(db: Database.Database, r: GroupRow): Group {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    source: r.source,
    members: membersOf(db, r.id).map((m) => ({ ...m, displayName: m.displayName || null })),
    meetings: r.meetings,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function getGroup(db: Database.Database, id: string): Group | undefined {
  const r = stmt(db, `${GROUP_SELECT} WHERE g.id = ?`).get(id) as GroupRow | undefined;
  return r && toGroup(db, r);
}

export function listGroups(db: Database.Database): Group[] {
  return (stmt(db, `${GROUP_SELECT} ORDER BY g.name COLLATE NOCASE`).all() as GroupRow[]).map((r) => toGroup(db, r));
}

interface MeetingRow {
  id: string;
  group_id: string;
  group_name: string;
  date: string;
  hours_milli: number;
  topic: string;
  attendees: string;
  updated_by: string;
  updated_at: string;
}

const MEETING_SELECT = `SELECT x.*, g.name AS group_name FROM group_meetings x JOIN thematic_groups g ON g.id = x.group_id`;

function toMeeting(db: Database.Database, r: MeetingRow): Meeting {
  const ids = JSON.parse(r.attendees) as string[];
  const attendees = ids.map((staffId) => {
    const s = stmt(db, 'SELECT code, display_name FROM staff WHERE id = ?').get(staffId) as { code: string; display_name: string | null } | undefined;
    return { staffId, code: s?.code ?? '?', displayName: s?.display_name || null };
  });
  return {
    id: r.id,
    groupId: r.group_id,
    groupName: r.group_name,
    date: r.date,
    hours: formatMilli(r.hours_milli),
    hoursMilli: r.hours_milli,
    topic: r.topic,
    attendees,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
}

export function getMeeting(db: Database.Database, id: string): Meeting | undefined {
  const r = stmt(db, `${MEETING_SELECT} WHERE x.id = ?`).get(id) as MeetingRow | undefined;
  return r && toMeeting(db, r);
}

export function listMeetings(db: Database.Database, f: { groupId?: string; year?: number }): Meeting[] {
  const rows = stmt(
    db,
    `${MEETING_SELECT} WHERE (@group IS NULL OR x.group_id = @group) AND (@year IS NULL OR substr(x.date, 1, 4) = @year) ORDER BY x.date DESC`,
  ).all({ group: f.groupId ?? null, year: f.year === undefined ? null : String(f.year) }) as MeetingRow[];
  return rows.map((r) => toMeeting(db, r));
}
