/** Hub: training hours by member and year, from the incremental totals (hub_training_yearly). */
import type { HubTrainingRow } from '../../../../shared/domain/hub-views';
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
  return rows.map((r) => ({
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
  }));
}
