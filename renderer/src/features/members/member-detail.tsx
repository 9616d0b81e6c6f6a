import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/domain/installation';
import type { MemberOverview } from '../../../../shared/domain/hub-views';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { TextField } from '../../components/form-field';
import { RecordForm, useRecordForm, type FieldErrors } from '../../components/record-form';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { RecoveryExportCard } from '../recovery/recovery-export-card';

/** "14.950" or "14950" → 14950; null when it is not a whole number of people. */
export function parsePopulation(text: string): number | null {
  const clean = text.trim().replace(/[.\s]/g, '');
  if (!/^\d{1,9}$/.test(clean)) return null;
  return Number(clean);
}

function populationValues(m: Member) {
  return { population: m.population === null ? '' : formatNumber(m.population), year: m.populationYear === null ? '' : String(m.populationYear) };
}

/** One member: ISTAT's population and its year, edited by the hub; links to its records. */
export function MemberDetail({ member, overview, onSaved }: { member: Member; overview?: MemberOverview | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  // What was saved last, worded at each render (it follows a language switch).
  const [saved, setSaved] = useState<{ population: number; year: string } | null>(null);
  const form = useRecordForm({
    initial: () => populationValues(member),
    fieldIds: { population: 'member-population-value', populationYear: 'member-population-year' },
    check: (d) => {
      const errors: FieldErrors = {};
      if (parsePopulation(d.population) === null) errors.population = { key: 'hubMembers.populationInvalid' };
      const y = Number(d.year.trim());
      const thisYear = new Date().getFullYear();
      if (!/^\d{4}$/.test(d.year.trim()) || y < 1861 || y > thisYear) errors.populationYear = { key: 'hubMembers.yearInvalid', params: { max: thisYear } };
      return errors;
    },
    save: (d) => api.call('members.update', { istat: member.istat, population: parsePopulation(d.population) ?? 0, populationYear: Number(d.year.trim()) }),
    onSaved: (_m, d) => {
      setSaved({ population: parsePopulation(d.population) ?? 0, year: d.year.trim() });
      onSaved();
    },
    after: (d) => d,
  });
  const { setValues } = form;
  useEffect(() => setValues(populationValues(member)), [member, setValues]);
  // Typing again makes the last "saved" message stale.
  const edit = (key: 'population' | 'year', errorField: string) => (v: string) => {
    setSaved(null);
    form.set(key, errorField)(v);
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
            <dd>{overview.lastEventAt ? t('hubMembers.lastChange', { when: formatDateTime(overview.lastEventAt), count: overview.lastSeq }) : t('hubMembers.never')}</dd>
            <dt>{t('hubMembers.colDays')}</dt>
            <dd className={overview.stale ? 'cst-stale' : undefined}>
              {overview.daysSinceLastSync === null ? t('hubMembers.neverSynced') : formatNumber(overview.daysSinceLastSync)}
              {overview.stale ? ` — ${t('hubMembers.staleLong')}` : ''}
            </dd>
            <dt>{t('hubMembers.colWaiting')}</dt>
            <dd>{overview.waitingBundles > 0 ? t('hubMembers.waitingText', { events: overview.eventsWaiting, count: overview.waitingBundles }) : t('bundles.none')}</dd>
          </dl>
        </Card>
      ) : null}
      <Card title={t('hubMembers.populationTitle')} id="member-population">
        <p>{t('hubMembers.populationIntro', { name: member.name, istat: member.istat })}</p>
        <RecordForm
          form={form}
          className=""
          submitLabel={t('hubMembers.save')}
          large
          status={
            saved ? (
              <Alert tone="success" live>
                {t('hubMembers.saved', { name: member.name, population: formatNumber(saved.population), year: saved.year })}
              </Alert>
            ) : null
          }
        >
          <div className="cst-form-grid">
            <TextField {...form.bind('population')} onChange={edit('population', 'population')} label={t('hubMembers.populationLabel')} hint={t('hubMembers.populationHint')} required maxLength={12} />
            <TextField {...form.bind('year', 'populationYear')} onChange={edit('year', 'populationYear')} label={t('hubMembers.yearLabel')} hint={t('hubMembers.yearHint')} required maxLength={4} />
          </div>
        </RecordForm>
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
