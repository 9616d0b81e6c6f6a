import { useTranslation } from 'react-i18next';
import type { Service, UsageEntry } from '../../../../shared/domain/usage';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { DateField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { formatMilli } from '../../../../shared/format/numbers';
import { shownMilli, unitWord } from '../../../../shared/domain/unit-measure';
import { HistoryButton } from '../history/history-button';
import { beneficiariesText } from '../history/history-values';
import { filtersInput, useUsageStore } from './store';
import { entryWhen, serviceName, unitName } from './usage-model';

const PAGE_SIZE = 20;

/** The entries with filters (service, period, text), paging, totals per unit, edit and delete. */
export function UsageList({ services }: { services: readonly Service[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { filters, cursors, version, setFilter, resetFilters, nextPage, previousPage, edit, askDelete } = useUsageStore();
  const cursor = cursors[cursors.length - 1] ?? null;
  const list = useApiQuery('usage.list', { ...filtersInput(filters), limit: PAGE_SIZE, cursor }, version);
  const byCode = new Map(services.map((s) => [s.code, s]));
  const name = (code: string) => {
    const s = byCode.get(code);
    return s ? serviceName(s, lang) : code;
  };
  const unitOf = (code: string, milli: number) => {
    const s = byCode.get(code);
    return s ? unitName(s, lang, milli) : '';
  };
  const rowLabel = (e: UsageEntry) => t('usage.rowLabel', { when: entryWhen(e, t, lang), service: name(e.service) });

  const columns: Column<UsageEntry>[] = [
    { key: 'date', header: t('usage.colDate'), cell: (e) => entryWhen(e, t, lang), rowHeader: true },
    { key: 'service', header: t('usage.colService'), cell: (e) => name(e.service) },
    { key: 'quantity', header: t('usage.colQuantity'), numeric: true, cell: (e) => `${formatMilli(e.quantityMilli)} ${unitOf(e.service, e.quantityMilli)}` },
    {
      key: 'details',
      header: t('usage.colDetails'),
      cell: (e) => {
        const b = e.beneficiaries;
        const parts = [
          beneficiariesText(b, t) || null,
          e.channel ? t(`usage.channel_${e.channel}`) : null,
          e.note || null,
        ].filter((x): x is string => x !== null);
        return parts.length ? <span className="cst-note-cell">{parts.join(' · ')}</span> : t('common.none');
      },
    },
    { key: 'version', header: t('usage.colVersion'), numeric: true, cell: (e) => String(e.version) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (e) => (
        <div className="cst-row-actions">
          <button type="button" className="btn btn-sm btn-outline-primary cst-row-action" onClick={() => edit(e)}>
            {t('common.edit')}
            <span className="visually-hidden">: {rowLabel(e)}</span>
          </button>
          <HistoryButton target={{ kind: 'usage', id: e.id, what: rowLabel(e), names: Object.fromEntries(services.map((s) => [s.code, serviceName(s, lang)])) }} />
          <button type="button" className="btn btn-sm btn-outline-danger cst-row-action" onClick={() => askDelete(e)}>
            {t('common.delete')}
            <span className="visually-hidden">: {rowLabel(e)}</span>
          </button>
        </div>
      ),
    },
  ];

  const data = list.data;
  const hasFilters = Boolean(filters.service || filters.from || filters.to || filters.text);
  return (
    <Card title={t('usage.listTitle')} id="usage-list">
      <fieldset className="cst-toolbar cst-filters">
        <legend className="visually-hidden">{t('usage.filters')}</legend>
        <SelectField
          id="usage-filter-service"
          label={t('usage.filterService')}
          value={filters.service}
          onChange={(v) => setFilter('service', v)}
          options={[{ value: '', label: t('usage.filterAll') }, ...services.map((s) => ({ value: s.code, label: serviceName(s, lang) }))]}
        />
        <DateField id="usage-filter-from" label={t('usage.filterFrom')} value={filters.from} onChange={(v) => setFilter('from', v)} />
        <DateField id="usage-filter-to" label={t('usage.filterTo')} value={filters.to} onChange={(v) => setFilter('to', v)} />
        <TextField id="usage-filter-text" label={t('usage.filterText')} value={filters.text} onChange={(v) => setFilter('text', v)} />
        {hasFilters ? (
          <button type="button" className="btn btn-outline-primary cst-filter-reset" onClick={resetFilters}>
            {t('usage.filterReset')}
          </button>
        ) : null}
      </fieldset>
      {list.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(list.error, t, lang)}
        </Alert>
      ) : null}
      {!data && list.state === 'loading' ? <Loading /> : null}
      {data ? (
        <>
          <p className="cst-count" role="status">
            {t('usage.found', { count: data.total, formatted: formatNumber(data.total) })}
          </p>
          {data.totals.length ? (
            <div className="cst-totals">
              <h3 className="cst-subtitle">{t('usage.totals')}</h3>
              <ul className="cst-plain-list">
                {data.totals.map((u) => (
                  <li key={u.unit}>
                    {t(u.measure === 'level' ? 'usage.totalLineLevel' : 'usage.totalLine', {
                      quantity: formatMilli(shownMilli(u.unit, u.quantityMilli)),
                      unit: unitWord(u.unit, shownMilli(u.unit, u.quantityMilli), lang),
                      entries: u.entries,
                    })}
                  </li>
                ))}
              </ul>
              {data.totals.some((u) => u.measure === 'level') ? <p className="cst-hint">{t('usage.levelHint')}</p> : null}
            </div>
          ) : null}
          <DataTable caption={t('usage.caption')} captionHidden columns={columns} rows={data.rows} rowKey={(e) => e.id} empty={t('usage.empty')} />
          {cursors.length > 1 || data.nextCursor ? (
            <nav className="cst-pager" aria-label={t('common.pageOf', { page: cursors.length })}>
              <button type="button" className="btn btn-outline-primary" onClick={previousPage} disabled={cursors.length <= 1}>
                {t('common.previousPage')}
              </button>
              <span className="cst-pager-page">{t('common.pageOf', { page: cursors.length })}</span>
              <button type="button" className="btn btn-outline-primary" onClick={() => data.nextCursor && nextPage(data.nextCursor)} disabled={!data.nextCursor}>
                {t('common.nextPage')}
              </button>
            </nav>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
