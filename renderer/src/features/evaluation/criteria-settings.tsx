import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { NumberTextField } from '../../components/fields';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { criterionLabel, govErrorMessage } from '../governance/gov-text';
import { focusElementById } from '../../platform/document';

/** The Technical Committee's criteria: weights (integers summing to 100), error next to the field. */
export function CriteriaSettings() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  const settings = useApiQuery('gov.settings.get', {}, 0, { keepOnReceived: true });
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [errorAt, setErrorAt] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings.data) setWeights(Object.fromEntries(settings.data.criteria.criteria.map((c) => [c.id, String(c.weight)])));
  }, [settings.data]);
  if (settings.state === 'error') return <Alert tone="danger">{govErrorMessage(settings.error, t, i18n.language)}</Alert>;
  if (!settings.data) return <Loading />;
  const criteria = settings.data.criteria;
  const parsed = criteria.criteria.map((c) => ({ ...c, value: /^\d{1,3}$/.test((weights[c.id] ?? '').trim()) ? Number(weights[c.id]) : null }));
  const sum = parsed.reduce((s, c) => s + (c.value ?? 0), 0);
  const firstId = criteria.criteria[0] ? `weight-${criteria.criteria[0].id}` : '';
  const save = async () => {
    const bad = parsed.find((c) => c.value === null || c.value > 100);
    if (bad) {
      setError(t('evaluation.weightInvalid', { label: criterionLabel(bad, t) }));
      setErrorAt(bad.id);
      return focusElementById(`weight-${bad.id}`);
    }
    if (sum !== 100) {
      setError(t('evaluation.weightsSum', { sum }));
      setErrorAt(criteria.criteria[0]?.id ?? '');
      return focusElementById(firstId);
    }
    setError(undefined);
    setBusy(true);
    const res = await api.call('gov.settings.update', {
      criteria: { maxScore: criteria.maxScore, criteria: parsed.map((c) => ({ id: c.id, label: c.label, weight: c.value ?? 0 })) },
    });
    setBusy(false);
    if (!res.ok) {
      setErrorAt(criteria.criteria[0]?.id ?? '');
      return setError(govErrorMessage(res.error, t, i18n.language));
    }
    toast('success', { key: 'evaluation.criteriaSaved' });
    settings.reload();
  };
  return (
    <Card title={t('evaluation.criteriaTitle')} id="gov-criteria">
      <p className="cst-hint">{t('evaluation.criteriaIntro', { max: criteria.maxScore })}</p>
      <form
        className="cst-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {criteria.criteria.map((c) => (
          <NumberTextField
            key={c.id}
            id={`weight-${c.id}`}
            label={criterionLabel(c, t)}
            value={weights[c.id] ?? ''}
            decimals={false}
            suffix="%"
            error={c.id === errorAt ? error : undefined}
            onChange={(v) => setWeights((w) => ({ ...w, [c.id]: v }))}
          />
        ))}
        <p className={sum === 100 ? 'cst-gov-total' : 'cst-gov-total cst-gov-total-bad'} role="status">
          {t('evaluation.weightsTotal', { sum })}
        </p>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('evaluation.saveCriteria')}
        </button>
      </form>
    </Card>
  );
}
