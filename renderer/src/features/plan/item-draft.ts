import type { Input } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/errors';
import type { PlanItemData } from '../../../../shared/records/gov-records';
import { toItemInput } from '../../../../shared/domain/gov-plan';
import { formatCents, formatMilli } from '../../../../shared/format/numbers';
import { parseEuroToCents, parseItalianMilli as parseMilli } from '../../../../shared/format/typed-numbers';
import type { Message } from '../../i18n/messages';

/** The item form's draft: what the boxes hold, as typed (Italian amounts, percentages), and its checks. */

export type PlanItemInput = Input<'plan.saveItems'>['items'][number];


export type Draft = Record<'code' | 'description' | 'category' | 'fixed' | 'unit' | 'quantity' | 'oneOff' | 'equal' | 'population' | 'usage' | 'basis' | 'refKind' | 'refFixed' | 'refUnit' | 'payers', string>;

export function draftOf(i: PlanItemData | null): Draft {
  return {
    code: i?.code ?? '',
    description: i?.description ?? '',
    category: i?.category ?? 'service',
    fixed: i ? formatCents(i.fixed_cents) : '0,00',
    unit: i ? formatCents(i.unit_cents) : '0,00',
    // Empty: unknown (no usage received, none typed), never shown as 0.
    quantity: i ? (i.quantity_milli === null ? '' : formatMilli(i.quantity_milli)) : '0',
    oneOff: i ? formatCents(i.one_off_cents) : '0,00',
    equal: String(i?.key.equal ?? 100),
    population: String(i?.key.population ?? 0),
    usage: String(i?.key.usage ?? 0),
    basis: i?.usage_basis ?? 'last_year',
    refKind: i?.reference?.kind ?? 'none',
    refFixed: i?.reference?.kind === 'per_unit' ? formatCents(i.reference.fixedCents ?? 0) : '0,00',
    refUnit: i?.reference?.kind === 'per_unit' ? formatCents(i.reference.unitCents) : '0,00',
    payers: i?.payers?.kind ?? 'all',
  };
}

/** Each field that can be in error → its control, in the order the form shows them (focus goes to the first). */
export const ITEM_FIELD_IDS: Record<string, string> = {
  code: 'item-code',
  description: 'item-description',
  fixed: 'item-fixed',
  oneOff: 'item-oneOff',
  unit: 'item-unit',
  quantity: 'item-quantity',
  equal: 'item-equal',
  key: 'item-equal',
  population: 'item-population',
  usage: 'item-usage',
  refFixed: 'item-refFixed',
  refUnit: 'item-refUnit',
  payers: 'item-payers-list',
  exempt: 'item-exempt',
};

/** A whole percentage 0–999 as typed, or null (the range is checked apart). */
export const percent = (s: string): number | null => (/^\d{1,3}$/.test(s.trim()) ? Number(s) : null);

export const keySum = (d: Draft): number => (percent(d.equal) ?? 0) + (percent(d.population) ?? 0) + (percent(d.usage) ?? 0);

/** The draft's errors as catalogue references: they are worded when shown, in the page's language. */
export function checkItem(d: Draft, exempt: ReadonlySet<string>, members: readonly { istat: string }[], payers: ReadonlySet<string> = new Set()): Record<string, Message> {
  const e: Record<string, Message> = {};
  const required = { key: 'plan.item.required' };
  const euro = { key: 'plan.item.euroInvalid' };
  if (!d.code.trim()) e.code = required;
  if (!d.description.trim()) e.description = required;
  for (const k of ['fixed', 'unit', 'oneOff'] as const) if (parseEuroToCents(d[k]) === null) e[k] = euro;
  if (d.quantity.trim() !== '' && parseMilli(d.quantity) === null) e.quantity = { key: 'plan.item.quantityInvalid' };
  if (d.refKind === 'per_unit') for (const k of ['refFixed', 'refUnit'] as const) if (parseEuroToCents(d[k]) === null) e[k] = euro;
  for (const k of ['equal', 'population', 'usage'] as const) {
    const v = percent(d[k]);
    if (v === null || v > 100) e[k] = { key: 'plan.item.percentInvalid' };
  }
  if (!e.equal && !e.population && !e.usage && keySum(d) !== 100) e.key = { key: 'plan.item.keySum', params: { sum: keySum(d) } };
  if (d.payers === 'only' && payers.size === 0) e.payers = { key: 'plan.item.payersNone' };
  if (d.payers === 'all' && members.length > 0 && members.every((m) => exempt.has(m.istat))) e.exempt = { key: 'plan.item.allExempt' };
  return e;
}

/** The checked draft as the API takes it (`item`: the stored one, whose other fields are kept). */
export function itemInput(d: Draft, exempt: ReadonlySet<string>, item: PlanItemData | null, payers: ReadonlySet<string> = new Set()): PlanItemInput {
  const cents = (s: string) => parseEuroToCents(s) ?? 0;
  return {
    ...(item ? toItemInput(item) : { service: null, proposalId: null, reference: null }),
    code: d.code.trim(),
    description: d.description.trim(),
    category: d.category as PlanItemInput['category'],
    fixedCents: cents(d.fixed),
    unitCents: cents(d.unit),
    // Empty → null: the estimate from the last twelve months, else unknown.
    quantityMilli: d.quantity.trim() === '' ? null : (parseMilli(d.quantity) ?? null),
    oneOffCents: cents(d.oneOff),
    key: { equal: percent(d.equal) ?? 0, population: percent(d.population) ?? 0, usage: percent(d.usage) ?? 0 },
    usageBasis: d.basis as 'last_year' | 'projected',
    exempt: d.payers === 'only' ? [] : [...exempt].sort(),
    payers: d.payers === 'only' ? { kind: 'only', members: [...payers].sort() } : { kind: 'all' },
    reference:
      d.refKind === 'per_unit'
        ? { kind: 'per_unit', fixedCents: cents(d.refFixed), unitCents: cents(d.refUnit) }
        : d.refKind === 'size_class' && item?.reference?.kind === 'size_class'
          ? item.reference
          : null,
  };
}

/**
 * The backend's refusal of `plan.saveItems` (the whole list is saved) seen from the item in the
 * form, the `index`-th of the list, code `code`: its fields are `items.N.code` (the schema) or
 * `items.key.usage` with the item's code (a rule), the form's are `code` and `usage`. An error
 * about another item keeps no field: it is shown above the buttons.
 */
export function itemApiError(error: ApiError, index: number, code: string): ApiError {
  const m = /^items\.(?:(\d+)\.)?(.+)$/.exec(error.field ?? '');
  if (!m) return error;
  const ours = m[1] !== undefined ? Number(m[1]) === index : error.params?.item === code;
  const { field: _other, ...rest } = error;
  return ours ? { ...error, field: (m[2] ?? '').replace(/^key\.(?=equal|population|usage)/, '') } : rest;
}
