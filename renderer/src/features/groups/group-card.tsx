import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../shared/domain/groups';
import type { StaffMember } from '../../../../shared/domain/staff';
import { useApi } from '../../app/api-context';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { DateField } from '../../components/fields';
import { SelectField } from '../../components/form-field';
import { useToastStore } from '../../components/toast-store';
import { formatIsoDay, todayIso } from '../../i18n/dates';
import { apiErrorToMessage } from '../../i18n/messages';
import { HistoryButton } from '../history/history-button';
import { personLabel } from '../training/store';
import { useGroupsStore } from './store';

/** One thematic group: who takes part (add, remove), edit and delete for a local group. */
export function GroupCard({ group, staff }: { group: Group; staff: StaffMember[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editGroup, askDelete } = useGroupsStore();
  const showToast = useToastStore((s) => s.show);
  const [staffId, setStaffId] = useState('');
  const [since, setSince] = useState(todayIso());
  const p = `group-${group.id.slice(-6)}`;
  const form = useFormErrors({ staffId: `${p}-person`, since: `${p}-since` });
  const headingId = `${p}-title`;
  const available = staff.filter((s) => s.active && !group.members.some((m) => m.staffId === s.id));

  const onAdd = async (e: FormEvent) => {
    e.preventDefault();
    if (!staffId) {
      form.show({ staffId: { key: 'validation2.choosePerson' } });
      return;
    }
    if (!since) {
      form.show({ since: { key: 'validation2.date' } });
      return;
    }
    const result = await api.call('groups.addMember', { groupId: group.id, staffId, since });
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    const person = staff.find((s) => s.id === staffId);
    showToast('success', { key: 'groups.memberAdded', params: { person: person ? personLabel(person) : '' } });
    setStaffId('');
    form.reset();
    changed();
  };

  const onRemove = async (membershipId: string) => {
    const result = await api.call('groups.removeMember', { id: membershipId });
    if (result.ok) {
      showToast('success', { key: 'groups.memberRemoved' });
      changed();
    } else showToast('danger', apiErrorToMessage(result.error));
  };

  return (
    <section className="card card-bg cst-card" aria-labelledby={headingId}>
      <div className="card-body">
        <h3 id={headingId} className="card-title cst-card-title">
          {group.name} <Badge tone={group.source === 'hub' ? 'success' : 'neutral'}>{group.source === 'hub' ? t('common.fromHub') : t('common.local')}</Badge>
        </h3>
        {group.description ? <p>{group.description}</p> : null}
        <p className="cst-muted">{t('groups.meetingsCount', { count: group.meetings })}</p>
        <h4 className="cst-subtitle">{t('groups.members')}</h4>
        {group.members.length === 0 ? (
          <p>{t('groups.membersEmpty')}</p>
        ) : (
          <ul className="cst-member-list">
            {group.members.map((m) => (
              <li key={m.membershipId}>
                <span>
                  {personLabel(m)} <span className="cst-muted">({t('groups.since', { date: formatIsoDay(m.since) })}{m.until ? `, ${t('groups.until', { date: formatIsoDay(m.until) })}` : ''})</span>
                </span>
                <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => void onRemove(m.membershipId)}>
                  {t('groups.remove')}
                  <span className="visually-hidden"> {t('groups.removeMember', { person: personLabel(m) })}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {available.length > 0 ? (
          <form onSubmit={onAdd} noValidate className="cst-form cst-form-wide">
            <div className="cst-form-row">
              <SelectField
                id={`${p}-person`}
                label={t('groups.memberPerson')}
                value={staffId}
                onChange={(v) => {
                  setStaffId(v);
                  form.clear('staffId');
                }}
                options={[{ value: '', label: t('training.personChoose') }, ...available.map((s) => ({ value: s.id, label: personLabel(s) }))]}
                error={form.text('staffId')}
              />
              <DateField id={`${p}-since`} label={t('groups.memberSince')} value={since} onChange={setSince} error={form.text('since')} />
            </div>
            {form.formText ? (
              <Alert tone="danger" live>
                {form.formText}
              </Alert>
            ) : null}
            <button type="submit" className="btn btn-outline-primary">
              {t('groups.addMember')}
              <span className="visually-hidden">: {group.name}</span>
            </button>
          </form>
        ) : null}
        <div className="cst-row-actions cst-card-actions">
          {group.source === 'local' ? (
            <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => editGroup(group)}>
              {t('common.edit')}
              <span className="visually-hidden">: {group.name}</span>
            </button>
          ) : null}
          <HistoryButton target={{ kind: 'local_group', id: group.id, what: group.name }} />
          {group.source === 'local' ? (
            <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => askDelete({ method: 'groups.delete', id: group.id, title: t('groups.deleteTitle'), text: t('groups.deleteText', { name: group.name }) })}>
              {t('common.delete')}
              <span className="visually-hidden">: {group.name}</span>
            </button>
          ) : null}
        </div>
      </div>
    </section>
  );
}
