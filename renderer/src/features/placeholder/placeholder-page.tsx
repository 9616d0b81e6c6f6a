import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { PageTitle } from '../../components/page-title';

/** A section announced in the menu but not built yet: say so plainly, and what it will be for. */
export function PlaceholderPage({ title, purpose }: { title: string; purpose: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Card>
        <p className="cst-lead">{purpose}</p>
        <p>{t('placeholder.comingSoon')}</p>
        <a href="#/" className="cst-link-strong">
          {t('placeholder.backHome')}
        </a>
      </Card>
    </>
  );
}
