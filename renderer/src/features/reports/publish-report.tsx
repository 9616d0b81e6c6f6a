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

/** "Pubblica il rapporto del consorzio": the Assembly's choice (named or by size class), then publish. */
export function PublishReport({ year }: { year: number }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const settings = useApiQuery('gov.settings.get', {});
  const current = useApiQuery('report.get', { year });
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
