import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubService } from '../../../../shared/domain/hub-records';
import { UNITS } from '../../../../shared/records/catalogue';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { apiErrorMessage } from '../../i18n/messages';
import { formatEuro } from '../../i18n/money';
import { SubNav } from '../../components/sub-nav';
import { CoursesView } from './courses-view';
import { GroupsView } from './groups-view';
import { SendToMembers } from './send-to-members';
import { ServiceForm } from './service-form';

/** Hub, "Catalogo e invii": the service catalogue the members use, and sending it to them. */
export function CataloguePage({ view = '' }: { view?: string }) {
  const { t, i18n } = useTranslation();
  const services = useApiQuery('hub.services.list', {});
  const [editing, setEditing] = useState<HubService | 'new' | null>(null);
  // The code only: the sentence follows a language switch made while it shows.
  const [saved, setSaved] = useState<string | null>(null);
  const en = i18n.language === 'en';
  const columns: Column<HubService>[] = [
    { key: 'code', header: t('catalogue.code'), cell: (s) => <span className="cst-code">{s.code}</span> },
    { key: 'name', header: t('catalogue.name'), cell: (s) => (en ? s.nameEn : s.nameIt), rowHeader: true },
    { key: 'other', header: en ? t('catalogue.nameIt') : t('catalogue.nameEn'), cell: (s) => (en ? s.nameIt : s.nameEn) },
    { key: 'cat', header: t('catalogue.category'), cell: (s) => t(`catalogue.categories.${s.category}`) },
    { key: 'unit', header: t('catalogue.unit'), cell: (s) => (en ? UNITS[s.unit].en : UNITS[s.unit].it) },
    { key: 'cost', header: t('catalogue.unitCost'), numeric: true, cell: (s) => (s.unitCostCents === null ? '—' : formatEuro(s.unitCostCents)) },
    { key: 'active', header: t('catalogue.state'), cell: (s) => (s.active ? <Badge tone="success">{t('catalogue.activeYes')}</Badge> : <Badge tone="neutral">{t('catalogue.activeNo')}</Badge>) },
    {
      key: 'edit',
      header: t('catalogue.actions'),
      cell: (s) => (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => setEditing(s)}>
          {t('catalogue.editShort')}
          <span className="visually-hidden"> {en ? s.nameEn : s.nameIt}</span>
        </button>
      ),
    },
  ];
  return (
    <>
      <PageTitle>{t('catalogue.title')}</PageTitle>
      <p className="cst-lead">{t('catalogue.intro')}</p>
      <SubNav
        label={t('hubRecords.viewsLabel')}
        items={[
          { path: '/catalogue', label: t('hubRecords.viewServices') },
          { path: '/catalogue/courses', label: t('hubRecords.viewCourses') },
          { path: '/catalogue/groups', label: t('hubRecords.viewGroups') },
        ]}
        currentPath={view === 'courses' || view === 'groups' ? `/catalogue/${view}` : '/catalogue'}
      />
      {view === 'courses' ? <CoursesView /> : null}
      {view === 'groups' ? <GroupsView /> : null}
      {view === 'courses' || view === 'groups' ? null : (
      <Card title={t('catalogue.listTitle')} id="catalogue">
        {services.state === 'error' ? (
          <Alert tone="danger" live>
            {apiErrorMessage(services.error, t, i18n.language)}
          </Alert>
        ) : null}
        {saved ? (
          <Alert tone="success" live>
            {t('catalogue.saved', { code: saved })}
          </Alert>
        ) : null}
        {editing === null ? (
          <button type="button" className="btn btn-primary mb-3" onClick={() => setEditing('new')}>
            {t('catalogue.add')}
          </button>
        ) : (
          <ServiceForm
            key={editing === 'new' ? 'new' : editing.code}
            service={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={(s) => {
              setEditing(null);
              setSaved(s.code);
              services.reload();
            }}
          />
        )}
        {services.data ? (
          <DataTable caption={t('catalogue.caption')} captionHidden columns={columns} rows={services.data} rowKey={(s) => s.code} empty={t('catalogue.empty')} />
        ) : (
          <Loading />
        )}
      </Card>
      )}
      <SendToMembers />
    </>
  );
}
