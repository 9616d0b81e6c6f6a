import { useTranslation } from 'react-i18next';
import type { HubTrainingRow } from '../../../../shared/domain/hub-views';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { MemberFilterBar, memberQueryInput, useMemberQuery } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { Alert } from '../../components/alert';
import { DataTable, type Column } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { formatMilli } from '../../../../shared/format/numbers';
import { saveFile } from '../../platform/save-file';
import { textToBase64, toItalianCsv } from './csv';
import { hoursText } from '../../i18n/counts';

/**
 * Hub: training hours by member and year, and per employee where the member sent its staff. One
 * page of members at a time (search, province, region); the total covers every member selected.
 */
export function HubTrainingView({ member }: { member?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [query, setQuery] = useMemberQuery();
  const page = useApiQuery('hub.training.page', { ...(member ? { member } : {}), ...memberQueryInput(query) });
  const rows = { ...page, data: page.data?.rows };
  const perEmployee = (r: HubTrainingRow) => (r.hoursPerEmployee === null ? t('hubViews.notSent') : r.hoursPerEmployee.replace('.', ','));
  const columns: Column<HubTrainingRow>[] = [
    { key: 'member', header: t('hubViews.colMember'), cell: (r) => r.name, rowHeader: true },
    { key: 'year', header: t('hubViews.colYear'), cell: (r) => (r.year === 0 ? t('hubViews.unknownYear') : String(r.year)) },
    { key: 'part', header: t('hubViews.colParticipations'), numeric: true, cell: (r) => formatNumber(r.participations) },
    { key: 'done', header: t('hubViews.colCompleted'), numeric: true, cell: (r) => formatNumber(r.completed) },
    { key: 'hours', header: t('hubViews.colHours'), numeric: true, cell: (r) => formatMilli(r.hoursMilli) },
    { key: 'staff', header: t('hubViews.colStaff'), numeric: true, cell: (r) => (r.staff === null ? t('hubViews.notSent') : formatNumber(r.staff)) },
    { key: 'per', header: t('hubViews.colPerEmployee'), numeric: true, cell: perEmployee },
  ];
  const totalMilli = page.data?.totals.hoursMilli ?? 0;
  const onCsv = async () => {
    // Every member the filters select, 500 a call, not only the page shown.
    const all: HubTrainingRow[] = [];
    for (let n = 1, pages = 1; n <= pages; n++) {
      const res = await api.call('hub.training.page', { ...(member ? { member } : {}), ...memberQueryInput({ ...query, page: n }, 500) });
      if (!res.ok) return;
      all.push(...res.value.rows);
      pages = res.value.page.pages;
    }
    const header = [t('hubViews.colMember'), 'ISTAT', t('hubViews.colYear'), t('hubViews.colParticipations'), t('hubViews.colCompleted'), t('hubViews.colHours'), t('hubViews.colStaff'), t('hubViews.colPerEmployee')];
    const body = all.map((r) => [r.name, r.member, r.year, r.participations, r.completed, formatMilli(r.hoursMilli), r.staff ?? '', r.hoursPerEmployee?.replace('.', ',') ?? '']);
    await saveFile({ fileName: 'formazione-soci.csv', contentBase64: textToBase64(toItalianCsv(header, body)) });
  };
  return (
    <section aria-labelledby="hub-training-title">
      <h2 className="cst-subtitle" id="hub-training-title">
        {t('hubViews.trainingTitle')}
      </h2>
      {member ? null : <MemberFilterBar id="hub-training" query={query} onChange={setQuery} />}
      {rows.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(rows.error, t, i18n.language)}
        </Alert>
      ) : null}
      {!rows.data ? <Loading /> : null}
      {rows.data ? (
        <>
          <p>{t('hubViews.trainingTotal', { hours: hoursText(t, totalMilli) })}</p>
          <DataTable caption={t('hubViews.trainingCaption')} columns={columns} rows={rows.data} rowKey={(r) => `${r.member}:${r.year}`} empty={t('hubViews.empty')} />
          <Pager id="hub-training-pager" page={page.data?.page} onPage={(n) => setQuery({ page: n })} />
          <button type="button" className="btn btn-outline-primary" onClick={() => void onCsv()} disabled={rows.data.length === 0}>
            {t('hubViews.csv')}
          </button>
        </>
      ) : null}
    </section>
  );
}
