import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/domain/ids';

export interface LanguageSwitchProps {
  current: Locale;
  onChange: (locale: Locale) => void;
  /** `slim` for the header band, `large` for the settings page. */
  variant?: 'slim' | 'large';
}

const LANGUAGES: readonly Locale[] = ['it', 'en'];

/**
 * Two toggle buttons, each named in its own language (and marked with `lang`, WCAG 3.1.2),
 * so that a person who does not read the current one still finds theirs.
 */
export function LanguageSwitch({ current, onChange, variant = 'slim' }: LanguageSwitchProps) {
  const { t } = useTranslation();
  return (
    <div role="group" aria-label={t('language.choose')} className={`cst-language cst-language-${variant}`}>
      {LANGUAGES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={current === locale}
          className={`cst-language-${variant}-button${current === locale ? ' cst-language-current' : ''}`}
          onClick={() => current !== locale && onChange(locale)}
        >
          {t(`language.${locale}`)}
        </button>
      ))}
    </div>
  );
}
