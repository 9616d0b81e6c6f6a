/**
 * The hub's own records, edited in hub mode: the service catalogue, the courses it offers,
 * the thematic groups. Every change writes the `hub_*` row and appends its event in ONE
 * transaction, so it travels to every member with the next `bundle export`.
 */
import { coordinatorChoices } from '../committee/roster';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { HubService, OfferedCourse, ThematicGroup } from '../../../../shared/domain/hub-records';
import { formatMilli, parseMilli } from '../../../../shared/domain/quantity';
import { UNITS } from '../../../../shared/records/catalogue';
import { hubServiceKind, type HubServiceData } from '../../../../shared/records/hub-catalogue';
import { thematicGroupKind, type ThematicGroupData } from '../../../../shared/records/hub-groups';
import { offeredCourseKind, type OfferedCourseData } from '../../../../shared/records/hub-training';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { deleteRecord, notFound, operatorName, putRecord } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { requireHubWriter } from '../members/hub-members';
import { derivedRecordId } from '../records/hub-ids';
import { removeCourse, removeGroup, removeService, writeCourse, writeGroup, writeService } from '../records/hub-store';
import { moveOfferedCourseYear } from '../training/training-projectors';

/**
 * A record's identity is (owner, id) and ids are unique across installations: a hub record may
 * not take an id a member's record already holds (a member can compute the id a service code
 * will derive to, and send it first). The member's record stays; the hub's save is refused.
 * The reverse (a member sending one of the hub's ids) is refused on import (inbox/apply-batch.ts).
 */
export function refuseIdHeldByMember(ctx: AppContext, id: string, what: { field: string; label: string; labelEn: string }): void {
  const held = stmt(ctx.db, 'SELECT r.owner, r.kind, m.name FROM received_records r LEFT JOIN members m ON m.istat = r.owner WHERE r.id = ?').get(id) as
    | { owner: string; kind: string; name: string | null }
    | undefined;
  if (!held) return;
  const member = held.name ? `${held.name} (${held.owner})` : held.owner;
  throw appError(
    'hub.idHeldByMember',
    { label: what.label, labelEn: what.labelEn, id, member },
    { field: what.field, params: { owner: held.owner, kind: held.kind } },
  );
}

interface Row {
  id: string;
  data: string;
  updated_at: string;
}

function toService(r: Row): HubService {
  const d = JSON.parse(r.data) as HubServiceData;
  return {
    id: r.id,
    code: d.code,
    nameIt: d.name_it,
    nameEn: d.name_en,
    category: d.category,
    unit: d.unit,
    decimals: d.decimals,
    active: d.active,
    position: d.position,
    fixedYearlyCents: d.fixed_yearly_cents,
    unitCostCents: d.unit_cost_cents,
    updatedBy: d.updated_by,
    updatedAt: r.updated_at,
  };
}

/** On both roles: the hub's catalogue (on a municipality, as last received). */
export function listHubServices(ctx: AppContext): HubService[] {
  return (stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_services ORDER BY position, code').all() as Row[]).map(toService);
}

export function saveHubService(ctx: AppContext, input: ParsedInput<'hub.services.save'>): HubService {
  const hub = requireHubWriter(ctx);
  const id = derivedRecordId(hub.id, 'service', input.code);
  return ctx.db.transaction(() => {
    const existing = stmt(ctx.db, 'SELECT position FROM hub_services WHERE id = ?').get(id) as { position: number } | undefined;
    const last = stmt(ctx.db, 'SELECT coalesce(max(position), 0) FROM hub_services').pluck().get() as number;
    const data: HubServiceData = {
      code: input.code,
      name_it: input.nameIt,
      name_en: input.nameEn,
      category: input.category,
      unit: input.unit,
      decimals: input.decimals ?? UNITS[input.unit].decimals,
      active: input.active,
      position: input.position ?? existing?.position ?? last + 1,
      fixed_yearly_cents: input.fixedYearlyCents,
      unit_cost_cents: input.unitCostCents,
      updated_by: operatorName(ctx),
    };
    refuseIdHeldByMember(ctx, id, { field: 'code', label: `Il servizio ${input.code}`, labelEn: `The service ${input.code}` });
    const at = ctx.clock.now();
    writeService(ctx.db, id, putRecord(ctx, hubServiceKind, id, data), at);
    return toService(stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_services WHERE id = ?').get(id) as Row);
  })();
}

/**
 * A service members already recorded usage of cannot be deleted (their totals would lose
 * their name): it is retired instead (`active: false`).
 */
export function deleteHubService(ctx: AppContext, input: { code: string }): { code: string } {
  const hub = requireHubWriter(ctx);
  const id = derivedRecordId(hub.id, 'service', input.code);
  return ctx.db.transaction(() => {
    if (!stmt(ctx.db, 'SELECT 1 FROM hub_services WHERE id = ?').get(id)) throw notFound('service', input.code);
    if (stmt(ctx.db, 'SELECT 1 FROM received_usage_monthly INDEXED BY received_usage_monthly_by_service WHERE service = ? LIMIT 1').get(input.code)) {
      throw appError('hub.serviceInUse', { code: input.code }, { field: 'code' });
    }
    deleteRecord(ctx, hubServiceKind, id);
    removeService(ctx.db, id);
    return { code: input.code };
  })();
}

function toCourse(r: Row): OfferedCourse {
  const d = JSON.parse(r.data) as OfferedCourseData;
  return {
    id: r.id,
    title: d.title,
    area: d.area,
    startDate: d.start_date,
    endDate: d.end_date,
    hours: formatMilli(d.hours_milli),
    hoursMilli: d.hours_milli,
    mode: d.mode,
    provider: d.provider,
    description: d.description,
    updatedBy: d.updated_by,
    updatedAt: r.updated_at,
  };
}

export function listHubCourses(ctx: AppContext, input: { year?: number | undefined }): OfferedCourse[] {
  const rows = input.year
    ? stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_courses WHERE start_date BETWEEN ? AND ? ORDER BY start_date DESC, id').all(`${input.year}-01-01`, `${input.year}-12-31`)
    : stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_courses ORDER BY start_date DESC, id').all();
  return (rows as Row[]).map(toCourse);
}

export function saveHubCourse(ctx: AppContext, input: ParsedInput<'hub.courses.save'>): OfferedCourse {
  requireHubWriter(ctx);
  const hours = parseMilli(input.hours);
  if (hours === null || hours > 2_000_000) {
    throw appError('hub.courseHours', {}, { field: 'hours' });
  }
  if (input.endDate < input.startDate) throw appError('training.endBeforeStart', {}, { field: 'endDate' });
  const data: OfferedCourseData = {
    title: input.title,
    area: input.area,
    start_date: input.startDate,
    end_date: input.endDate,
    hours_milli: hours,
    mode: input.mode,
    provider: input.provider,
    description: input.description,
    updated_by: operatorName(ctx),
  };
  return ctx.db.transaction(() => {
    const id = input.id ?? ctx.ids.uuid();
    const before = stmt(ctx.db, 'SELECT start_date FROM hub_courses WHERE id = ?').pluck().get(id) as string | undefined;
    if (input.id && before === undefined) throw notFound('course', input.id);
    refuseIdHeldByMember(ctx, id, { field: 'id', label: `Il corso «${input.title}»`, labelEn: `The course «${input.title}»` });
    writeCourse(ctx.db, id, putRecord(ctx, offeredCourseKind, id, data), ctx.clock.now(), false);
    // Members' training hours are filed by the course's year: follow a change of year.
    if (before !== undefined && before.slice(0, 4) !== data.start_date.slice(0, 4)) moveOfferedCourseYear(ctx.db, id, Number(before.slice(0, 4)), Number(data.start_date.slice(0, 4)));
    return toCourse(stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_courses WHERE id = ?').get(id) as Row);
  })();
}

export function deleteHubCourse(ctx: AppContext, input: { id: string }): { id: string } {
  requireHubWriter(ctx);
  return ctx.db.transaction(() => {
    if (!stmt(ctx.db, 'SELECT 1 FROM hub_courses WHERE id = ?').get(input.id)) throw notFound('course', input.id);
    if (stmt(ctx.db, 'SELECT 1 FROM hub_training_course_totals INDEXED BY hub_training_course_totals_by_course WHERE course_id = ? AND participations > 0 LIMIT 1').get(input.id)) {
      throw appError('hub.courseInUse', {}, { field: 'id' });
    }
    deleteRecord(ctx, offeredCourseKind, input.id);
    removeCourse(ctx.db, input.id, false);
    return { id: input.id };
  })();
}

function toGroup(ctx: AppContext, r: Row): ThematicGroup {
  const d = JSON.parse(r.data) as ThematicGroupData;
  const memberName = d.coordinator ? ((stmt(ctx.db, 'SELECT name FROM members WHERE istat = ?').pluck().get(d.coordinator.istat) as string | undefined) ?? null) : null;
  return {
    id: r.id,
    name: d.name,
    description: d.description,
    coordinator: d.coordinator ? { ...d.coordinator, memberName } : null,
    active: d.active,
    updatedBy: d.updated_by,
    updatedAt: r.updated_at,
  };
}

export function listHubGroups(ctx: AppContext): ThematicGroup[] {
  return (stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_groups ORDER BY name COLLATE NOCASE, id').all() as Row[]).map((r) => toGroup(ctx, r));
}

export function saveHubGroup(ctx: AppContext, input: ParsedInput<'hub.groups.save'>): ThematicGroup {
  requireHubWriter(ctx);
  if (input.coordinator && !stmt(ctx.db, 'SELECT 1 FROM members WHERE istat = ?').get(input.coordinator.istat)) {
    throw appError('hub.coordinatorNotMember', { istat: input.coordinator.istat }, { field: 'coordinator.istat' });
  }
  if (input.coordinator) checkCoordinator(ctx, input.id, input.coordinator);
  const data: ThematicGroupData = {
    name: input.name,
    description: input.description,
    coordinator: input.coordinator,
    active: input.active,
    updated_by: operatorName(ctx),
  };
  return ctx.db.transaction(() => {
    const id = input.id ?? ctx.ids.uuid();
    if (input.id && !stmt(ctx.db, 'SELECT 1 FROM hub_groups WHERE id = ?').get(id)) throw notFound('group', input.id);
    refuseIdHeldByMember(ctx, id, { field: 'id', label: `Il gruppo «${input.name}»`, labelEn: `The group «${input.name}»` });
    writeGroup(ctx.db, id, putRecord(ctx, thematicGroupKind, id, data), ctx.clock.now(), false);
    return toGroup(ctx, stmt(ctx.db, 'SELECT id, data, updated_at FROM hub_groups WHERE id = ?').get(id) as Row);
  })();
}

export function deleteHubGroup(ctx: AppContext, input: { id: string }): { id: string } {
  requireHubWriter(ctx);
  return ctx.db.transaction(() => {
    if (!stmt(ctx.db, 'SELECT 1 FROM hub_groups WHERE id = ?').get(input.id)) throw notFound('group', input.id);
    deleteRecord(ctx, thematicGroupKind, input.id);
    removeGroup(ctx.db, input.id, false);
    return { id: input.id };
  })();
}

/**
 * A group's coordinator is chosen among the technicians designated today (issue 15): the
 * member's technician or substitute, named as the member shared them. A group keeping the
 * coordinator it already has is accepted as it is (groups saved before designations existed
 * stay editable; the record's shape is unchanged, so older members read it as before).
 */
function checkCoordinator(ctx: AppContext, groupId: string | undefined, c: { istat: string; person: string }): void {
  if (groupId) {
    const saved = stmt(ctx.db, 'SELECT data FROM hub_groups WHERE id = ?').pluck().get(groupId) as string | undefined;
    const was = saved ? (JSON.parse(saved) as ThematicGroupData).coordinator : null;
    if (was && was.istat === c.istat && was.person === c.person) return;
  }
  const today = new Date(Date.parse(ctx.clock.now()) + 2 * 3_600_000).toISOString().slice(0, 10);
  if (coordinatorChoices(ctx.db, today).some((x) => x.istat === c.istat && x.person === c.person)) return;
  const member = (stmt(ctx.db, 'SELECT name FROM members WHERE istat = ?').pluck().get(c.istat) as string | undefined) ?? c.istat;
  throw appError('hub.coordinatorNotDesignated', { person: c.person, member }, { field: 'coordinator.person' });
}
