import { useTranslation } from 'react-i18next';

/** A polite "loading" line: visible text, announced once, no spinner animation needed. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="cst-loading" role="status">
      {label ?? t('app.loading')}
    </p>
  );
}
