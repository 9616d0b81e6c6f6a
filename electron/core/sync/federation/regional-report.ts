/**
 * The regional hub's report of a year (`regional_report`, docs/federation.md "Regional records
 * flow down"): the figures of `federation.usage`, province by province, published by the regional
 * operator as a record of its own stream. One record per year: publishing a year again updates
 * the same record (its random id found in our outbox), so a member sees the latest figures only.
 */
import { regionalReportKind, type RegionalReportData } from '../../../../shared/records/hub-federation';
import type { ReportPublished, UsageTotals } from '../../../../shared/domain/federation';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { requireInstallation } from '../../platform/installation/installation-store';
import { operatorName, putRecord } from '../records/record-events';
import { listFederationHubs } from './federation-store';
import { regionUsage } from './region-views';

function byService(t: UsageTotals): RegionalReportData['totals']['by_service'] {
  return t.byService.map((s) => ({ service: s.service, entries: s.entries, quantity_milli: s.quantityMilli }));
}

/** Our record for that year, if one was published (the outbox is the truth of what we wrote). */
function reportIdOf(ctx: AppContext, year: number): string | null {
  const rows = ctx.db.prepare("SELECT record_id, op, line FROM outbox WHERE kind = ? ORDER BY seq DESC").all(regionalReportKind.kind) as { record_id: string; op: string; line: Buffer }[];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.record_id)) continue;
    seen.add(r.record_id);
    if (r.op === 'put' && (JSON.parse(r.line.toString('utf8')) as { data: RegionalReportData }).data.year === year) return r.record_id;
  }
  return null;
}

export function publishRegionalReport(ctx: AppContext, input: { year: number }): ReportPublished {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'hub') throw appError('federation.hubOnly');
  const provinces = listFederationHubs(ctx.db, 'province').filter((h) => h.status === 'confirmed');
  if (provinces.length === 0) throw appError('federation.noProvinces');
  const usage = regionUsage(ctx.db, { year: input.year, totalsOnly: true });
  const vouched = new Map(
    (ctx.db.prepare('SELECT province_id, COUNT(*) AS n FROM federation_members WHERE vouched = 1 GROUP BY province_id').all() as { province_id: string; n: number }[]).map((r) => [r.province_id, r.n]),
  );
  const rows = usage.provinces
    .filter((p) => provinces.some((h) => h.id === p.id))
    .map((p) => ({ province_id: p.id, name: p.name, members: vouched.get(p.id) ?? 0, entries: p.totals.entries, by_service: byService(p.totals) }));
  const data: RegionalReportData = {
    year: input.year,
    title: `Resoconto regionale ${input.year}`,
    published_at: ctx.clock.now(),
    provinces: rows,
    totals: { members: rows.reduce((n, r) => n + r.members, 0), entries: usage.region.entries, by_service: byService(usage.region) },
    updated_by: operatorName(ctx),
  };
  return ctx.db.transaction(() => {
    const id = reportIdOf(ctx, input.year) ?? ctx.ids.uuid();
    putRecord(ctx, regionalReportKind, id, data);
    ctx.log.info('regional report published', { year: input.year, provinces: rows.length });
    return { id, year: input.year, provinces: rows.length, members: data.totals.members, entries: data.totals.entries };
  })();
}
