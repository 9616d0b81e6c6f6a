import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { apiErrorMessage } from '../../i18n/messages';
import { MembersTable } from './members-table';
import { matchesFilter, useMembersStore } from './store';

export function MembersPage() {
  const { t, i18n } = useTranslation();
  const members = useApiQuery('members.list', {});
  const filter = useMembersStore((s) => s.filter);
  const setFilter = useMembersStore((s) => s.setFilter);
  const all = members.data ?? [];
  const shown = filter.trim() ? all.filter((m) => matchesFilter(m.name, filter)) : all;
  return (
    <>
      <PageTitle>{t('members.title')}</PageTitle>
      <p className="cst-lead">{t('members.intro')}</p>
      {members.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(members.error, t, i18n.language)}
        </Alert>
      ) : null}
      {members.state === 'loading' && !members.data ? <Loading /> : null}
      {members.data ? (
        <>
          <div className="cst-toolbar">
            <TextField id="members-filter" label={t('members.filterLabel')} value={filter} onChange={setFilter} />
            <p className="cst-count" role="status">
              {t('members.shown', { count: shown.length, total: all.length })}
            </p>
          </div>
          <MembersTable members={shown} />
        </>
      ) : null}
    </>
  );
}
