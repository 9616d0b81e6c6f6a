import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { RadioGroupField } from '../../components/fields';
import { formatDateTime } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { GovCsvButton } from '../governance/csv-button';
import type { ConsortiumReport } from '../../../../shared/domain/gov-plan';
import type { ConsortiumReportRow } from '../../../../shared/records/gov-records';
import { DataTable } from '../../components/data-table';
import { MemberFilterBar, memberQueryInput, useMemberQuery, type MemberQuery } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { formatMilli } from '../../../../shared/format/numbers';
import { formatNumber } from '../../i18n/format';

/** "Pubblica il rapporto del consorzio": the Assembly's choice (named or by size class), then publish. */
export function PublishReport({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const settings = useApiQuery('gov.settings.get', {});
  // One page of the published rows (a national report has one per member, 7,896).
  const [query, setQuery] = useMemberQuery();
  const current = useApiQuery('report.get', { year, ...memberQueryInput(query) });
  const [named, setNamed] = useState<string>('');
  const [msg, setMsg] = useState<{ tone: 'success' | 'danger'; text: string } | null>(null);
  const value = named || (settings.data?.reportNamed ? 'named' : 'classes');
  const publish = async () => {
    const upd = await api.call('gov.settings.update', { reportNamed: value === 'named' });
    if (!upd.ok) return setMsg({ tone: 'danger', text: apiErrorMessage(upd.error, t, i18n.language) });
    const res = await api.call('report.publish', { year });
    if (!res.ok) return setMsg({ tone: 'danger', text: apiErrorMessage(res.error, t, i18n.language) });
    setMsg({ tone: 'success', text: t('reports.published', { rows: res.value.rows.length, practices: res.value.good_practices.length }) });
    current.reload();
  };
  return (
    <Card title={t('reports.publishTitle')} id="plan-publish">
      <p className="cst-hint">{t('reports.publishIntro')}</p>
      {current.data?.report ? (
        <div className="cst-gov-toolbar">
          <p className="mb-0">{t('reports.lastPublished', { at: formatDateTime(current.data.report.updatedAt) })}</p>
          <GovCsvButton table="report" year={year} label={t('reportDocs.csv.report')} />
        </div>
      ) : null}
      {current.data?.report ? <ReportRows report={current.data.report} query={query} onQuery={setQuery} /> : null}
      <RadioGroupField
        id="report-named"
        legend={t('reports.namedLegend')}
        value={value}
        onChange={setNamed}
        inline={false}
        choices={[
          { value: 'named', label: t('reports.named') },
          { value: 'classes', label: t('reports.classes') },
        ]}
      />
      <button type="button" className="btn btn-primary" onClick={() => void publish()}>
        {t('reports.publish')}
      </button>
      {msg ? (
        <Alert tone={msg.tone} live>
          {msg.text}
        </Alert>
      ) : null}
    </Card>
  );
}

/** The published rows, a page at a time; search, province and region when the report names the members. */
function ReportRows({ report, query, onQuery }: { report: ConsortiumReport; query: MemberQuery; onQuery: (patch: Partial<MemberQuery>) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-rows-title">
      <h3 className="cst-subtitle" id="report-rows-title">
        {t('reports.rowsTitle')}
      </h3>
      {report.named ? <MemberFilterBar id="report-rows" query={query} onChange={onQuery} /> : <p className="cst-hint">{t('reports.rowsByClass')}</p>}
      <DataTable<ConsortiumReportRow>
        caption={t('reports.rowsCaption', { year: report.year })}
        rows={report.rows}
        rowKey={(r) => r.istat ?? JSON.stringify(r)}
        empty={t('hubViews.empty')}
        columns={[
          { key: 'm', header: t('reports.colMember'), rowHeader: true, cell: (r) => r.name ?? r.size_label },
          { key: 's', header: t('reports.colSize'), cell: (r) => r.size_label },
          { key: 'h', header: t('reports.colHours'), numeric: true, cell: (r) => formatMilli(r.training_hours_milli) },
          { key: 'p', header: t('reports.colPerEmployee'), numeric: true, cell: (r) => formatMilli(r.hours_per_employee_milli) },
          { key: 'g', header: t('reports.colGroups'), numeric: true, cell: (r) => formatNumber(r.groups) },
        ]}
      />
      <Pager id="report-rows-pager" page={report.page} onPage={(page) => onQuery({ page })} counting={report.named ? 'members' : 'rows'} />
    </section>
  );
}
