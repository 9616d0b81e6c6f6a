import type { TFunction } from 'i18next';
import { formatIsoDay } from '../../i18n/dates';
import { formatDateTime, formatEuroCents } from '../../i18n/format';
import { formatMilli } from '../../../../shared/format/numbers';

/** "Cittadini 12, Uffici interni 1": only the counts that are known. */
export function beneficiariesText(b: Record<string, number | null | undefined>, t: TFunction): string {
  return (['citizens', 'businesses', 'offices'] as const)
    .filter((k) => typeof b[k] === 'number')
    .map((k) => `${t(`usage.${k}`)} ${String(b[k])}`)
    .join(', ');
}

/** Names a record's field (the event's snake_case key) in the UI's language. */
export function fieldLabel(field: string, t: TFunction): string {
  return t(`history.fields.${field}`, { defaultValue: field });
}

/**
 * A stored value as a clerk reads it: thousandths and cents the Italian way, dates dd/mm/yyyy,
 * yes/no, ids of people and courses by the names the caller knows (`names`).
 */
export function fieldValue(field: string, value: unknown, t: TFunction, names: ReadonlyMap<string, string> = new Map()): string {
  if (value === null || value === undefined || value === '') return t('history.empty_value');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    if (field.endsWith('_milli')) return formatMilli(value);
    if (field.endsWith('_cents')) return formatEuroCents(value);
    return String(value);
  }
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatIsoDay(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    if (field === 'channel') return t(`usage.channel_${value}`, { defaultValue: value });
    if (field === 'mode') return t(`training.mode_${value}`, { defaultValue: value });
    if (field === 'status') return t(`proposals.status_${value}`, { defaultValue: value });
    if (field === 'period') return value === 'month' ? t('usage.periodMonth') : t('usage.periodDay');
    return names.get(value) ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('history.empty_value');
    return value.map((v) => (typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : (names.get(String(v)) ?? String(v)))).join(', ');
  }
  if (typeof value === 'object') {
    if (field === 'beneficiaries') {
      return beneficiariesText(value as Record<string, number | null | undefined>, t) || t('history.empty_value');
    }
    return JSON.stringify(value);
  }
  return String(value);
}
