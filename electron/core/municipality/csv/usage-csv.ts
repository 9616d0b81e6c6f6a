import { parseMilli } from '../../../../shared/domain/quantity';
import { UsageInput } from '../../../../shared/domain/usage';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { EARLIEST_DATE, operatorName } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { findService, listServices } from '../catalogue/catalogue-store';
import { recordUsageInTransaction, usageData } from '../usage/usage-service';
import { csvProblem, quoted } from './csv-problems';
import { columnOf, problemOfIssue, type CsvColumn, type CsvSchema, type ProblemRef } from './csv-schema';
import { foldHeader } from '../../format/csv/csv-text';
import { parseItalianDate, parseItalianDecimal, parseOptionalCount } from './italian-values';
import type { CsvProblem } from '../../../../shared/domain/csv';

type UsageRecordInput = ParsedInput<'usage.record'>;

export const USAGE_COLUMNS: CsvColumn[] = [
  { field: 'service', header: 'servizio', aliases: ['servizio', 'codiceservizio', 'service'], required: true },
  { field: 'date', header: 'data', aliases: ['data', 'giorno', 'date'], required: true },
  { field: 'period', header: 'periodo', aliases: ['periodo', 'period'], required: false },
  { field: 'quantity', header: 'quantità', aliases: ['quantita', 'qta', 'quantity'], required: true },
  { field: 'beneficiaries.citizens', header: 'cittadini', aliases: ['cittadini', 'citizens'], required: false },
  { field: 'beneficiaries.businesses', header: 'imprese', aliases: ['imprese', 'businesses'], required: false },
  { field: 'beneficiaries.offices', header: 'uffici', aliases: ['uffici', 'ufficiinterni', 'offices'], required: false },
  { field: 'channel', header: 'canale', aliases: ['canale', 'channel'], required: false },
  { field: 'note', header: 'note', aliases: ['note', 'annotazioni', 'notes'], required: false },
];

const PERIODS: Record<string, 'day' | 'month'> = { '': 'day', giorno: 'day', giornaliero: 'day', day: 'day', mese: 'month', mensile: 'month', month: 'month' };
const CHANNELS: Record<string, 'counter' | 'online' | 'phone' | null> = {
  '': null,
  sportello: 'counter',
  counter: 'counter',
  online: 'online',
  web: 'online',
  telefono: 'phone',
  telefonico: 'phone',
  phone: 'phone',
};

/** A service named by its code or by its Italian or English name. */
function serviceCode(ctx: AppContext, text: string): string | null {
  const t = text.trim();
  if (findService(ctx.db, t.toUpperCase())) return t.toUpperCase();
  const f = foldHeader(t);
  return listServices(ctx.db).find((s) => foldHeader(s.nameIt) === f || foldHeader(s.nameEn) === f || foldHeader(s.code) === f)?.code ?? null;
}

/** The problem of a refusal from usageData (the same rules as a typed entry), by its rule. */
function usageRuleProblem(err: AppError, input: UsageRecordInput, cells: Record<string, string>): { field: string; problem: ProblemRef } {
  const field = err.extra.field ?? '';
  const value = quoted(cells[field] ?? cells.quantity, 30);
  switch (err.extra.params?.rule) {
    case 'USAGE_QUANTITY_ZERO':
      return { field, problem: { code: 'CSV_QUANTITY_ZERO' } };
    case 'USAGE_QUANTITY_DECIMALS':
      return { field, problem: { code: 'CSV_QUANTITY_DECIMALS', params: { service: input.service, value } } };
    case 'USAGE_QUANTITY_INVALID':
      return { field, problem: { code: 'CSV_QUANTITY_TOO_PRECISE', params: { value } } };
    case 'USAGE_SERVICE_UNKNOWN':
      return { field, problem: { code: 'CSV_SERVICE_UNKNOWN', params: { value: quoted(cells.service, 40) } } };
  }
  if (field === 'date') {
    const shown = quoted(cells.date, 30);
    return { field, problem: input.date < EARLIEST_DATE ? { code: 'CSV_DATE_TOO_OLD', params: { value: shown } } : { code: 'CSV_DATE_FUTURE', params: { value: shown } } };
  }
  return { field, problem: { code: 'CSV_VALUE_INVALID', params: { issue: validationSentence(err.message) } } };
}

const validationSentence = (message: string) => message.replace(/^Campo «[^»]+»: /, '');

export const usageCsv: CsvSchema<UsageRecordInput> = {
  kind: 'usage',
  columns: USAGE_COLUMNS,
  check(ctx, cells, row) {
    const problems: CsvProblem[] = [];
    const bad = (field: string, p: ProblemRef) => problems.push(csvProblem(row, columnOf(USAGE_COLUMNS, field), p.code, p.params));
    const code = serviceCode(ctx, cells.service ?? '');
    if (!code) bad('service', { code: 'CSV_SERVICE_UNKNOWN', params: { value: quoted(cells.service, 40) } });
    const period = PERIODS[foldHeader(cells.period ?? '')];
    if (!period) bad('period', { code: 'CSV_PERIOD_INVALID', params: { value: quoted(cells.period, 20) } });
    const date = parseItalianDate(cells.date ?? '', period === 'month');
    if (!date.ok) bad('date', date);
    const quantity = parseItalianDecimal(cells.quantity ?? '');
    if (!quantity.ok) bad('quantity', quantity);
    const channel = CHANNELS[foldHeader(cells.channel ?? '')];
    if (channel === undefined) bad('channel', { code: 'CSV_CHANNEL_INVALID', params: { value: quoted(cells.channel, 20) } });
    const counts = (['citizens', 'businesses', 'offices'] as const).map((k) => {
      const c = parseOptionalCount(cells[`beneficiaries.${k}`] ?? '');
      if (!c.ok) bad(`beneficiaries.${k}`, c);
      return c.ok ? c.value : null;
    });
    if (problems.length > 0) return { problems };
    const parsed = UsageInput.safeParse({
      service: code,
      date: date.ok ? date.value : '',
      period,
      quantity: quantity.ok ? quantity.value : '',
      beneficiaries: { citizens: counts[0], businesses: counts[1], offices: counts[2] },
      channel,
      note: cells.note ?? '',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3)) {
        const field = issue.path.map(String).join('.');
        bad(field, problemOfIssue(issue, cells[field] ?? ''));
      }
      return { problems };
    }
    try {
      usageData(ctx, parsed.data, 'csv');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const { field, problem } = usageRuleProblem(err, parsed.data, cells);
      bad(field, problem);
      return { problems };
    }
    return { value: parsed.data, problems };
  },
  alreadyStored(ctx, v) {
    const data = usageData(ctx, v, operatorName(ctx));
    const hit = stmt(ctx.db, 'SELECT 1 FROM usage WHERE service = ? AND date = ? AND period = ? AND quantity_milli = ? AND note = ? LIMIT 1').get(
      data.service,
      data.date,
      data.period,
      data.quantity_milli,
      data.note,
    );
    return hit ? { code: 'CSV_USAGE_ALREADY_STORED' } : null;
  },
  fingerprint: (v) => JSON.stringify([v.service, v.period === 'month' ? v.date.slice(0, 7) : v.date, v.period, parseMilli(v.quantity), v.beneficiaries, v.channel, v.note]),
  apply(ctx, values, onRow) {
    // Inside the import's one transaction: no savepoint per row (any error aborts the whole file).
    const operator = operatorName(ctx);
    values.forEach((v, i) => {
      recordUsageInTransaction(ctx, v, operator);
      onRow?.(i + 1);
    });
  },
};
