import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Group } from '../../../../shared/domain/groups';
import { useApi } from '../../app/api-context';
import { TextAreaField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { useToastStore } from '../../components/toast-store';
import { useGroupsStore } from './store';

/** Naming a local group (until the hub sends its list), or renaming one. */
export function GroupForm({ idPrefix: p, editing }: { idPrefix: string; editing?: Group }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editGroup } = useGroupsStore();
  const showToast = useToastStore((s) => s.show);
  const form = useRecordForm({
    initial: { name: editing?.name ?? '', description: editing?.description ?? '' },
    fieldIds: { name: `${p}-name`, description: `${p}-description` },
    check: (d) => schemaErrors(contract['groups.create'].input, d),
    save: (d) => (editing ? api.call('groups.update', { ...d, id: editing.id }) : api.call('groups.create', d)),
    onSaved: (saved) => {
      showToast('success', { key: 'groups.saved', params: { name: saved.name } });
      changed();
      if (editing) editGroup(null);
    },
  });
  return (
    <RecordForm form={form} className="cst-form" submitLabel={editing ? t('common.save') : t('groups.add')} onCancel={editing ? () => editGroup(null) : undefined}>
      <TextField {...form.bind('name')} label={t('groups.name')} hint={t('groups.nameHint')} required maxLength={120} />
      <TextAreaField {...form.bind('description')} label={t('groups.description')} rows={2} />
    </RecordForm>
  );
}
