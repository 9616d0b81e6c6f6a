import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CoordinatorChoice } from '../../../../shared/domain/committee';
import type { ThematicGroup } from '../../../../shared/domain/hub-records';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Badge } from '../../components/badge';
import type { Column } from '../../components/data-table';
import { CheckboxField } from '../../components/fields';
import { SelectField, TextField, type SelectOption } from '../../components/form-field';
import { useRecordForm, type FieldErrors } from '../../components/record-form';
import { EditableList, InlineForm, type InlineFormProps } from './editable-list';

/** The consortium's thematic groups, each with its coordinating referent (a technician designated in the Technical Committee). */
export function GroupsView() {
  const { t } = useTranslation();
  const groups = useApiQuery('hub.groups.list', {});
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
      form={(props) => <GroupForm {...props} />}
    />
  );
}

/** A coordinator as one choice of the select: member and person, as the member shared them. */
const choiceKey = (c: { istat: string; person: string }) => JSON.stringify([c.istat, c.person]);

function coordinatorOptions(choices: readonly CoordinatorChoice[] | undefined, current: ThematicGroup['coordinator'], t: TFunction): SelectOption[] {
  const options: SelectOption[] = [{ value: '', label: t('hubRecords.noCoordinator') }];
  for (const c of choices ?? []) {
    options.push({ value: choiceKey(c), label: t(c.role === 'technician' ? 'hubRecords.coordinatorChoiceTechnician' : 'hubRecords.coordinatorChoiceSubstitute', { person: c.person, member: c.memberName }) });
  }
  // A coordinator chosen earlier and no longer designated stays as it is until changed.
  if (current && !(choices ?? []).some((c) => choiceKey(c) === choiceKey(current))) {
    // While the choices load, the current coordinator is shown without a verdict.
    const key = choices ? 'hubRecords.coordinatorChoiceFormer' : 'hubRecords.coordinatorChoiceTechnician';
    options.push({ value: choiceKey(current), label: t(key, { person: current.person, member: current.memberName ?? current.istat }) });
  }
  return options;
}

function GroupForm({ record: group, onSaved, onCancel }: InlineFormProps<ThematicGroup>) {
  const { t } = useTranslation();
  const api = useApi();
  // Asked each time the form opens: the technicians designated today, as the last bundles left them.
  const coordinators = useApiQuery('committee.coordinators', {});
  const form = useRecordForm({
    initial: { name: group?.name ?? '', description: group?.description ?? '', coordinator: group?.coordinator ? choiceKey(group.coordinator) : '', active: group?.active ?? true },
    // The backend names the referent's errors `coordinator.person`: they go next to the select.
    fieldIds: { name: 'group-name', coordinator: 'group-coordinator' },
    check: (d) => {
      const errors: FieldErrors = {};
      if (!d.name.trim()) errors.name = { key: 'catalogue.nameRequired' };
      return errors;
    },
    save: (d) => {
      const [istat, person] = d.coordinator ? (JSON.parse(d.coordinator) as [string, string]) : [];
      return api.call('hub.groups.save', {
        ...(group ? { id: group.id } : {}),
        name: d.name.trim(),
        description: d.description.trim(),
        coordinator: istat && person ? { istat, person } : null,
        active: d.active,
      });
    },
    onSaved,
  });
  const { bind } = form;
  return (
    <InlineForm form={form} title={{ id: 'group-form-title', text: group ? t('hubRecords.groupEdit', { name: group.name }) : t('hubRecords.groupNew') }} submitLabel={t('hubRecords.groupSave')} onCancel={onCancel}>
      <div className="cst-form-grid">
        <TextField {...bind('name')} label={t('hubRecords.groupName')} required maxLength={120} />
        <TextField {...bind('description')} id="group-description" label={t('hubRecords.groupDescription')} maxLength={2000} />
        <SelectField
          {...bind('coordinator')}
          label={t('hubRecords.groupCoordinator')}
          hint={coordinators.data?.length === 0 ? t('hubRecords.coordinatorNoneDesignated') : t('hubRecords.coordinatorHint')}
          options={coordinatorOptions(coordinators.data, group?.coordinator ?? null, t)}
        />
      </div>
      <CheckboxField id="group-active" label={t('hubRecords.groupActive')} checked={form.values.active} onChange={form.set('active')} />
    </InlineForm>
  );
}
