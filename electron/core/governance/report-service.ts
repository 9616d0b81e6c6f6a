/**
 * The consortium report (*condivisione*): published by the hub to every member in its bundles.
 * Per member: the use of each service in the year, training hours per employee, participation
 * in thematic groups; named or by size class as the Assembly decided (`gov.settings`); and the
 * initiatives completed from proposals as good practices. A municipality sees where it stands
 * among the members of its size class (`report.benchmark`), its own figures read locally.
 */
import type { Benchmark, ConsortiumReport } from '../../../shared/domain/gov-plan';
import { DEFAULT_SIZE_CLASSES, sizeClassLabel, sizeClassOf } from '../../../shared/governance/statement';
import {
  consortiumReportKind,
  consortiumReportPartKind,
  type ConsortiumReportContent,
  type ConsortiumReportPartData,
  type ConsortiumReportRow,
  type GoodPractice,
  type ProposalStatusData,
} from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { appError } from '../platform/errors';
import { deleteRecord, operatorName, putRecord } from '../sync/records/record-events';
import { stmt } from '../platform/store/statements';
import { checkLineSize, requireGovHub, requireGovMunicipality } from './gov-errors';
import { govRecordId } from './gov-ids';
import { readGovSettings } from './gov-settings';
import { deleteReportPart, readReport, readReportSummary, reportPartCount, writeReport, writeReportPart } from './gov-store';
import { activeMembers } from './plan-items';
import { combineSum, isLevel } from '../../../shared/domain/unit-measure';
import { serviceUnits } from '../platform/store/service-units';
import type { MemberFilter } from '../../../shared/domain/member-page';
import { pageOf, selectMembers } from '../hub/members/member-selection';

const perEmployee = (hoursMilli: number, staff: number) => (staff > 0 ? Math.round(hoursMilli / staff) : 0);

/** A service's figure for the year: a count's sum, a level's (GB held) average of the months with a figure. */
const yearFigure = (units: Map<string, string>, service: string, sumMilli: number, months: number) => combineSum(units.get(service) ?? '', sumMilli, months) ?? 0;

export function buildReport(ctx: AppContext, year: number): Omit<ConsortiumReportContent, 'revision'> {
  const named = readGovSettings(ctx).reportNamed;
  const members = activeMembers(ctx);
  const usage = new Map<string, Record<string, number>>();
  const rows = stmt(
    ctx.db,
    'SELECT owner, service, sum(quantity_milli) AS q, count(*) AS months FROM received_usage_monthly WHERE month BETWEEN ? AND ? GROUP BY owner, service ORDER BY owner, service',
  ).all(`${year}-01`, `${year}-12`) as { owner: string; service: string; q: number; months: number }[];
  const units = serviceUnits(ctx.db);
  for (const r of rows) {
    let u = usage.get(r.owner);
    if (!u) usage.set(r.owner, (u = {}));
    u[r.service] = yearFigure(units, r.service, r.q, r.months);
  }
  const training = new Map((stmt(ctx.db, 'SELECT owner, hours_milli FROM hub_training_yearly WHERE year = ?').all(year) as { owner: string; hours_milli: number }[]).map((r) => [r.owner, r.hours_milli]));
  const staff = new Map((stmt(ctx.db, 'SELECT owner, active_staff FROM hub_staff_counts').all() as { owner: string; active_staff: number }[]).map((r) => [r.owner, r.active_staff]));
  const groups = new Map(
    (stmt(ctx.db, "SELECT owner, count(*) AS n FROM received_records WHERE kind = 'group_membership' AND deleted = 0 GROUP BY owner").all() as { owner: string; n: number }[]).map((r) => [
      r.owner,
      r.n,
    ]),
  );
  const out = members.map((m) => {
    const cls = sizeClassOf(m.population);
    const hours = training.get(m.istat) ?? 0;
    const employees = staff.get(m.istat) ?? 0;
    return {
      istat: named ? m.istat : null,
      name: named ? m.name : null,
      size_class: cls,
      size_label: sizeClassLabel(cls),
      usage: usage.get(m.istat) ?? {},
      training_hours_milli: hours,
      staff: employees,
      hours_per_employee_milli: perEmployee(hours, employees),
      groups: groups.get(m.istat) ?? 0,
    };
  });
  // By size class: no order that would reveal the ISTAT order.
  if (!named) out.sort((a, b) => a.size_class - b.size_class || b.hours_per_employee_milli - a.hours_per_employee_milli || JSON.stringify(a.usage).localeCompare(JSON.stringify(b.usage)));
  const names = new Map(members.map((m) => [m.istat, m.name]));
  const practices = (stmt(ctx.db, "SELECT data FROM gov_proposal_status WHERE status = 'completed' ORDER BY proposal_id").pluck().all() as string[])
    .map((s) => JSON.parse(s) as ProposalStatusData)
    .filter((t) => !t.completed_date || t.completed_date <= `${year}-12-31`)
    .map((t) => ({ proposal_id: t.proposal_id, title: t.title, member: names.get(t.owner) ?? t.owner, completed_date: t.completed_date }));
  return { year, named, rows: out, good_practices: practices, published_by: operatorName(ctx) };
}

/**
 * Bytes of rows and practices per part: far below a bundle line (1 MiB) whatever the number of
 * members, and few parts (Italy's 7,896 municipalities make a dozen or so).
 */
export const REPORT_PART_BYTES = 128 * 1024;

/** Rows then practices, in order, cut into parts of at most `budget` bytes of JSON each. */
export function packReport(
  year: number,
  revision: number,
  rows: readonly ConsortiumReportRow[],
  practices: readonly GoodPractice[],
  budget = REPORT_PART_BYTES,
): ConsortiumReportPartData[] {
  const parts: ConsortiumReportPartData[] = [];
  let cur: ConsortiumReportPartData | null = null;
  let bytes = 0;
  const room = (size: number) => {
    if (!cur || bytes + size > budget || cur.rows.length + cur.good_practices.length >= 10_000) {
      cur = { year, revision, part: parts.length, rows: [], good_practices: [] };
      parts.push(cur);
      bytes = 0;
    }
    bytes += size;
    return cur;
  };
  for (const r of rows) room(Buffer.byteLength(JSON.stringify(r), 'utf8') + 1).rows.push(r);
  for (const g of practices) room(Buffer.byteLength(JSON.stringify(g), 'utf8') + 1).good_practices.push(g);
  return parts;
}

/**
 * Publishes the year's report as hub events in ONE transaction: its parts (ids from the year and
 * the part's number, so a re-publication replaces them), a delete for each part a longer earlier
 * publication left over, then the summary naming the revision and the number of parts.
 */
export function publishReport(ctx: AppContext, input: { year: number }): ConsortiumReport {
  const hub = requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const built = buildReport(ctx, input.year);
    const revision = (readReportSummary(ctx.db, input.year)?.data.revision ?? 0) + 1;
    const parts = packReport(input.year, revision, built.rows, built.good_practices);
    const at = ctx.clock.now();
    for (const p of parts) {
      checkLineSize({ it: `La parte ${p.part + 1} del rapporto del consorzio ${input.year}`, en: `Part ${p.part + 1} of the consortium’s ${input.year} report` }, p);
      writeReportPart(ctx.db, putRecord(ctx, consortiumReportPartKind, govRecordId(hub.id, 'consortium_report_part', `${input.year}/${p.part}`), p), at);
    }
    for (let n = parts.length, old = reportPartCount(ctx.db, input.year); n < old; n++) {
      deleteRecord(ctx, consortiumReportPartKind, govRecordId(hub.id, 'consortium_report_part', `${input.year}/${n}`));
      deleteReportPart(ctx.db, input.year, n);
    }
    const summary = putRecord(ctx, consortiumReportKind, govRecordId(hub.id, 'consortium_report', String(input.year)), {
      year: input.year,
      named: built.named,
      revision,
      parts: parts.length,
      row_count: built.rows.length,
      practice_count: built.good_practices.length,
      published_by: built.published_by,
    });
    writeReport(ctx.db, summary, at);
    return { ...built, revision, updatedAt: at };
  })();
}

export function getReport(ctx: AppContext, input: { year: number } & MemberFilter): ConsortiumReport | null {
  const r = readReport(ctx.db, input.year);
  if (!r) return null;
  if (input.page === undefined) return { ...r.data, updatedAt: r.updatedAt };
  // A named report's rows follow the members selected (by name); by size class only the page applies.
  let rows = r.data.rows;
  if (r.data.named) {
    const at = new Map(rows.map((row) => [row.istat, row]));
    rows = selectMembers(ctx.db, input).flatMap((m) => at.get(m.istat) ?? []);
  }
  const paged = pageOf(rows, input);
  return { ...r.data, rows: paged.rows, updatedAt: r.updatedAt, page: paged.page };
}

const sorted = (u: Record<string, number>) => Object.fromEntries(Object.entries(u).sort(([a], [b]) => (a < b ? -1 : 1)));

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}

/** This member's own figures for the year, read from its own records. */
function ownFigures(ctx: AppContext, year: number): { usage: Record<string, number>; hoursPerEmployee: number; groups: number } {
  const usage: Record<string, number> = {};
  const units = serviceUnits(ctx.db);
  // The same rule as the hub's report (buildReport), so that the own row is found by its figures.
  for (const r of stmt(ctx.db, 'SELECT service, sum(quantity_milli) AS q, count(*) AS months FROM usage_monthly WHERE month BETWEEN ? AND ? GROUP BY service').all(`${year}-01`, `${year}-12`) as {
    service: string;
    q: number;
    months: number;
  }[])
    usage[r.service] = yearFigure(units, r.service, r.q, r.months);
  const hours = stmt(ctx.db, 'SELECT coalesce(sum(p.hours_milli), 0) FROM participations p JOIN courses c ON c.id = p.course_id WHERE c.start_date BETWEEN ? AND ?')
    .pluck()
    .get(`${year}-01-01`, `${year}-12-31`) as number;
  const staff = stmt(ctx.db, 'SELECT count(*) FROM staff WHERE active = 1').pluck().get() as number;
  const groups = stmt(ctx.db, 'SELECT count(*) FROM group_memberships').pluck().get() as number;
  return { usage, hoursPerEmployee: perEmployee(hours, staff), groups };
}

/** Where this municipality stands among the members of its size class, measure by measure. */
export function benchmark(ctx: AppContext, input: { year: number }): Benchmark {
  const { istat } = requireGovMunicipality(ctx);
  const report = readReport(ctx.db, input.year);
  if (!report) {
    throw appError('gov.reportNotReceived', { year: input.year }, { field: 'year', params: { rule: 'REPORT_NOT_RECEIVED' } });
  }
  const population = (stmt(ctx.db, 'SELECT population FROM members WHERE istat = ?').pluck().get(istat) as number | null | undefined) ?? 0;
  const cls = sizeClassOf(population ?? 0);
  const own = ownFigures(ctx, input.year);
  const peers = report.data.rows.filter((r) => r.size_class === cls && r.istat !== istat);
  if (!report.data.named) {
    // By size class the own row cannot be told by its code: drop the one row that matches our figures.
    const same = peers.findIndex((r) => r.hours_per_employee_milli === own.hoursPerEmployee && r.groups === own.groups && JSON.stringify(r.usage) === JSON.stringify(sorted(own.usage)));
    if (same >= 0) peers.splice(same, 1);
  }
  type Key = Benchmark['measures'][number]['labelKey'];
  const units = serviceUnits(ctx.db);
  const measure = (id: string, label: string, labelKey: Key, service: string | null, value: number, others: number[]) => {
    const all = [...others, value];
    const unit = service === null ? '' : (units.get(service) ?? '');
    return { measure: id, label, labelKey, service, milli: labelKey !== 'groups', level: isLevel(unit), ...(unit ? { unit } : {}), value, median: median(all), position: 1 + others.filter((x) => x > value).length, of: all.length };
  };
  const bounds = DEFAULT_SIZE_CLASSES;
  const lower = cls === 0 ? null : (bounds[cls - 1] as number) + 1;
  const services = new Set(peers.flatMap((p) => Object.keys(p.usage)).concat(Object.keys(own.usage)));
  return {
    year: input.year,
    istat,
    sizeClass: cls,
    sizeLabel: sizeClassLabel(cls),
    sizeRange: { from: lower, to: bounds[cls] ?? null },
    peers: peers.length,
    measures: [
      measure('hours_per_employee', 'Ore di formazione per dipendente (millesimi)', 'hours_per_employee', null, own.hoursPerEmployee, peers.map((p) => p.hours_per_employee_milli)),
      measure('groups', 'Partecipazioni ai gruppi tematici', 'groups', null, own.groups, peers.map((p) => p.groups)),
      ...[...services].sort().map((s) => measure(`usage:${s}`, isLevel(units.get(s) ?? '') ? `Utilizzo medio mensile di ${s} (millesimi dell'unità)` : `Utilizzo di ${s} (millesimi dell'unità)`, 'usage', s, own.usage[s] ?? 0, peers.map((p) => p.usage[s] ?? 0))),
    ],
  };
}
