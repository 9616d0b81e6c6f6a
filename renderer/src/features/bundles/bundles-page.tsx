import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { SubNav } from '../../components/sub-nav';
import { apiErrorMessage } from '../../i18n/messages';
import { IdentitiesPanel } from '../identities/identities-panel';
import { ForkList } from '../imports/fork-list';
import { Card } from '../../components/card';
import { ExportHistory } from './export-history';
import { ReceiveCard } from './receive-card';
import { SendCard } from './send-card';
import { SyncCard } from './sync-card';
import { GlossaryLink } from '../help/glossary-link';

/** Municipality, "Invii": send to the consortium, read what it sent, the history, the identities. */
export function BundlesPage({ view }: { view: string }) {
  const { t, i18n } = useTranslation();
  const sync = useApiQuery('sync.status', {});
  const history = useApiQuery('bundle.history', {});
  // The hub's stream as applied here may fork too (the hub restored a backup): same decision screen.
  const forks = useApiQuery('bundle.forks', {});
  const reload = () => {
    sync.reload();
    history.reload();
    forks.reload();
  };
  const current = view === 'history' || view === 'identities' ? view : '';
  const items = [
    { path: '/bundles', label: t('bundles.viewExchange') },
    { path: '/bundles/history', label: t('bundles.viewHistory') },
    { path: '/bundles/identities', label: t('bundles.viewIdentities') },
  ];
  const error = sync.state === 'error' ? sync.error : history.state === 'error' ? history.error : null;
  return (
    <>
      <PageTitle>{t('bundles.title')}</PageTitle>
      <SubNav label={t('bundles.viewsLabel')} items={items} currentPath={current ? `/bundles/${current}` : '/bundles'} />
      {error ? (
        <Alert tone="danger" live>
          {apiErrorMessage(error, t, i18n.language)}
        </Alert>
      ) : null}
      {current === '' ? (
        <>
          <p className="cst-lead">{t('bundles.intro')}</p>
          <p>
            <GlossaryLink term="pacchetto" />
          </p>
          {sync.data ? <SyncCard sync={sync.data} /> : <Loading />}
          {forks.data && forks.data.length > 0 ? (
            <Card title={t('imports.mun.title')} id="hub-forks">
              <ForkList forks={forks.data} side="municipality" onDecided={reload} />
            </Card>
          ) : null}
          <SendCard waiting={sync.data?.waiting ?? null} onSent={reload} />
          <ReceiveCard onReceived={reload} />
        </>
      ) : null}
      {current === 'history' ? (
        <>
          <p className="cst-lead">{t('bundles.historyIntro')}</p>
          {history.data ? <ExportHistory exports={history.data.exports} /> : <Loading />}
        </>
      ) : null}
      {current === 'identities' ? <IdentitiesPanel onChanged={reload} /> : null}
    </>
  );
}
