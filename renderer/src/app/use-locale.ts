import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/ids';
import { useToastStore } from '../components/toast-store';
import { toLocale } from '../i18n';
import { useApi } from './api-context';

/**
 * The UI language and its switch: the labels change at once, then the choice is saved with
 * `settings.setLocale` (read back from `app.status` at the next start). Before setup the backend
 * may refuse to save: the switch then holds for this session only, silently.
 */
export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => Promise<void> } {
  const { i18n } = useTranslation();
  const api = useApi();
  const show = useToastStore((s) => s.show);
  const setLocale = useCallback(
    async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      const result = await api.call('settings.setLocale', { locale });
      if (!result.ok && result.error.code !== 'E_NOT_INITIALIZED') show('warning', { key: 'language.saveFailed' });
    },
    [api, i18n, show],
  );
  return { locale: toLocale(i18n.resolvedLanguage ?? i18n.language), setLocale };
}
