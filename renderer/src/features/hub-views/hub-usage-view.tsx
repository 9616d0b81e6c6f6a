import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubUsageTable } from '../../../../shared/domain/hub-views';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { MemberFilterBar, memberQueryInput, useMemberQuery } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { Alert } from '../../components/alert';
import { BarChart, isCurrentMonth } from '../../components/bar-chart';
import { DataTable, type Column } from '../../components/data-table';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { formatMonth, shortMonth } from '../../i18n/dates';
import { apiErrorMessage } from '../../i18n/messages';
import { formatMilli } from '../../../../shared/format/numbers';
import { shownMilli, unitWord } from '../../../../shared/domain/unit-measure';
import { saveFile } from '../../platform/save-file';
import { textToBase64, toItalianCsv } from './csv';

type Row = HubUsageTable['byServiceMember'][number];

/**
 * Hub: usage of each service by each member over a period; filters, totals, chart, CSV. One page
 * of members at a time (search, province, region); the totals and the chart cover every member
 * the filters select (issue 12).
 */
export function HubUsageView({ member }: { member?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [service, setService] = useState('');
  const [query, setQuery] = useMemberQuery();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01`);
  const to = `${from.slice(0, 4)}-12`;
  const filter = { ...(service ? { service } : {}), ...(member ? { member } : {}), from, to };
  // The screen shows per-member figures and totals, never the monthly cells: one is enough.
  const usage = useApiQuery('hub.usage.byMember', { ...filter, ...memberQueryInput(query), limit: 1 });
  const data = usage.data;
  const en = i18n.language === 'en';
  const serviceName = (code: string) => {
    const s = data?.services.find((x) => x.code === code);
    return s ? `${en ? s.nameEn : s.nameIt}` : code;
  };
  /** The unit's word, agreeing with a quantity when there is one ("1 casella", "4 caselle"). */
  const unitOf = (code: string, milli: number | null = null) => {
    const s = data?.services.find((x) => x.code === code);
    return s ? unitWord(s.unit, milli === null ? null : shownMilli(s.unit, milli), en ? 'en' : 'it', en ? s.unitEn : s.unitIt) : '';
  };
  const isLevel = (code: string) => data?.services.find((x) => x.code === code)?.measure === 'level';
  const shown = (code: string, milli: number) => formatMilli(shownMilli(data?.services.find((x) => x.code === code)?.unit ?? '', milli));
  /** "6,47 GB" for a count's total; "6,47 GB, media mensile" for a level held (never summed over months). */
  const quantityText = (code: string, milli: number) => {
    const q = `${shown(code, milli)} ${unitOf(code, milli)}`.trim();
    return isLevel(code) ? t('hubViews.quantityLevel', { quantity: q }) : q;
  };
  const memberName = (istat: string) => data?.members.find((m) => m.istat === istat)?.name ?? istat;
  const columns: Column<Row>[] = [
    { key: 'service', header: t('hubViews.colService'), cell: (r) => serviceName(r.service), rowHeader: true },
    { key: 'member', header: t('hubViews.colMember'), cell: (r) => memberName(r.member) },
    { key: 'qty', header: t('hubViews.colQuantity'), numeric: true, cell: (r) => quantityText(r.service, r.quantityMilli) },
    { key: 'entries', header: t('hubViews.colEntries'), numeric: true, cell: (r) => String(r.entries) },
  ];
  const years = [year, year - 1, year - 2].map((y) => ({ value: `${y}-01`, label: String(y) }));
  const chartService = service || data?.byService[0]?.service || '';
  // Every month of the chosen year, not only those with data: a lone bar reads as a full year.
  const yearMonths = Array.from({ length: 12 }, (_, i) => `${from.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
  const chartData = yearMonths.map((m) => {
    const cell = data?.byServiceMonth.find((c) => c.service === chartService && c.month === m);
    const milli = cell?.quantityMilli ?? 0;
    return { label: shortMonth(Number(m.slice(5, 7)) - 1, i18n.language), longLabel: formatMonth(m, i18n.language), value: milli, display: formatMilli(milli), inProgress: isCurrentMonth(m) };
  });

  const onCsv = async () => {
    if (!data) return;
    const names: { istat: string; name: string }[] = [];
    // Every member the filters select, read page by page (500 members a call), not only the page shown.
    const all: Row[] = [];
    for (let page = 1, pages = 1; page <= pages; page++) {
      const res = await api.call('hub.usage.byMember', { ...filter, ...memberQueryInput({ ...query, page }, 500), limit: 1 });
      if (!res.ok) return;
      all.push(...res.value.byServiceMember);
      names.push(...res.value.members);
      pages = res.value.page?.pages ?? 1;
    }
    const header = [t('hubViews.colService'), t('hubViews.colMember'), 'ISTAT', t('hubViews.colQuantity'), t('hubViews.colUnit'), t('hubViews.colMeasure'), t('hubViews.colEntries')];
    const rows = all.map((r) => [
      serviceName(r.service),
      names.find((m) => m.istat === r.member)?.name ?? r.member,
      r.member,
      formatMilli(r.quantityMilli, { grouping: false }),
      unitOf(r.service),
      t(isLevel(r.service) ? 'hubViews.measureLevel' : 'hubViews.measureCount'),
      r.entries,
    ]);
    await saveFile({ fileName: `utilizzo-soci-${from.slice(0, 4)}.csv`, contentBase64: textToBase64(toItalianCsv(header, rows)) });
  };

  return (
    <section aria-labelledby="hub-usage-title">
      <h2 className="cst-subtitle" id="hub-usage-title">
        {t('hubViews.usageTitle')}
      </h2>
      <div className="cst-form-grid">
        <SelectField
          id="hub-usage-service"
          label={t('hubViews.filterService')}
          value={service}
          onChange={setService}
          options={[{ value: '', label: t('hubViews.all') }, ...(data?.services ?? []).map((s) => ({ value: s.code, label: en ? s.nameEn : s.nameIt }))]}
        />
        <SelectField id="hub-usage-year" label={t('hubViews.filterYear')} value={from} onChange={setFrom} options={years} />
      </div>
      {member ? null : <MemberFilterBar id="hub-usage" query={query} onChange={setQuery} />}
      {usage.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(usage.error, t, i18n.language)}
        </Alert>
      ) : null}
      {!data ? <Loading /> : null}
      {data ? (
        <>
          <ul>
            {data.byService.map((s) => (
              <li key={s.service}>
                {t(isLevel(s.service) ? 'hubViews.serviceTotalLevel' : 'hubViews.serviceTotal', { service: serviceName(s.service), quantity: `${shown(s.service, s.quantityMilli)} ${unitOf(s.service, s.quantityMilli)}`, entries: s.entries })}
              </li>
            ))}
          </ul>
          {data.services.some((s) => s.measure === 'level') ? <p className="cst-hint">{t('hubViews.levelHint')}</p> : null}
          {chartService && data.byServiceMonth.length > 0 ? (
            <BarChart
              title={t('hubViews.chartTitle', { service: serviceName(chartService), year: from.slice(0, 4) })}
              summary={t('hubViews.chartTitle', { service: serviceName(chartService), year: from.slice(0, 4) })}
              data={chartData}
              valueHeader={unitOf(chartService)}
              periodHeader={t('hubViews.colMonth')}
            />
          ) : null}
          <DataTable caption={t('hubViews.usageCaption')} columns={columns} rows={data.byServiceMember} rowKey={(r) => `${r.service}:${r.member}`} empty={t('hubViews.empty')} />
          <Pager id="hub-usage-pager" page={data.page} onPage={(page) => setQuery({ page })} />
          <button type="button" className="btn btn-outline-primary" onClick={() => void onCsv()} disabled={data.byServiceMember.length === 0}>
            {t('hubViews.csv')}
          </button>
        </>
      ) : null}
    </section>
  );
}
