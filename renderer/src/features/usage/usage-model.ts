import { unitWord } from '../../../../shared/domain/unit-measure';
import type { TFunction } from 'i18next';
import { api as contract, type Input } from '../../../../shared/api/contract';
import { parseMilli } from '../../../../shared/domain/quantity';
import type { Service, UsageEntry } from '../../../../shared/domain/usage';
import { formatIsoDay, formatMonth } from '../../i18n/dates';
import { fieldErrorsFromZod, type Message } from '../../i18n/messages';
import { canonicalToInput, hasDecimals, normaliseQuantity } from '../../../../shared/format/typed-numbers';

/** What the usage form holds: the clerk's text, converted only when saving. */
export interface UsageDraft {
  service: string;
  period: 'day' | 'month';
  date: string;
  month: string;
  quantity: string;
  citizens: string;
  businesses: string;
  offices: string;
  channel: string;
  note: string;
}

export const USAGE_FIELDS = ['service', 'date', 'quantity', 'beneficiaries.citizens', 'beneficiaries.businesses', 'beneficiaries.offices', 'channel', 'note'] as const;

export function emptyDraft(today: string): UsageDraft {
  return { service: '', period: 'day', date: today, month: today.slice(0, 7), quantity: '', citizens: '', businesses: '', offices: '', channel: '', note: '' };
}

export function draftFromEntry(e: UsageEntry): UsageDraft {
  const n = (v: number | null) => (v === null ? '' : String(v));
  return {
    service: e.service,
    period: e.period,
    date: e.date,
    month: e.date.slice(0, 7),
    quantity: canonicalToInput(e.quantity),
    citizens: n(e.beneficiaries.citizens),
    businesses: n(e.beneficiaries.businesses),
    offices: n(e.beneficiaries.offices),
    channel: e.channel ?? '',
    note: e.note,
  };
}

type Count = number | null | 'bad';
function count(text: string): Count {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,9}$/.test(t) ? Number(t) : 'bad';
}

const FORMAT_KEYS = { quantity: 'usage.errors.quantity', date: 'validation2.date', service: 'validation2.chooseService' };

/**
 * The draft as `usage.record` input, or the problems to show next to each field. The schema of
 * the contract judges the shape; the service's unit decides whether decimals are allowed.
 */
export function draftToInput(d: UsageDraft, service: Service | undefined, language: string): { input: Input<'usage.record'> } | { errors: Record<string, Message> } {
  const errors: Record<string, Message> = {};
  if (!service) errors.service = { key: 'validation2.chooseService' };
  const quantity = normaliseQuantity(d.quantity);
  const milli = parseMilli(quantity);
  if (d.quantity.trim() === '') errors.quantity = { key: 'validation.required' };
  else if (milli === null) errors.quantity = { key: 'usage.errors.quantity' };
  else if (milli === 0) errors.quantity = { key: 'usage.errors.zero' };
  else if (service && !service.decimals && hasDecimals(quantity)) {
    errors.quantity = { key: 'usage.errors.noDecimals', params: { service: serviceName(service, language), unit: unitName(service, language) } };
  }
  const date = d.period === 'month' ? (/^\d{4}-\d{2}$/.test(d.month) ? `${d.month}-01` : '') : d.date;
  if (!date) errors.date = { key: d.period === 'month' ? 'validation2.month' : 'validation2.date' };
  const counts = { citizens: count(d.citizens), businesses: count(d.businesses), offices: count(d.offices) };
  for (const [k, v] of Object.entries(counts)) if (v === 'bad') errors[`beneficiaries.${k}`] = { key: 'validation2.count' };
  if (Object.keys(errors).length) return { errors };
  const input = {
    service: d.service,
    date,
    period: d.period,
    quantity,
    beneficiaries: { citizens: counts.citizens as number | null, businesses: counts.businesses as number | null, offices: counts.offices as number | null },
    channel: (d.channel || null) as Input<'usage.record'>['channel'],
    note: d.note,
  };
  const parsed = contract['usage.record'].input.safeParse(input);
  if (!parsed.success) return { errors: fieldErrorsFromZod(parsed.error, FORMAT_KEYS) };
  return { input };
}

export function serviceName(s: Pick<Service, 'nameIt' | 'nameEn'>, language: string): string {
  return language === 'en' ? s.nameEn : s.nameIt;
}

/** The unit's word; after a quantity (`milli`), agreeing with it: "1 pratica", "2 pratiche". */
export function unitName(s: Pick<Service, 'unit' | 'unitIt' | 'unitEn'>, language: string, milli: number | null = null): string {
  return unitWord(s.unit, milli, language, language === 'en' ? s.unitEn : s.unitIt);
}

/** "05/11/2026" or "mese di novembre 2026". */
export function entryWhen(e: Pick<UsageEntry, 'date' | 'period'>, t: TFunction, language: string): string {
  return e.period === 'month' ? t('usage.monthOf', { month: formatMonth(e.date, language) }) : formatIsoDay(e.date);
}
