import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import type { Locale } from '../../../shared/domain/ids';
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
    resources: { it: { translation: it }, en: { translation: en } },
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES as Locale[],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  });
  applyLocale(locale);
  instance.on('languageChanged', (lng) => applyLocale(toLocale(lng)));
  return instance;
}

export function toLocale(value: string | undefined): Locale {
  return value === 'en' ? 'en' : 'it';
}

/** Side effects of a language: `<html lang>` and zod's default messages. */
function applyLocale(locale: Locale): void {
  setDocumentLanguage(locale);
  z.config(locale === 'en' ? z.locales.en() : z.locales.it());
}
