import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DateField } from '../../components/date-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { apiErrorMessage } from '../../i18n/messages';
import { todayIso } from '../../i18n/dates';
import { CommitteeCsvButton } from './csv-button';
import { DesignationForm, DesignationSummary, EndDesignationForm } from './designation-card';
import { RosterTable } from './roster-table';

/** "Comitato tecnico" on a municipality: its designation (form, history, CSV) and the committee the hub sent. */
export function MunicipalityCommitteePage() {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const designation = useApiQuery('committee.designation.get', {}, version);
  const roster = useApiQuery('committee.roster', {}, version);
  const current = designation.data?.designation ?? null;
  const received = roster.data ? roster.data.seats.some((s) => s.status !== 'none') : false;
  return (
    <>
      <PageTitle>{t('tcCommittee.title')}</PageTitle>
      <p className="cst-lead">{t('tcCommittee.introMunicipality')}</p>
      {designation.state === 'error' ? <Alert tone="danger">{apiErrorMessage(designation.error, t, i18n.language)}</Alert> : null}
      {!designation.data ? (
        <Loading />
      ) : (
        <>
          {current ? <DesignationSummary designation={current} /> : <Alert tone="info">{t('tcCommittee.ourNone')}</Alert>}
          {/* A new key after each save: the form starts again from what was saved. */}
          <DesignationForm key={`form-${version}`} current={current} onSaved={changed} />
          {current && (current.until === null || current.until >= todayIso()) ? <EndDesignationForm key={`end-${version}`} onSaved={changed} /> : null}
        </>
      )}
      <Card title={t('tcCommittee.committeeTitle')} id="committee-roster">
        <p>{t('tcCommittee.committeeIntroMunicipality')}</p>
        {roster.data?.coordinator ? (
          <p>
            <strong>{t('tcCommittee.coordinator', { name: roster.data.coordinator })}</strong>
          </p>
        ) : null}
        {roster.state === 'error' ? <Alert tone="danger">{apiErrorMessage(roster.error, t, i18n.language)}</Alert> : null}
        {roster.data ? received ? <RosterTable roster={roster.data} /> : <p className="cst-empty">{t('tcCommittee.committeeEmptyMunicipality')}</p> : <Loading />}
      </Card>
    </>
  );
}

/** "Comitato tecnico" on the hub: the roster on a day, the Technical Director as coordinator, CSV. */
export function HubCommitteePage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [date, setDate] = useState(todayIso());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const roster = useApiQuery('committee.roster', valid ? { date } : {});
  return (
    <>
      <PageTitle>{t('tcCommittee.title')}</PageTitle>
      <p className="cst-lead">{t('tcCommittee.introHub')}</p>
      {roster.data ? (
        roster.data.coordinator ? (
          <p>
            <strong>{t('tcCommittee.coordinator', { name: roster.data.coordinator })}</strong>
          </p>
        ) : (
          <Alert tone="warning">{t('tcCommittee.coordinatorMissing')}</Alert>
        )
      ) : null}
      <div className="cst-toolbar">
        <DateField id="committee-date" label={t('tcCommittee.rosterDate')} value={date} onChange={setDate} />
        <CommitteeCsvButton label={t('tcCommittee.rosterCsv')} make={() => api.call('committee.rosterCsv', { ...(valid ? { date } : {}), lang: i18n.language.startsWith('en') ? 'en' : 'it' })} />
      </div>
      {roster.state === 'error' ? <Alert tone="danger">{apiErrorMessage(roster.error, t, i18n.language)}</Alert> : null}
      {roster.data ? <RosterTable roster={roster.data} level={2} /> : <Loading />}
    </>
  );
}
