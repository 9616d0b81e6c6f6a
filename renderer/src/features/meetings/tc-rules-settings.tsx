import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { CheckboxField, NumberTextField, RadioGroupField } from '../../components/fields';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { govErrorMessage } from '../governance/gov-text';

/** The Technical Committee's rules (gov.settings `technicalCommittee`): what the quorum counts, how many, and proxies. */
export function TcRulesSettings() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  const settings = useApiQuery('gov.settings.get', {});
  const [basis, setBasis] = useState<'designated' | 'members'>('designated');
  const [kind, setKind] = useState<'majority' | 'fraction'>('majority');
  const [numerator, setNumerator] = useState('1');
  const [denominator, setDenominator] = useState('2');
  const [allowed, setAllowed] = useState(true);
  const [max, setMax] = useState('1');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const r = settings.data?.technicalCommittee;
    if (!r) return;
    setBasis(r.quorum.basis);
    setKind(r.quorum.kind);
    setNumerator(String(r.quorum.numerator));
    setDenominator(String(r.quorum.denominator));
    setAllowed(r.proxies.allowed);
    setMax(String(r.proxies.max_per_attendee));
  }, [settings.data]);
  if (settings.state === 'error') return <Alert tone="danger">{govErrorMessage(settings.error, t, i18n.language)}</Alert>;
  if (!settings.data) return <Loading />;
  const save = async () => {
    const n = Number(numerator);
    const d = Number(denominator);
    const m = Number(max);
    const errs: Record<string, string> = {};
    if (kind === 'fraction' && !(/^\d{1,3}$/.test(numerator) && /^\d{1,3}$/.test(denominator) && n >= 1 && d >= 1 && d <= 100 && n <= d)) errs.fraction = t('meetings.rulesFractionInvalid');
    if (allowed && !(/^\d{1,2}$/.test(max) && m <= 10)) errs.max = t('meetings.rulesMaxInvalid');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    const res = await api.call('gov.settings.update', {
      technicalCommittee: {
        quorum: { basis, kind, numerator: kind === 'fraction' ? n : 1, denominator: kind === 'fraction' ? d : 2 },
        proxies: { allowed, max_per_attendee: allowed ? m : 0 },
      },
    });
    setBusy(false);
    if (!res.ok) return setErrors({ form: govErrorMessage(res.error, t, i18n.language) });
    toast('success', { key: 'meetings.rulesSaved' });
    settings.reload();
  };
  return (
    <Card title={t('meetings.rulesTitle')} id="gov-tc-rules">
      <p className="cst-hint">{t('meetings.rulesIntro')}</p>
      <form
        className="cst-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <RadioGroupField
          id="tc-basis"
          legend={t('meetings.rulesBasis')}
          value={basis}
          onChange={(v) => setBasis(v as 'designated' | 'members')}
          choices={[
            { value: 'designated', label: t('meetings.rulesBasisDesignated') },
            { value: 'members', label: t('meetings.rulesBasisMembers') },
          ]}
        />
        <RadioGroupField
          id="tc-kind"
          legend={t('meetings.rulesKind')}
          value={kind}
          onChange={(v) => setKind(v as 'majority' | 'fraction')}
          choices={[
            { value: 'majority', label: t('meetings.rulesKindMajority') },
            { value: 'fraction', label: t('meetings.rulesKindFraction') },
          ]}
        />
        {kind === 'fraction' ? (
          <>
            <NumberTextField id="tc-numerator" label={t('meetings.rulesNumerator')} value={numerator} onChange={setNumerator} decimals={false} error={errors.fraction} />
            <NumberTextField id="tc-denominator" label={t('meetings.rulesDenominator')} value={denominator} onChange={setDenominator} decimals={false} />
          </>
        ) : null}
        <CheckboxField id="tc-proxies" label={t('meetings.rulesProxies')} checked={allowed} onChange={setAllowed} />
        {allowed ? <NumberTextField id="tc-max-proxies" label={t('meetings.rulesMaxProxies')} value={max} onChange={setMax} decimals={false} error={errors.max} /> : null}
        {errors.form ? (
          <p className="cst-field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('meetings.rulesSave')}
        </button>
      </form>
    </Card>
  );
}
