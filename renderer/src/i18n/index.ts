import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import type { Locale } from '../../../shared/domain/ids';
import { formatInteger } from '../../../shared/format/numbers';
import { setDocumentLanguage } from '../platform/document';
import { en } from './en';
import { it } from './it';

export const LOCALES: readonly Locale[] = ['it', 'en'];
export const DEFAULT_LOCALE: Locale = 'it';

/**
 * One i18next instance for the app (tests create their own through the same function).
 * Italian is the default and the fallback; init is synchronous (resources are bundled).
 */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { it: { translation: withManyForms(it) }, en: { translation: withManyForms(en) } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES as Locale[],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  // `{{count, int}}` in the catalogue: counts grouped the Italian way in both languages ("1.234"),
  // the same text as formatNumber; i18next's own `number` would follow CLDR ("1234" in Italian).
  instance.services.formatter?.add('int', (value: unknown) => (typeof value === 'number' ? formatInteger(value) : String(value)));
  applyLocale(locale);
  instance.on('languageChanged', (lng) => applyLocale(toLocale(lng)));
  return instance;
}

/**
 * CLDR gives Italian a third plural category, "many", for exact millions ("1 milione di righe"):
 * Intl.PluralRules('it').select(1_000_000) is 'many', and i18next, finding no `rows_many`, would
 * show the key itself. The catalogue writes `_one`/`_other` only; `_many` is `_other` copied here.
 */
export function withManyForms<T extends object>(catalogue: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalogue)) {
    out[key] = typeof value === 'object' && value !== null ? withManyForms(value) : value;
    const other = /^(.*)_other$/.exec(key);
    if (other && !(`${other[1]}_many` in catalogue)) out[`${other[1]}_many`] = value;
  }
  return out as T;
}

export function toLocale(value: string | undefined): Locale {
  return value === 'en' ? 'en' : 'it';
}

/** Side effects of a language: `<html lang>` and zod's default messages. */
function applyLocale(locale: Locale): void {
  setDocumentLanguage(locale);
  z.config(locale === 'en' ? z.locales.en() : z.locales.it());
}
