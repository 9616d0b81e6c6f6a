import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Group } from '../../../../shared/domain/groups';
import { useApi } from '../../app/api-context';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { TextAreaField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { useToastStore } from '../../components/toast-store';
import { fieldErrorsFromZod } from '../../i18n/messages';
import { useGroupsStore } from './store';

/** Naming a local group (until the hub sends its list), or renaming one. */
export function GroupForm({ idPrefix: p, editing }: { idPrefix: string; editing?: Group }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editGroup } = useGroupsStore();
  const showToast = useToastStore((s) => s.show);
  const [name, setName] = useState(editing?.name ?? '');
  const [description, setDescription] = useState(editing?.description ?? '');
  const [saving, setSaving] = useState(false);
  const form = useFormErrors({ name: `${p}-name`, description: `${p}-description` });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const input = { name, description };
    const parsed = contract['groups.create'].input.safeParse(input);
    if (!parsed.success) {
      form.show(fieldErrorsFromZod(parsed.error));
      return;
    }
    setSaving(true);
    const result = editing ? await api.call('groups.update', { ...input, id: editing.id }) : await api.call('groups.create', input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    showToast('success', { key: 'groups.saved', params: { name: result.value.name } });
    changed();
    if (editing) editGroup(null);
    else {
      setName('');
      setDescription('');
      form.reset();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="cst-form">
      <TextField id={`${p}-name`} label={t('groups.name')} hint={t('groups.nameHint')} value={name} onChange={(v) => (setName(v), form.clear('name'))} error={form.text('name')} required maxLength={120} />
      <TextAreaField id={`${p}-description`} label={t('groups.description')} value={description} onChange={setDescription} error={form.text('description')} rows={2} />
      {form.formText ? (
        <Alert tone="danger" live>
          {form.formText}
        </Alert>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('common.saving') : editing ? t('common.save') : t('groups.add')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => editGroup(null)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
