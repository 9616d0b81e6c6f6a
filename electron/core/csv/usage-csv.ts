import { parseMilli } from '../../../shared/domain/quantity';
import { UsageInput } from '../../../shared/domain/usage';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { operatorName } from '../records/record-events';
import { stmt } from '../records/statements';
import { findService, listServices } from '../catalogue/catalogue-store';
import { recordUsage, usageData } from '../usage/usage-service';
import { columnOf, type CsvColumn, type CsvSchema } from './csv-schema';
import { foldHeader } from './csv-text';
import { parseItalianDate, parseItalianDecimal, parseOptionalCount } from './italian-values';
import type { CsvProblem } from '../../../shared/domain/csv';

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

export const usageCsv: CsvSchema<UsageRecordInput> = {
  kind: 'usage',
  columns: USAGE_COLUMNS,
  check(ctx, cells, row) {
    const problems: CsvProblem[] = [];
    const bad = (field: string, message: string) => problems.push({ row, column: columnOf(USAGE_COLUMNS, field), message });
    const code = serviceCode(ctx, cells.service ?? '');
    if (!code) bad('service', `il servizio "${(cells.service ?? '').trim().slice(0, 40)}" non è nel catalogo: usare il codice (per esempio PEC) o il nome esatto.`);
    const period = PERIODS[foldHeader(cells.period ?? '')];
    if (!period) bad('period', 'il periodo deve essere "giorno" o "mese" (o vuoto, che vale giorno).');
    const date = parseItalianDate(cells.date ?? '', period === 'month');
    if (!date.ok) bad('date', date.message);
    const quantity = parseItalianDecimal(cells.quantity ?? '');
    if (!quantity.ok) bad('quantity', quantity.message);
    const channel = CHANNELS[foldHeader(cells.channel ?? '')];
    if (channel === undefined) bad('channel', 'il canale deve essere sportello, online o telefono (o vuoto).');
    const counts = (['citizens', 'businesses', 'offices'] as const).map((k) => {
      const c = parseOptionalCount(cells[`beneficiaries.${k}`] ?? '');
      if (!c.ok) bad(`beneficiaries.${k}`, c.message);
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
      for (const issue of parsed.error.issues.slice(0, 3)) bad(issue.path.map(String).join('.'), issue.message);
      return { problems };
    }
    try {
      usageData(ctx, parsed.data, 'csv');
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      bad(err.extra.field ?? '', err.message.replace(/^Campo «[^»]+»: /, ''));
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
    return hit ? 'questo utilizzo sembra già registrato (stesso servizio, data, quantità e note): togliere la riga o escluderla.' : null;
  },
  fingerprint: (v) => JSON.stringify([v.service, v.period === 'month' ? v.date.slice(0, 7) : v.date, v.period, parseMilli(v.quantity), v.beneficiaries, v.channel, v.note]),
  apply(ctx, values) {
    for (const v of values) recordUsage(ctx, v);
  },
};
