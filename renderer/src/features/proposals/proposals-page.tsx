import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function ProposalsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  void sub;
  return <PageTitle>{t('nav.proposals')}</PageTitle>;
}
