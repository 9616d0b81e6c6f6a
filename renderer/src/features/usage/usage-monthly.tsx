import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/domain/usage';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { monthName, shortMonth } from '../../i18n/dates';
import { apiErrorMessage } from '../../i18n/messages';
import { formatMilli } from '../../../../shared/format/numbers';
import { shownMilli } from '../../../../shared/domain/unit-measure';
import { useUsageStore } from './store';
import { serviceName, unitName } from './usage-model';

/** Service × month table of one year (`usage.monthly`, from the incremental monthly totals). */
export function UsageMonthly({ services, currentYear }: { services: readonly Service[]; currentYear: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stored = useUsageStore((s) => s.monthlyYear);
  const setYear = useUsageStore((s) => s.setMonthlyYear);
  const version = useUsageStore((s) => s.version);
  const year = stored ?? currentYear;
  const monthly = useApiQuery('usage.monthly', { year }, version);
  const byCode = new Map(services.map((s) => [s.code, s]));
  const years = Array.from({ length: 6 }, (_, i) => currentYear - i);
  return (
    <Card title={t('usage.monthlyTitle')} id="usage-monthly">
      <p>{t('usage.monthlyIntro')}</p>
      <div className="cst-toolbar">
        <SelectField id="usage-monthly-year" label={t('common.year')} value={String(year)} onChange={(v) => setYear(Number(v))} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      {monthly.state === 'error' ? <Alert tone="danger">{apiErrorMessage(monthly.error, t, lang)}</Alert> : null}
      {!monthly.data ? <Loading /> : null}
      {monthly.data && monthly.data.rows.length === 0 ? <p className="cst-empty">{t('usage.monthlyEmpty', { year })}</p> : null}
      {monthly.data && monthly.data.rows.length > 0 ? (
        <div className="table-responsive">
          <table className="table cst-table cst-monthly">
            <caption className="visually-hidden">{t('usage.monthlyCaption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('usage.colService')}</th>
                {Array.from({ length: 12 }, (_, m) => (
                  <th key={m} scope="col" className="text-end">
                    <abbr title={monthName(m, lang)}>{shortMonth(m, lang)}</abbr>
                  </th>
                ))}
                <th scope="col" className="text-end">
                  {t('usage.colTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {monthly.data.rows.map((row) => {
                const s = byCode.get(row.service);
                return (
                  <tr key={row.service}>
                    <th scope="row">
                      {s ? serviceName(s, lang) : row.service}
                      <span className="cst-muted cst-unit"> ({s ? unitName(s, lang) : row.unit})</span>
                    </th>
                    {row.monthsMilli.map((v, m) => (
                      <td key={m} className="text-end">
                        {v === 0 ? <span className="cst-muted">–</span> : formatMilli(v)}
                      </td>
                    ))}
                    <td className="text-end cst-strong">
                      {formatMilli(shownMilli(row.unit, row.totalMilli))}
                      {row.measure === 'level' && row.entries > 0 ? <span className="cst-muted cst-unit"> {t('usage.averageTag')}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {monthly.data.rows.some((r) => r.measure === 'level') ? <p className="cst-hint">{t('usage.levelHint')}</p> : null}
        </div>
      ) : null}
    </Card>
  );
}
