import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/domain/usage';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { BarChart, isCurrentMonth } from '../../components/bar-chart';
import { Card } from '../../components/card';
import { Loading } from '../../components/loading';
import { formatMonth, shortMonth } from '../../i18n/dates';
import { apiErrorMessage } from '../../i18n/messages';
import { formatMilli } from '../../../../shared/format/numbers';
import { combineMonths, isLevel, shownMilli } from '../../../../shared/domain/unit-measure';
import { useUsageStore } from './store';
import { serviceName, unitName } from './usage-model';

/** One small bar chart of the last 12 months per service, each with its figures in a table. */
export function UsageTrend({ services }: { services: readonly Service[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const version = useUsageStore((s) => s.version);
  const trend = useApiQuery('usage.trend', { months: 12 }, version);
  const byCode = new Map(services.map((s) => [s.code, s]));
  const series = trend.data?.series.filter((s) => s.valuesMilli.some((v) => v > 0)) ?? [];
  return (
    <Card title={t('usage.trendTitle')} id="usage-trend">
      <p>{t('usage.trendIntro')}</p>
      {trend.state === 'error' ? <Alert tone="danger">{apiErrorMessage(trend.error, t, lang)}</Alert> : null}
      {!trend.data ? <Loading /> : null}
      {trend.data && series.length === 0 ? <p className="cst-empty">{t('usage.trendEmpty')}</p> : null}
      <div className="cst-chart-grid">
        {trend.data
          ? series.map((s) => {
              const svc = byCode.get(s.service);
              const name = svc ? serviceName(svc, lang) : s.service;
              const unit = svc ? unitName(svc, lang) : s.unit;
              const months = trend.data?.months ?? [];
              const data = s.valuesMilli.map((v, i) => {
                const ym = months[i] ?? '';
                return { label: shortMonth(Number(ym.slice(5, 7)) - 1, lang), longLabel: formatMonth(ym, lang), value: v, display: formatMilli(v), inProgress: isCurrentMonth(ym) };
              });
              // A level (GB held) is averaged over the months with a figure; a count adds up.
              const level = isLevel(s.unit);
              const total = shownMilli(s.unit, combineMonths(s.unit, s.valuesMilli.filter((v) => v > 0)) ?? 0);
              const maxIndex = s.valuesMilli.reduce((best, v, i, arr) => (v > (arr[best] ?? 0) ? i : best), 0);
              const summary =
                total === 0
                  ? t('usage.trendSummaryEmpty', { service: name })
                  : t(level ? 'usage.trendSummaryLevel' : 'usage.trendSummary', {
                      service: name,
                      total: formatMilli(total),
                      unit,
                      month: formatMonth(months[maxIndex] ?? '', lang),
                      max: formatMilli(s.valuesMilli[maxIndex] ?? 0),
                    });
              return (
                <BarChart
                  key={s.service}
                  title={`${name} (${unit})`}
                  summary={summary}
                  data={data}
                  periodHeader={t('usage.trendPeriod')}
                  valueHeader={t('usage.trendValue', { unit })}
                  maxDisplay={formatMilli(s.valuesMilli[maxIndex] ?? 0)}
                  note={t(level ? 'usage.trendNoteLevel' : 'usage.trendNote', { total: formatMilli(total), unit })}
                />
              );
            })
          : null}
      </div>
    </Card>
  );
}
