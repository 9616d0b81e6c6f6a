import type { TFunction } from 'i18next';
import { formatMilli } from '../../../shared/format/numbers';

/**
 * Hours held in thousandths → "1 ora", "1,5 ore", "12 ore" (English "1 hour", "1.5 hours"): the
 * plural follows the value itself (CLDR: only a whole 1 is singular), the digits come from
 * shared/format. For sentences that carry hours next to other counted nouns.
 */
export function hoursText(t: TFunction, milli: number): string {
  return t('counts.hours', { count: milli / 1000, hours: formatMilli(milli) });
}
