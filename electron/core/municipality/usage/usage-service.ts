import type { ParsedInput } from '../../../../shared/api/contract';
import { formatMilli, parseMilli } from '../../../../shared/domain/quantity';
import { combineMonths, measureOf } from '../../../../shared/domain/unit-measure';
import type { UsageEntry, UsageMonthly, UsageTrend } from '../../../../shared/domain/usage';
import { UNITS } from '../../../../shared/records/catalogue';
import { usageKind, type UsageData } from '../../../../shared/records/usage';
import { findService, listServices } from '../catalogue/catalogue-store';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { checkRecordDate, deleteRecord, notFound, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { cachedTransaction } from '../../platform/store/statements';
import { deleteUsageRow, getUsageRow, insertUsageRow, monthlyCells, toUsageEntry, updateUsageRow } from './usage-store';

type UsageInput = ParsedInput<'usage.record'>;

/**
 * Checks what the clerk typed against the catalogue and the calendar and builds the record's
 * data. Throws E_VALIDATION naming the field; nothing is written before this passes.
 */
export function usageData(ctx: AppContext, input: UsageInput, operator: string): UsageData {
  const service = findService(ctx.db, input.service);
  if (!service) {
    throw appError('usage.serviceUnknown', { service: input.service }, { field: 'service', params: { rule: 'USAGE_SERVICE_UNKNOWN' } });
  }
  const milli = parseMilli(input.quantity);
  if (milli === null) {
    throw appError('usage.quantityInvalid', {}, { field: 'quantity', params: { rule: 'USAGE_QUANTITY_INVALID' } });
  }
  if (milli === 0) throw appError('usage.quantityZero', {}, { field: 'quantity', params: { rule: 'USAGE_QUANTITY_ZERO' } });
  if (!service.decimals && milli % 1000 !== 0) {
    throw appError(
      'usage.quantityDecimals',
      { service: service.nameIt, serviceEn: service.nameEn, unit: UNITS[service.unit].it, unitEn: UNITS[service.unit].en },
      { field: 'quantity', params: { rule: 'USAGE_QUANTITY_DECIMALS' } },
    );
  }
  const date = input.period === 'month' ? `${input.date.slice(0, 7)}-01` : input.date;
  checkRecordDate(ctx, input.date, 'date');
  const b = input.beneficiaries;
  return {
    service: service.code,
    date,
    period: input.period,
    quantity_milli: milli,
    beneficiaries: { citizens: b?.citizens ?? null, businesses: b?.businesses ?? null, offices: b?.offices ?? null },
    channel: input.channel ?? null,
    note: input.note,
    updated_by: operator,
  };
}

/** Records a usage entry and its event in one transaction (one commit: one fsync of the WAL). */
export function recordUsage(ctx: AppContext, input: UsageInput): UsageEntry {
  requireMunicipality(ctx);
  const data = usageData(ctx, input, operatorName(ctx));
  return cachedTransaction(ctx.db, 'usage.record', writeNewUsage)(ctx, ctx.ids.uuid(), data);
}

/**
 * The same write for a caller that already holds the transaction and aborts it on any error
 * (CSV import, demo): no savepoint per entry. `operator` is read once by the caller.
 */
export function recordUsageInTransaction(ctx: AppContext, input: UsageInput, operator: string): UsageEntry {
  if (!ctx.db.inTransaction) throw new Error('recordUsageInTransaction must run inside a transaction');
  return writeNewUsage(ctx, ctx.ids.uuid(), usageData(ctx, input, operator));
}

/**
 * Event, row, text index and totals. The entry returned is built from what was written (the
 * event's canonical data), not read back: one SELECT less on the hot path.
 */
function writeNewUsage(ctx: AppContext, id: string, data: UsageData): UsageEntry {
  const at = ctx.clock.now();
  const parsed = putRecord(ctx, usageKind, id, data);
  const n = insertUsageRow(ctx.db, id, parsed, at);
  const b = parsed.beneficiaries;
  return toUsageEntry({
    n,
    id,
    service: parsed.service,
    date: parsed.date,
    period: parsed.period,
    quantity_milli: parsed.quantity_milli,
    citizens: b.citizens,
    businesses: b.businesses,
    offices: b.offices,
    channel: parsed.channel,
    note: parsed.note,
    version: 1,
    updated_by: parsed.updated_by,
    created_at: at,
    updated_at: at,
  });
}

/**
 * Correcting an entry is normal, even after it was sent: the new state is a new event (a new
 * version in the history); the old version stays in the outbox.
 */
export function updateUsage(ctx: AppContext, input: ParsedInput<'usage.update'>): UsageEntry {
  requireMunicipality(ctx);
  const data = usageData(ctx, input, operatorName(ctx));
  return ctx.db.transaction(() => {
    const old = getUsageRow(ctx.db, input.id);
    if (!old) throw notFound('usage', input.id);
    const parsed = putRecord(ctx, usageKind, old.id, data);
    updateUsageRow(ctx.db, old, parsed, ctx.clock.now());
    return toUsageEntry(getUsageRow(ctx.db, old.id)!);
  })();
}

export function deleteUsage(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const old = getUsageRow(ctx.db, input.id);
    if (!old) throw notFound('usage', input.id);
    deleteRecord(ctx, usageKind, old.id);
    deleteUsageRow(ctx.db, old);
    return { id: old.id };
  })();
}

export function getUsage(ctx: AppContext, input: { id: string }): UsageEntry {
  const row = getUsageRow(ctx.db, input.id);
  if (!row) throw notFound('usage', input.id);
  return toUsageEntry(row);
}

/** A service × month table for one year, read from the monthly totals only; per service its year's figure (a count's sum, a level's average). */
export function usageMonthly(ctx: AppContext, input: ParsedInput<'usage.monthly'>): UsageMonthly {
  const services = listServices(ctx.db).filter((s) => !input.service || s.code === input.service);
  const cells = monthlyCells(ctx.db, `${input.year}-01`, `${input.year}-12`);
  const rows = services.map((s) => {
    const monthsMilli = new Array<number>(12).fill(0);
    const withFigure: number[] = [];
    let entries = 0;
    for (const c of cells) {
      if (c.service !== s.code) continue;
      monthsMilli[Number(c.month.slice(5, 7)) - 1] = c.quantity_milli;
      withFigure.push(c.quantity_milli);
      entries += c.entries;
    }
    // A level (GB held) is averaged over the months that have a figure, never added up.
    const totalMilli = combineMonths(s.unit, withFigure) ?? 0;
    const measure = measureOf(s.unit);
    return { service: s.code, unit: s.unit, measure, monthsMilli, months: monthsMilli.map((m) => formatMilli(m)), entries, totalMilli, total: formatMilli(totalMilli) };
  });
  return { year: input.year, rows };
}

/** The last `months` months per service, ending with this month (by the installation's clock). */
export function usageTrend(ctx: AppContext, input: ParsedInput<'usage.trend'>): UsageTrend {
  const now = new Date(ctx.clock.now());
  const months: string[] = [];
  for (let i = input.months - 1; i >= 0; i--) {
    months.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  }
  const cells = monthlyCells(ctx.db, months[0]!, months[months.length - 1]!);
  const series = listServices(ctx.db).map((s) => ({
    service: s.code,
    unit: s.unit,
    valuesMilli: months.map((m) => cells.find((c) => c.service === s.code && c.month === m)?.quantity_milli ?? 0),
  }));
  return { months, series };
}
