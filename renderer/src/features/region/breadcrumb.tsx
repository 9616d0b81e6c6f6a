import { useTranslation } from 'react-i18next';

/**
 * "Regione › Provincia › Comune": where the clerk is in the drill-down, each step above a link
 * back; the last step is the current page (aria-current), not a link.
 */
export function Breadcrumb({ trail }: { trail: readonly { label: string; href?: string }[] }) {
  const { t } = useTranslation();
  const steps = [{ label: t('region.crumbRegion'), href: '#/region' }, ...trail];
  return (
    <nav className="cst-breadcrumb" aria-label={t('region.breadcrumb')}>
      <ol>
        {steps.map((s, i) => {
          const last = i === steps.length - 1;
          return (
            <li key={`${i}-${s.label}`}>
              {last || !s.href ? <span aria-current={last ? 'page' : undefined}>{s.label}</span> : <a href={s.href}>{s.label}</a>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
