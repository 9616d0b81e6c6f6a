/** Hub: training hours by member and year, from the incremental totals (hub_training_yearly). */
import type { HubTrainingPage, HubTrainingRow } from '../../../../shared/domain/hub-views';
import type { MemberFilter } from '../../../../shared/domain/member-page';
import { narrows, pageOf, selectMembers } from '../members/member-selection';
import { formatMilli } from '../../../../shared/domain/quantity';
import type { AppContext } from '../../platform/context';
import { stmt } from '../../platform/store/statements';
import { requireHub } from '../records/hub-guard';

interface Row {
  owner: string;
  name: string | null;
  year: number;
  participations: number;
  completed: number;
  hours_milli: number;
  active_staff: number | null;
}

export function trainingSql(f: { year?: number | undefined; member?: string | undefined }): string {
  const where = [f.year !== undefined ? 't.year = @year' : null, f.member ? 't.owner = @member' : null].filter(Boolean);
  return `SELECT t.owner, m.name, t.year, t.participations, t.completed, t.hours_milli, s.active_staff
          FROM hub_training_yearly t LEFT JOIN members m ON m.istat = t.owner LEFT JOIN hub_staff_counts s ON s.owner = t.owner
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.year DESC, m.name COLLATE NOCASE, t.owner`;
}

export function trainingByMember(ctx: AppContext, input: { year?: number | undefined; member?: string | undefined }): HubTrainingRow[] {
  requireHub(ctx);
  const rows = stmt(ctx.db, trainingSql(input)).all({ ...(input.year !== undefined ? { year: input.year } : {}), ...(input.member ? { member: input.member } : {}) }) as Row[];
  return rows.map(toTrainingRow);
}

/**
 * One page of members (by name, or by hours most first) with each one's rows, and the totals of
 * every member selected: a sum over the yearly totals (one row per member and year).
 */
export function trainingPage(ctx: AppContext, input: MemberFilter & { year?: number | undefined; member?: string | undefined; order: 'name' | 'hours' }): HubTrainingPage {
  requireHub(ctx);
  const year = input.year !== undefined ? ' AND year = @year' : '';
  const yearParam = input.year !== undefined ? { year: input.year } : {};
  let selected = selectMembers(ctx.db, input).filter((m) => !input.member || m.istat === input.member);
  if (input.order === 'hours') {
    const hours = new Map(
      stmt(ctx.db, `SELECT owner, sum(hours_milli) FROM hub_training_yearly WHERE true${year} GROUP BY owner`).raw(true).all(yearParam) as [string, number][],
    );
    selected = [...selected].sort((a, b) => (hours.get(b.istat) ?? 0) - (hours.get(a.istat) ?? 0));
  }
  const { rows: members, page } = pageOf(selected, input);
  const rank = new Map(members.map((m, i) => [m.istat, i]));
  const rows = (
    stmt(
      ctx.db,
      `SELECT t.owner, m.name, t.year, t.participations, t.completed, t.hours_milli, s.active_staff
       FROM hub_training_yearly t LEFT JOIN members m ON m.istat = t.owner LEFT JOIN hub_staff_counts s ON s.owner = t.owner
       WHERE t.owner IN (SELECT value FROM json_each(@owners))${year.replace('year', 't.year')}`,
    ).all({ ...yearParam, owners: JSON.stringify(members.map((m) => m.istat)) }) as Row[]
  ).sort((a, b) => (rank.get(a.owner) ?? 0) - (rank.get(b.owner) ?? 0) || b.year - a.year);
  const all = !narrows(input) && !input.member;
  const t = stmt(
    ctx.db,
    `SELECT coalesce(sum(participations), 0) AS p, coalesce(sum(completed), 0) AS c, coalesce(sum(hours_milli), 0) AS h FROM hub_training_yearly
     WHERE ${all ? 'true' : 'owner IN (SELECT value FROM json_each(@owners))'}${year}`,
  ).get({ ...yearParam, ...(all ? {} : { owners: JSON.stringify(selected.map((m) => m.istat)) }) }) as { p: number; c: number; h: number };
  return { rows: rows.map(toTrainingRow), page, totals: { participations: t.p, completed: t.c, hoursMilli: t.h, hours: formatMilli(t.h) } };
}

function toTrainingRow(r: Row): HubTrainingRow {
  return {
    member: r.owner,
    name: r.name ?? r.owner,
    year: r.year,
    participations: r.participations,
    completed: r.completed,
    hoursMilli: r.hours_milli,
    hours: formatMilli(r.hours_milli),
    staff: r.active_staff,
    // Thousandths of an hour per person, rounded to the nearest thousandth: integers throughout.
    hoursPerEmployee: r.active_staff ? formatMilli(Math.round(r.hours_milli / r.active_staff)) : null,
  };
}
