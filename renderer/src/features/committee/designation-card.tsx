import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Designation } from '../../../../shared/domain/committee';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DateField } from '../../components/date-field';
import { TextField } from '../../components/form-field';
import { RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { useToastStore } from '../../components/toast-store';
import { formatIsoDay, todayIso } from '../../i18n/dates';
import { HistoryButton } from '../history/history-button';
import { CommitteeCsvButton } from './csv-button';
import { periodText, personText } from './roster-table';

/** The municipality's own designation: what it says now, whether the consortium has it, its history. */
export function DesignationSummary({ designation: d }: { designation: Designation }) {
  const { t } = useTranslation();
  const api = useApi();
  const codes = [d.technician.code, d.substitute?.code].filter(Boolean).join(', ');
  return (
    <Card title={t('tcCommittee.ourTitle')} id="designation-current">
      <dl className="cst-details">
        <dt>{t('tcCommittee.technician')}</dt>
        <dd>{personText(d.technician)}</dd>
        <dt>{t('tcCommittee.substitute')}</dt>
        <dd>{d.substitute ? personText(d.substitute) : t('tcCommittee.noSubstitute')}</dd>
        {d.role ? (
          <>
            <dt>{t('tcCommittee.role')}</dt>
            <dd>{d.role}</dd>
          </>
        ) : null}
        <dt>{t('tcCommittee.contacts')}</dt>
        <dd>{[d.officeEmail, d.officePhone].filter(Boolean).join(' · ') || t('tcCommittee.noContacts')}</dd>
        <dt>{t('tcCommittee.period')}</dt>
        <dd>{periodText(d.from, d.until, t)}</dd>
      </dl>
      <Alert tone={d.seenByHub ? 'success' : 'info'}>{d.seenByHub ? t('tcCommittee.seenByHub') : t('tcCommittee.notSeenByHub')}</Alert>
      <p className="cst-muted">{d.namesShared ? t('tcCommittee.namesShared') : t('tcCommittee.namesNotShared', { codes })}</p>
      <div className="cst-actions">
        <HistoryButton target={{ kind: 'technician_designation', id: d.id, what: t('tcCommittee.historyWhat') }} />
        <CommitteeCsvButton label={t('tcCommittee.historyCsv')} make={() => api.call('committee.designation.csv', {})} />
      </div>
    </Card>
  );
}

const FORMAT_KEYS = { technicianCode: 'validation2.staffCode', substituteCode: 'validation2.staffCode', officeEmail: 'tcCommittee.emailFormat', officePhone: 'tcCommittee.phoneFormat' };

/** "Designa il tecnico" / "Cambia la designazione": every save is a new version of the one record. */
export function DesignationForm({ current, onSaved }: { current: Designation | null; onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const initial = () => ({
    technicianName: current?.technician.name ?? '',
    technicianCode: current?.technician.code ?? '',
    substituteName: current?.substitute?.name ?? '',
    substituteCode: current?.substitute?.code ?? '',
    role: current?.role ?? '',
    officeEmail: current?.officeEmail ?? '',
    officePhone: current?.officePhone ?? '',
    from: current?.from ?? todayIso(),
    until: current?.until ?? '',
  });
  const toInput = (d: ReturnType<typeof initial>) => ({ ...d, until: d.until || null });
  const p = 'designation';
  const form = useRecordForm({
    initial,
    fieldIds: {
      technicianName: `${p}-technician-name`,
      technicianCode: `${p}-technician-code`,
      substituteName: `${p}-substitute-name`,
      substituteCode: `${p}-substitute-code`,
      role: `${p}-role`,
      officeEmail: `${p}-office-email`,
      officePhone: `${p}-office-phone`,
      from: `${p}-from`,
      until: `${p}-until`,
      substitute: `${p}-substitute-code`,
    },
    check: (d) => schemaErrors(contract['committee.designation.save'].input, toInput(d), FORMAT_KEYS),
    save: (d) => api.call('committee.designation.save', toInput(d)),
    after: (d) => d,
    onSaved: () => {
      showToast('success', { key: 'tcCommittee.saved' });
      onSaved();
    },
  });
  const { bind } = form;
  return (
    <Card title={current ? t('tcCommittee.formChange') : t('tcCommittee.formNew')} id="designation-form">
      {current ? <p>{t('tcCommittee.formChangeIntro')}</p> : null}
      <RecordForm form={form} submitLabel={t('tcCommittee.save')}>
        <div className="cst-form-row">
          <TextField {...bind('technicianName')} label={t('tcCommittee.technicianName')} required maxLength={100} />
          <TextField {...bind('technicianCode')} label={t('tcCommittee.technicianCode')} hint={t('tcCommittee.codeHint', { code: 'TEC-1' })} maxLength={24} />
        </div>
        <div className="cst-form-row">
          <TextField {...bind('substituteName')} label={t('tcCommittee.substituteName')} hint={t('tcCommittee.substituteNameHint')} maxLength={100} />
          <TextField {...bind('substituteCode')} label={t('tcCommittee.substituteCode')} hint={t('tcCommittee.codeHint', { code: 'SOS-1' })} maxLength={24} />
        </div>
        <div className="cst-form-row">
          <TextField {...bind('role')} label={t('tcCommittee.roleField')} hint={t('tcCommittee.roleHint')} maxLength={100} />
        </div>
        <div className="cst-form-row">
          <TextField {...bind('officeEmail')} label={t('tcCommittee.officeEmail')} hint={t('tcCommittee.officeEmailHint')} maxLength={200} />
          <TextField {...bind('officePhone')} label={t('tcCommittee.officePhone')} hint={t('tcCommittee.officePhoneHint')} maxLength={40} />
        </div>
        <div className="cst-form-row">
          <DateField {...bind('from')} label={t('tcCommittee.from')} required />
          <DateField {...bind('until')} label={t('tcCommittee.until')} hint={t('tcCommittee.untilHint')} />
        </div>
      </RecordForm>
    </Card>
  );
}

/** "Termina la designazione": its last day; from the next day the member has nobody on the committee. */
export function EndDesignationForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const form = useRecordForm({
    initial: { until: '' },
    fieldIds: { until: 'designation-end-until' },
    check: (d) => schemaErrors(contract['committee.designation.end'].input, d),
    save: (d) => api.call('committee.designation.end', d),
    onSaved: (saved) => {
      showToast('success', { key: 'tcCommittee.ended', params: { until: formatIsoDay(saved.until ?? '') } });
      onSaved();
    },
  });
  return (
    <Card title={t('tcCommittee.endTitle')} id="designation-end">
      <p>{t('tcCommittee.endIntro')}</p>
      <RecordForm form={form} submitLabel={t('tcCommittee.end')} className="cst-form">
        <DateField {...form.bind('until')} label={t('tcCommittee.endDate')} required />
      </RecordForm>
    </Card>
  );
}
