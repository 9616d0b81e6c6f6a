import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';

export function GroupsPage() {
  const { t } = useTranslation();
  
  return <PageTitle>{t('nav.groups')}</PageTitle>;
}
