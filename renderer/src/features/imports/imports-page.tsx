import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { apiErrorMessage } from '../../i18n/messages';
import { BatchImport } from './batch-import';
import { ForkList } from './fork-list';
import { PendingQueue } from './pending-queue';

/** Hub, "Importazioni": the batch import, the bundles waiting, the disputed events. */
export function ImportsPage({ view }: { view: string }) {
  const { t, i18n } = useTranslation();
  const pending = useApiQuery('bundle.pending', {});
  const forks = useApiQuery('bundle.forks', {});
  const openForks = forks.data?.filter((f) => !f.resolution).length ?? 0;
  const current = view === 'pending' || view === 'forks' ? view : '';
  const items = [
    { path: '/imports', label: t('imports.viewBatch') },
    { path: '/imports/pending', label: t('imports.viewPending', { count: pending.data?.length ?? 0 }) },
    { path: '/imports/forks', label: t('imports.viewForks', { count: openForks }) },
  ];
  const error = pending.state === 'error' ? pending.error : forks.state === 'error' ? forks.error : null;
  return (
    <>
      <PageTitle>{t('imports.title')}</PageTitle>
      <SubNav label={t('imports.viewsLabel')} items={items} currentPath={current ? `/imports/${current}` : '/imports'} />
      {error ? (
        <Alert tone="danger" live>
          {apiErrorMessage(error, t, i18n.language)}
        </Alert>
      ) : null}
      {current === '' ? (
        <BatchImport
          onImported={() => {
            pending.reload();
            forks.reload();
          }}
        />
      ) : null}
      {current === 'pending' ? pending.data ? <PendingQueue pending={pending.data} /> : <Loading /> : null}
      {current === 'forks' ? forks.data ? <ForkList
            forks={forks.data}
            onDecided={() => {
              forks.reload();
              pending.reload();
            }}
          /> : <Loading /> : null}
    </>
  );
}
