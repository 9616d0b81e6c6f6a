/**
 * Another hub's records as received through federation (docs/federation.md): read-only copies
 * in `received_records`, read here from their stored lines (a handful of courses and reports:
 * no projection of their own). On a provincial hub and on a member: the regional hub's courses
 * and reports; on a regional hub: a province's own records.
 */
import type Database from 'better-sqlite3';
import type { FederatedCourse, FederatedReport, ProvinceRecords, RegionalRecords } from '../../../../shared/domain/federation';
import type { OfferedCourseData } from '../../../../shared/records/hub-training';
import type { RegionalReportData } from '../../../../shared/records/hub-federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { findPeer } from '../peers/peers-store';
import { readRegionalRecipient } from '../peers/regional-recipient';
import { findFederationHub } from './federation-store';
import { regionalHub } from './regional-announcement';

function liveRecords<T>(db: Database.Database, owner: string, kind: string): { id: string; data: T }[] {
  return (db.prepare('SELECT id, data FROM received_records_data WHERE owner = ? AND kind = ? AND deleted = 0 ORDER BY id').all(owner, kind) as { id: string; data: string }[]).map((r) => ({
    id: r.id,
    data: JSON.parse(r.data) as T,
  }));
}

function coursesOf(db: Database.Database, owner: string): FederatedCourse[] {
  return liveRecords<OfferedCourseData>(db, owner, 'offered_course')
    .map(({ id, data: d }) => ({
      id,
      title: d.title,
      area: d.area,
      startDate: d.start_date,
      endDate: d.end_date,
      hoursMilli: d.hours_milli,
      mode: d.mode,
      provider: d.provider,
      description: d.description,
    }))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title));
}

function reportsOf(db: Database.Database, owner: string): FederatedReport[] {
  const services = (list: RegionalReportData['totals']['by_service']) => list.map((s) => ({ service: s.service, entries: s.entries, quantityMilli: s.quantity_milli }));
  return liveRecords<RegionalReportData>(db, owner, 'regional_report')
    .map(({ id, data: d }) => ({
      id,
      year: d.year,
      title: d.title,
      publishedAt: d.published_at,
      provinces: d.provinces.map((p) => ({ id: p.province_id, name: p.name, members: p.members, entries: p.entries, byService: services(p.by_service) })),
      totals: { members: d.totals.members, entries: d.totals.entries, byService: services(d.totals.by_service) },
    }))
    .sort((a, b) => b.year - a.year);
}

/** The regional hub above us: on a provincial hub the one it reports to, on a member the one its hub announced. */
export function regionalRecords(ctx: AppContext): RegionalRecords {
  const above = regionalHub(ctx) ?? readRegionalRecipient(ctx.db);
  if (!above) return { regional: null, courses: [], reports: [] };
  return { regional: { id: above.id, name: above.name }, courses: coursesOf(ctx.db, above.id), reports: reportsOf(ctx.db, above.id) };
}

export function provinceRecords(ctx: AppContext, input: { province: string }): ProvinceRecords {
  const hub = findFederationHub(ctx.db, 'province', input.province);
  if (!hub) throw appError('federation.provinceUnknown', { id: input.province });
  const kinds = ctx.db
    .prepare('SELECT kind, COUNT(*) AS records FROM received_records WHERE owner = ? AND deleted = 0 GROUP BY kind ORDER BY kind')
    .all(hub.id) as { kind: string; records: number }[];
  return { province: { id: hub.id, name: hub.name }, eventsReceived: findPeer(ctx.db, 'hub', hub.id)?.appliedSeq ?? 0, courses: coursesOf(ctx.db, hub.id), kinds };
}
