import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function TrainingPage({ view }: { view: string }) {
  const { t } = useTranslation();
  void view;
  return <PageTitle>{t('nav.training')}</PageTitle>;
}
