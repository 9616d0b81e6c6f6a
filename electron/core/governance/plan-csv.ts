/**
 * `cst plan import --year Y FILE.csv`: the plan's items prepared in a spreadsheet, as Excel
 * saves them on Italian Windows (`;`, decimal comma, UTF-8 or Windows-1252, see csv/csv-text.ts).
 * Columns (header names without case, accents or spaces): codice; descrizione; costo (euro,
 * "1.234,56"); parti uguali; popolazione; utilizzo (percentuali intere che sommano a 100);
 * esenti (codici ISTAT separati da virgola o spazio); facoltative: categoria (servizio,
 * iniziativa, quota), servizio (codice del catalogo, per la chiave a utilizzo), paganti ("tutti",
 * or the ISTAT codes of the only members who pay: an initiative of a few towns). A row without
 * paganti is paid by every member but its esenti, as the file's columns say; the plan then
 * shows "tutti i membri" on the item, never a hidden default.
 * All rows or none: the first bad row is refused with its line and nothing changes.
 */
import type { z } from 'zod';
import type { ParsedInput } from '../../../shared/api/contract';
import { PlanItemsInput, type PlanItemInput, type PlanView } from '../../../shared/domain/gov-plan';
import type { AppContext } from '../platform/context';
import { CSV_FILE_ERROR_KEYS, CsvFileError, decodeCsv, foldHeader, parseCsv } from '../format/csv/csv-text';
import { appError, AppError, validationFailure } from '../platform/errors';
import type { MessageKey, MessageParams } from '../../../shared/errors/catalogue';
import { operatorName } from '../sync/records/record-events';
import { asAppError, requireGovHub } from './gov-errors';
import { createPlan, loadVersions, savePlanItems } from './plan-service';
import { readPlanVersions } from './gov-store';

const COLUMNS = {
  code: ['codice', 'code'],
  description: ['descrizione', 'description'],
  cost: ['costo', 'costoeuro', 'importo', 'cost'],
  equal: ['partiuguali', 'uguali', 'equal'],
  population: ['popolazione', 'population'],
  usage: ['utilizzo', 'usage'],
  exempt: ['esenti', 'comuniesenti', 'exempt'],
  category: ['categoria', 'category'],
  service: ['servizio', 'service'],
  payers: ['paganti', 'chipaga', 'payers'],
} as const;

const CATEGORY: Record<string, 'service' | 'initiative' | 'quota'> = { servizio: 'service', iniziativa: 'initiative', quota: 'quota', service: 'service', initiative: 'initiative' };

/** A refused line of the plan's CSV: the catalogue sentence begins with «Riga N:». */
function bad<K extends PlanCsvKey>(line: number, key: K, params: Omit<MessageParams<K>, 'line'>, field: string): AppError {
  return appError(key as PlanCsvKey, { ...params, line } as never, { field });
}
type PlanCsvKey = Extract<MessageKey, `planCsv.line${string}`>;
type CostProblem = { key: 'planCsv.lineCostMissing' | 'planCsv.lineCostNegative' | 'planCsv.lineCostNotEuro'; value: string };

/** "1.234,56" / "1234,5" / "12" → cents; negative or malformed → which problem. */
export function parseEuroCents(text: string): number | CostProblem {
  const t = text.trim().replace(/\s|€/g, '');
  if (t === '') return { key: 'planCsv.lineCostMissing', value: '' };
  if (t.startsWith('-')) return { key: 'planCsv.lineCostNegative', value: t };
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t);
  if (!m) return { key: 'planCsv.lineCostNotEuro', value: t.slice(0, 30) };
  return Number(m[1]!.replace(/\./g, '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

function percent(text: string, line: number, field: 'equal' | 'population' | 'usage'): number {
  const t = text.trim().replace('%', '');
  if (t === '') return 0;
  if (!/^\d{1,3}$/.test(t) || Number(t) > 100) throw bad(line, 'planCsv.linePercent', { value: text.trim(), column: COLUMNS[field][0], columnEn: COLUMNS[field].at(-1)! }, `key.${field}`);
  return Number(t);
}

export function parsePlanCsv(bytes: Uint8Array): z.input<typeof PlanItemInput>[] {
  let parsed: ReturnType<typeof parseCsv>;
  try {
    parsed = parseCsv(decodeCsv(bytes).text);
  } catch (e) {
    // The CSV problem's own code, which the window says in its language (csvProblems.<code>).
    if (e instanceof CsvFileError) throw appError(CSV_FILE_ERROR_KEYS[e.code], e.params as never, { field: 'file', params: { ...e.params, csvProblem: e.code } });
    throw e;
  }
  const { rows, lines } = parsed;
  const header = (rows[0] ?? []).map(foldHeader);
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const idx = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, col(names)])) as Record<keyof typeof COLUMNS, number>;
  for (const need of ['code', 'description', 'cost'] as const) {
    if (idx[need] < 0) throw appError('planCsv.columnMissing', { column: COLUMNS[need][0] }, { field: 'file' });
  }
  const items: z.input<typeof PlanItemInput>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = lines[r] ?? r + 1;
    const get = (k: keyof typeof COLUMNS) => (idx[k] >= 0 ? (row[idx[k]] ?? '').trim() : '');
    if (row.every((c) => c.trim() === '')) continue;
    const code = get('code');
    if (!code) throw bad(line, 'planCsv.lineCodeMissing', {}, 'code');
    const cost = parseEuroCents(get('cost'));
    if (typeof cost !== 'number') throw bad(line, cost.key, { code, value: cost.value }, 'cost');
    const key = { equal: percent(get('equal'), line, 'equal'), population: percent(get('population'), line, 'population'), usage: percent(get('usage'), line, 'usage') };
    if (key.equal + key.population + key.usage !== 100) {
      throw bad(line, 'planCsv.lineKeySum', { code, equal: key.equal, population: key.population, usage: key.usage, sum: key.equal + key.population + key.usage }, 'key');
    }
    const exempt = get('exempt').split(/[\s,]+/).filter(Boolean);
    const badIstat = exempt.find((x) => !/^\d{6}$/.test(x));
    if (badIstat) throw bad(line, 'planCsv.lineExemptIstat', { code, value: badIstat }, 'exempt');
    const catText = foldHeader(get('category'));
    const service = get('service') || null;
    const category = CATEGORY[catText] ?? (code.toUpperCase() === 'QUOTA' ? 'quota' : service ? 'service' : 'initiative');
    const payerText = get('payers');
    const payerCodes = /^(tutti|all)$/i.test(payerText) ? [] : payerText.split(/[\s,]+/).filter(Boolean);
    const badPayer = payerCodes.find((x) => !/^\d{6}$/.test(x));
    if (badPayer) throw bad(line, 'planCsv.linePayersIstat', { code, value: badPayer }, 'payers');
    const payers = payerCodes.length > 0 ? { kind: 'only' as const, members: payerCodes } : { kind: 'all' as const };
    items.push({ code, description: get('description') || code, category, service, fixedCents: cost, quantityMilli: 0, key, exempt, payers });
  }
  if (items.length === 0) throw appError('planCsv.noItems', {}, { field: 'file' });
  return items;
}

/** Replaces the items of the year's draft (created if the year has no plan yet), all or none. */
export function importPlanCsv(ctx: AppContext, input: ParsedInput<'plan.import'>): PlanView {
  requireGovHub(ctx);
  const items = parsePlanCsv(Buffer.from(input.contentBase64, 'base64'));
  return ctx.db.transaction(() => {
    if (readPlanVersions(ctx.db, input.year).length === 0) createPlan(ctx, { year: input.year, date: ctx.clock.now().slice(0, 10), by: operatorName(ctx) });
    const cur = loadVersions(ctx, input.year).at(-1)!;
    const parsed = PlanItemsInput.safeParse({ year: input.year, version: cur.version, items });
    if (!parsed.success) throw validationFailure(parsed.error, { items });
    try {
      return savePlanItems(ctx, parsed.data);
    } catch (e) {
      throw asAppError(e);
    }
  })();
}
