import type { ParsedInput } from '../../../../shared/api/contract';
import type { Group, Meeting } from '../../../../shared/domain/groups';
import { parseMilli } from '../../../../shared/domain/quantity';
import { groupMeetingKind, groupMembershipKind, localGroupKind } from '../../../../shared/records/groups';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { checkRecordDate, deleteRecord, notFound, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { getStaffRow } from '../staff/staff-store';
import { getGroup, getMeeting } from './groups-store';

/** Until the hub sends its groups, the municipality names them locally (source 'local'). */
function putLocalGroup(ctx: AppContext, id: string, input: ParsedInput<'groups.create'>): Group {
  const existing = getGroup(ctx.db, id);
  if (existing && existing.source !== 'local') {
    throw appError('groups.hubGroupNoChange', {}, { field: 'id' });
  }
  const d = putRecord(ctx, localGroupKind, id, { name: input.name, description: input.description, updated_by: operatorName(ctx) });
  const at = ctx.clock.now();
  stmt(
    ctx.db,
    `INSERT INTO thematic_groups (id, name, description, source, updated_by, created_at, updated_at) VALUES (?, ?, ?, 'local', ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.name, d.description, d.updated_by, at, at);
  return getGroup(ctx.db, id)!;
}

export function createGroup(ctx: AppContext, input: ParsedInput<'groups.create'>): Group {
  requireMunicipality(ctx);
  const id = ctx.ids.uuid();
  return ctx.db.transaction(() => putLocalGroup(ctx, id, input))();
}

export function updateGroup(ctx: AppContext, input: ParsedInput<'groups.update'>): Group {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getGroup(ctx.db, input.id)) throw notFound('group', input.id);
    return putLocalGroup(ctx, input.id, input);
  })();
}

export function deleteGroup(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const g = getGroup(ctx.db, input.id);
    if (!g) throw notFound('group', input.id);
    if (g.source !== 'local') throw appError('groups.hubGroupNoDelete', {}, { field: 'id' });
    if (g.members.length > 0 || g.meetings > 0) {
      throw appError('groups.notEmpty', {}, { field: 'id' });
    }
    deleteRecord(ctx, localGroupKind, input.id);
    stmt(ctx.db, 'DELETE FROM thematic_groups WHERE id = ?').run(input.id);
    return { id: input.id };
  })();
}

function requireGroupAndStaff(ctx: AppContext, groupId: string, staffIds: string[]): void {
  if (!getGroup(ctx.db, groupId)) throw appError('groups.groupNotFound', {}, { field: 'groupId' });
  for (const id of staffIds) {
    if (!getStaffRow(ctx.db, id)) throw appError('groups.staffNotFound', {}, { field: 'staffId' });
  }
}

function putMembership(ctx: AppContext, id: string, input: ParsedInput<'groups.addMember'>): Group {
  requireGroupAndStaff(ctx, input.groupId, [input.staffId]);
  checkRecordDate(ctx, input.since, 'since');
  if (input.until) checkRecordDate(ctx, input.until, 'until');
  const clash = stmt(ctx.db, 'SELECT id FROM group_memberships WHERE group_id = ? AND staff_id = ? AND until IS NULL AND id <> ?').pluck().get(input.groupId, input.staffId, id);
  if (clash && input.until === null) throw appError('groups.alreadyMember', {}, { field: 'staffId' });
  const d = putRecord(ctx, groupMembershipKind, id, { group_id: input.groupId, staff_id: input.staffId, since: input.since, until: input.until, updated_by: operatorName(ctx) });
  const at = ctx.clock.now();
  stmt(
    ctx.db,
    `INSERT INTO group_memberships (id, group_id, staff_id, since, until, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, staff_id = excluded.staff_id, since = excluded.since,
       until = excluded.until, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.group_id, d.staff_id, d.since, d.until, d.updated_by, at, at);
  return getGroup(ctx.db, input.groupId)!;
}

export function addMember(ctx: AppContext, input: ParsedInput<'groups.addMember'>): Group {
  requireMunicipality(ctx);
  const id = ctx.ids.uuid();
  return ctx.db.transaction(() => putMembership(ctx, id, input))();
}

export function updateMember(ctx: AppContext, input: ParsedInput<'groups.updateMember'>): Group {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!stmt(ctx.db, 'SELECT 1 FROM group_memberships WHERE id = ?').get(input.id)) throw notFound('groupMembership', input.id);
    return putMembership(ctx, input.id, input);
  })();
}

export function removeMember(ctx: AppContext, input: { id: string }): Group {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const groupId = stmt(ctx.db, 'SELECT group_id FROM group_memberships WHERE id = ?').pluck().get(input.id) as string | undefined;
    if (!groupId) throw notFound('groupMembership', input.id);
    deleteRecord(ctx, groupMembershipKind, input.id);
    stmt(ctx.db, 'DELETE FROM group_memberships WHERE id = ?').run(input.id);
    return getGroup(ctx.db, groupId)!;
  })();
}

function putMeeting(ctx: AppContext, id: string, input: ParsedInput<'meetings.create'>): Meeting {
  const attendees = [...new Set(input.attendees)];
  requireGroupAndStaff(ctx, input.groupId, attendees);
  checkRecordDate(ctx, input.date, 'date');
  const hours = parseMilli(input.hours);
  if (hours === null || hours === 0 || hours > 24_000) {
    throw appError('groups.meetingHours', {}, { field: 'hours' });
  }
  const d = putRecord(ctx, groupMeetingKind, id, { group_id: input.groupId, date: input.date, hours_milli: hours, topic: input.topic, attendees, updated_by: operatorName(ctx) });
  const at = ctx.clock.now();
  stmt(
    ctx.db,
    `INSERT INTO group_meetings (id, group_id, date, hours_milli, topic, attendees, updated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, date = excluded.date, hours_milli = excluded.hours_milli, topic = excluded.topic,
       attendees = excluded.attendees, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(id, d.group_id, d.date, d.hours_milli, d.topic, JSON.stringify(d.attendees), d.updated_by, at, at);
  return getMeeting(ctx.db, id)!;
}

export function createMeeting(ctx: AppContext, input: ParsedInput<'meetings.create'>): Meeting {
  requireMunicipality(ctx);
  const id = ctx.ids.uuid();
  return ctx.db.transaction(() => putMeeting(ctx, id, input))();
}

export function updateMeeting(ctx: AppContext, input: ParsedInput<'meetings.update'>): Meeting {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getMeeting(ctx.db, input.id)) throw notFound('meeting', input.id);
    return putMeeting(ctx, input.id, input);
  })();
}

export function deleteMeeting(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    if (!getMeeting(ctx.db, input.id)) throw notFound('meeting', input.id);
    deleteRecord(ctx, groupMeetingKind, input.id);
    stmt(ctx.db, 'DELETE FROM group_meetings WHERE id = ?').run(input.id);
    return { id: input.id };
  })();
}
