import { useTranslation } from 'react-i18next';
import type { Group } from '../../../../shared/domain/groups';
import type { StaffMember } from '../../../../shared/domain/staff';
import { useApi } from '../../app/api-context';
import { Badge } from '../../components/badge';
import { DateField } from '../../components/fields';
import { SelectField } from '../../components/form-field';
import { RecordForm, useRecordForm, type FieldErrors } from '../../components/record-form';
import { DeleteButton, EditButton } from '../../components/record-list';
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
  const p = `group-${group.id.slice(-6)}`;
  const headingId = `${p}-title`;
  const available = staff.filter((s) => s.active && !group.members.some((m) => m.staffId === s.id));
  const add = useRecordForm({
    initial: { staffId: '', since: todayIso() },
    fieldIds: { staffId: `${p}-person`, since: `${p}-since` },
    check: (d): FieldErrors => (!d.staffId ? { staffId: { key: 'validation2.choosePerson' } } : !d.since ? { since: { key: 'validation2.date' } } : {}),
    save: (d) => api.call('groups.addMember', { groupId: group.id, ...d }),
    onSaved: (_group, d) => {
      const person = staff.find((s) => s.id === d.staffId);
      showToast('success', { key: 'groups.memberAdded', params: { person: person ? personLabel(person) : '' } });
      changed();
    },
    // The date stays: people are often added to a group on the same day.
    after: (d) => ({ ...d, staffId: '' }),
  });

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
          <RecordForm
            form={add}
            quiet
            submitLabel={
              <>
                {t('groups.addMember')}
                <span className="visually-hidden">: {group.name}</span>
              </>
            }
          >
            <div className="cst-form-row">
              <SelectField {...add.bind('staffId')} label={t('groups.memberPerson')} options={[{ value: '', label: t('training.personChoose') }, ...available.map((s) => ({ value: s.id, label: personLabel(s) }))]} />
              <DateField {...add.bind('since')} label={t('groups.memberSince')} />
            </div>
          </RecordForm>
        ) : null}
        <div className="cst-row-actions cst-card-actions">
          {group.source === 'local' ? <EditButton what={group.name} onClick={() => editGroup(group)} /> : null}
          <HistoryButton target={{ kind: 'local_group', id: group.id, what: group.name }} />
          {group.source === 'local' ? <DeleteButton what={group.name} onClick={() => askDelete({ method: 'groups.delete', id: group.id, title: t('groups.deleteTitle'), text: t('groups.deleteText', { name: group.name }) })} /> : null}
        </div>
      </div>
    </section>
  );
}
