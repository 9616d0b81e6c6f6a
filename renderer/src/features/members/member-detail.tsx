import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/domain/installation';
import type { MemberOverview } from '../../../../shared/domain/hub-views';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { TextField } from '../../components/form-field';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { apiErrorToMessage, messageText, type Message } from '../../i18n/messages';
import { RecoveryExportCard } from '../recovery/recovery-export-card';

type Errors = { population?: Message; populationYear?: Message; form?: Message };

/** "14.950" or "14950" → 14950; null when it is not a whole number of people. */
export function parsePopulation(text: string): number | null {
  const clean = text.trim().replace(/[.\s]/g, '');
  if (!/^\d{1,9}$/.test(clean)) return null;
  return Number(clean);
}

/** One member: ISTAT's population and its year, edited by the hub; links to its records. */
export function MemberDetail({ member, overview, onSaved }: { member: Member; overview?: MemberOverview | undefined; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [population, setPopulation] = useState(member.population === null ? '' : formatNumber(member.population));
  const [year, setYear] = useState(member.populationYear === null ? '' : String(member.populationYear));
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPopulation(member.population === null ? '' : formatNumber(member.population));
    setYear(member.populationYear === null ? '' : String(member.populationYear));
  }, [member]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next: Errors = {};
    const pop = parsePopulation(population);
    if (pop === null) next.population = { key: 'hubMembers.populationInvalid' };
    const y = Number(year.trim());
    const thisYear = new Date().getFullYear();
    if (!/^\d{4}$/.test(year.trim()) || y < 1861 || y > thisYear) next.populationYear = { key: 'hubMembers.yearInvalid', params: { max: thisYear } };
    setErrors(next);
    if (Object.keys(next).length > 0 || pop === null) return;
    setBusy(true);
    const result = await api.call('members.update', { istat: member.istat, population: pop, populationYear: y });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      const message = apiErrorToMessage(result.error);
      setErrors(field === 'population' || field === 'populationYear' ? { [field]: message } : { form: message });
      return;
    }
    setSaved(true);
    onSaved();
  };

  return (
    <>
      <p>
        <a href="#/members">{t('hubMembers.back')}</a>
      </p>
      {overview ? (
        <Card title={t('hubMembers.exchangeTitle')} id="member-exchange">
          <dl className="cst-details">
            <dt>{t('hubMembers.colLastBundle')}</dt>
            <dd>{overview.lastBundleAt ? formatDateTime(overview.lastBundleAt) : t('hubMembers.never')}</dd>
            <dt>{t('hubMembers.colLastSeq')}</dt>
            <dd>{formatNumber(overview.lastSeq)}</dd>
            <dt>{t('hubMembers.colDays')}</dt>
            <dd className={overview.stale ? 'cst-stale' : undefined}>
              {overview.daysSinceLastSync === null ? t('hubMembers.neverSynced') : formatNumber(overview.daysSinceLastSync)}
              {overview.stale ? ` — ${t('hubMembers.staleLong')}` : ''}
            </dd>
            <dt>{t('hubMembers.colWaiting')}</dt>
            <dd>{overview.waitingBundles > 0 ? t('hubMembers.waitingText', { events: formatNumber(overview.eventsWaiting), count: overview.waitingBundles }) : t('bundles.none')}</dd>
          </dl>
        </Card>
      ) : null}
      <Card title={t('hubMembers.populationTitle')} id="member-population">
        <p>{t('hubMembers.populationIntro', { name: member.name, istat: member.istat })}</p>
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <div className="cst-form-grid">
            <TextField
              id="member-population-value"
              label={t('hubMembers.populationLabel')}
              hint={t('hubMembers.populationHint')}
              value={population}
              onChange={setPopulation}
              error={errors.population ? messageText(errors.population, t, i18n.language) : undefined}
              required
              maxLength={12}
            />
            <TextField
              id="member-population-year"
              label={t('hubMembers.yearLabel')}
              hint={t('hubMembers.yearHint')}
              value={year}
              onChange={setYear}
              error={errors.populationYear ? messageText(errors.populationYear, t, i18n.language) : undefined}
              required
              maxLength={4}
            />
          </div>
          {errors.form ? (
            <Alert tone="danger" live>
              {messageText(errors.form, t, i18n.language)}
            </Alert>
          ) : null}
          {saved ? (
            <Alert tone="success" live>
              {t('hubMembers.saved', { name: member.name, population: formatNumber(parsePopulation(population) ?? 0), year })}
            </Alert>
          ) : null}
          <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
            {t('hubMembers.save')}
          </button>
        </form>
      </Card>
      <RecoveryExportCard member={member} lastSeq={overview?.lastSeq} />
      <Card title={t('hubMembers.recordsTitle')} id="member-records">
        <ul>
          <li>
            <a href={`#/members/usage?member=${member.istat}`}>{t('hubMembers.linkUsage', { name: member.name })}</a>
          </li>
          <li>
            <a href={`#/members/proposals?member=${member.istat}`}>{t('hubMembers.linkProposals', { name: member.name })}</a>
          </li>
          <li>
            <a href={`#/members/training?member=${member.istat}`}>{t('hubMembers.linkTraining', { name: member.name })}</a>
          </li>
        </ul>
      </Card>
    </>
  );
}
