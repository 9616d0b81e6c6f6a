import { useTranslation } from 'react-i18next';
import type { ThematicGroup } from '../../../../shared/domain/hub-records';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Badge } from '../../components/badge';
import type { Column } from '../../components/data-table';
import { CheckboxField } from '../../components/fields';
import { SelectField, TextField, type SelectOption } from '../../components/form-field';
import { useRecordForm, type FieldErrors } from '../../components/record-form';
import { EditableList, InlineForm, type InlineFormProps } from './editable-list';

/** The consortium's thematic groups, each with its coordinating referent (a member's technician). */
export function GroupsView() {
  const { t } = useTranslation();
  const groups = useApiQuery('hub.groups.list', {});
  const members = useApiQuery('members.list', {});
  const memberOptions = (members.data ?? []).map((m) => ({ value: m.istat, label: m.name }));
  const columns: Column<ThematicGroup>[] = [
    { key: 'name', header: t('hubRecords.groupName'), cell: (g) => g.name, rowHeader: true },
    {
      key: 'coord',
      header: t('hubRecords.groupCoordinator'),
      cell: (g) => (g.coordinator ? t('hubRecords.coordinatorText', { person: g.coordinator.person, member: g.coordinator.memberName ?? g.coordinator.istat }) : t('hubRecords.noCoordinator')),
    },
    { key: 'active', header: t('catalogue.state'), cell: (g) => (g.active ? <Badge tone="success">{t('catalogue.activeYes')}</Badge> : <Badge tone="neutral">{t('hubRecords.closed')}</Badge>) },
  ];
  return (
    <EditableList
      id="hub-groups"
      title={t('hubRecords.groupsTitle')}
      query={groups}
      columns={columns}
      rowKey={(g) => g.id}
      nameOf={(g) => g.name}
      empty={t('hubRecords.groupsEmpty')}
      addLabel={t('hubRecords.groupAdd')}
      savedText={(g) => t('hubRecords.groupSaved', { name: g.name })}
      form={(props) => <GroupForm {...props} members={memberOptions} />}
    />
  );
}

function GroupForm({ record: group, members, onSaved, onCancel }: InlineFormProps<ThematicGroup> & { members: SelectOption[] }) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useRecordForm({
    initial: { name: group?.name ?? '', description: group?.description ?? '', istat: group?.coordinator?.istat ?? '', person: group?.coordinator?.person ?? '', active: group?.active ?? true },
    // The backend names the referent's errors `coordinator.person`: they go next to the name.
    fieldIds: { name: 'group-name', coordinator: 'group-person' },
    check: (d) => {
      const errors: FieldErrors = {};
      if (!d.name.trim()) errors.name = { key: 'catalogue.nameRequired' };
      if (d.istat && !d.person.trim()) errors.coordinator = { key: 'hubRecords.personRequired' };
      return errors;
    },
    save: (d) =>
      api.call('hub.groups.save', {
        ...(group ? { id: group.id } : {}),
        name: d.name.trim(),
        description: d.description.trim(),
        coordinator: d.istat ? { istat: d.istat, person: d.person.trim() } : null,
        active: d.active,
      }),
    onSaved,
  });
  const { bind } = form;
  return (
    <InlineForm form={form} title={{ id: 'group-form-title', text: group ? t('hubRecords.groupEdit', { name: group.name }) : t('hubRecords.groupNew') }} submitLabel={t('hubRecords.groupSave')} onCancel={onCancel}>
      <div className="cst-form-grid">
        <TextField {...bind('name')} label={t('hubRecords.groupName')} required maxLength={120} />
        <TextField {...bind('description')} id="group-description" label={t('hubRecords.groupDescription')} maxLength={2000} />
        <SelectField {...bind('istat')} id="group-member" label={t('hubRecords.coordinatorMember')} options={[{ value: '', label: t('hubRecords.noCoordinator') }, ...members]} />
        <TextField {...bind('person', 'coordinator')} label={t('hubRecords.coordinatorPerson')} hint={t('hubRecords.coordinatorHint')} maxLength={100} />
      </div>
      <CheckboxField id="group-active" label={t('hubRecords.groupActive')} checked={form.values.active} onChange={form.set('active')} />
    </InlineForm>
  );
}
