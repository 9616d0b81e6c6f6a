import { useTranslation } from 'react-i18next';
import type { HubService } from '../../../../shared/domain/hub-records';
import { UNITS } from '../../../../shared/records/catalogue';
import { useApiQuery } from '../../app/use-api-query';
import { Badge } from '../../components/badge';
import type { Column } from '../../components/data-table';
import { PageTitle } from '../../components/page-title';
import { formatEuroCents } from '../../i18n/format';
import { SubNav } from '../../components/sub-nav';
import { CoursesView } from './courses-view';
import { EditableList } from './editable-list';
import { GroupsView } from './groups-view';
import { SendToMembers } from './send-to-members';
import { ServiceForm } from './service-form';

/** Hub, "Catalogo e invii": the service catalogue the members use, and sending it to them. */
export function CataloguePage({ view = '' }: { view?: string }) {
  const { t } = useTranslation();
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
      {view === 'courses' ? <CoursesView /> : view === 'groups' ? <GroupsView /> : <ServicesView />}
      <SendToMembers />
    </>
  );
}

/** The services with their unit and cost; the name in the page's language first. */
function ServicesView() {
  const { t, i18n } = useTranslation();
  const services = useApiQuery('hub.services.list', {});
  const en = i18n.language === 'en';
  const name = (s: HubService) => (en ? s.nameEn : s.nameIt);
  const columns: Column<HubService>[] = [
    { key: 'code', header: t('catalogue.code'), cell: (s) => <span className="cst-code">{s.code}</span> },
    { key: 'name', header: t('catalogue.name'), cell: name, rowHeader: true },
    { key: 'other', header: en ? t('catalogue.nameIt') : t('catalogue.nameEn'), cell: (s) => (en ? s.nameIt : s.nameEn) },
    { key: 'cat', header: t('catalogue.category'), cell: (s) => t(`catalogue.categories.${s.category}`) },
    { key: 'unit', header: t('catalogue.unit'), cell: (s) => (en ? UNITS[s.unit].en : UNITS[s.unit].it) },
    { key: 'cost', header: t('catalogue.unitCost'), numeric: true, cell: (s) => (s.unitCostCents === null ? '—' : formatEuroCents(s.unitCostCents)) },
    { key: 'active', header: t('catalogue.state'), cell: (s) => (s.active ? <Badge tone="success">{t('catalogue.activeYes')}</Badge> : <Badge tone="neutral">{t('catalogue.activeNo')}</Badge>) },
  ];
  return (
    <EditableList
      id="catalogue"
      title={t('catalogue.listTitle')}
      caption={t('catalogue.caption')}
      query={services}
      columns={columns}
      rowKey={(s) => s.code}
      nameOf={name}
      empty={t('catalogue.empty')}
      addLabel={t('catalogue.add')}
      savedText={(s) => t('catalogue.saved', { code: s.code })}
      form={(props) => <ServiceForm {...props} />}
    />
  );
}
