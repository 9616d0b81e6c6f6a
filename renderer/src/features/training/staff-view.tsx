import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { StaffMember } from '../../../../shared/domain/staff';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { DataTable, type Column } from '../../components/data-table';
import { CheckboxField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { useToastStore } from '../../components/toast-store';
import { apiErrorMessage, apiErrorToMessage, fieldErrorsFromZod } from '../../i18n/messages';
import { CsvExportButton } from '../csv/csv-export';
import { CsvImport } from '../csv/csv-import';
import { RowActions } from './row-actions';
import { useTrainingStore } from './store';

/** The staff register, the "share names" setting, add / edit / delete a person. */
export function StaffView() {
  const { t, i18n } = useTranslation();
  const version = useTrainingStore((s) => s.version);
  const { editStaff, askDelete, editingStaff, changed } = useTrainingStore();
  const staff = useApiQuery('staff.list', {}, version);
  const columns: Column<StaffMember>[] = [
    { key: 'code', header: t('training.colCode'), cell: (s) => s.code, rowHeader: true },
    { key: 'name', header: t('training.colName'), cell: (s) => s.displayName ?? t('common.none') },
    { key: 'role', header: t('training.colRole'), cell: (s) => s.role || t('common.none') },
    { key: 'office', header: t('training.colOffice'), cell: (s) => s.office || t('common.none') },
    { key: 'active', header: t('training.colActive'), cell: (s) => (s.active ? t('common.yes') : t('common.no')) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (s) => (
        <RowActions
          what={s.displayName ? `${s.code} — ${s.displayName}` : s.code}
          kind="staff"
          id={s.id}
          onEdit={() => editStaff(s)}
          onDelete={() => askDelete({ method: 'staff.delete', id: s.id, title: t('training.deletePersonTitle'), text: t('training.deletePersonText', { code: s.code }) })}
        />
      ),
    },
  ];
  return (
    <>
      <p className="cst-lead">{t('training.staffIntro')}</p>
      <ShareNamesCard />
      <Card title={t('training.staffFormTitle')} id="staff-new">
        <StaffForm idPrefix="staff-new" />
      </Card>
      <Card title={t('training.staffCaption')} id="staff-list">
        {staff.state === 'error' ? <Alert tone="danger">{apiErrorMessage(staff.error, t, i18n.language)}</Alert> : null}
        {!staff.data ? <Loading /> : <DataTable caption={t('training.staffCaption')} captionHidden columns={columns} rows={staff.data} rowKey={(s) => s.id} empty={t('training.staffEmpty')} />}
        <div className="cst-actions">
          <CsvExportButton input={{ list: 'staff' }} />
        </div>
      </Card>
      <Card title={t('training.csvTitle')} id="staff-csv">
        <p>{t('training.csvIntro')}</p>
        <CsvImport kind="staff" onImported={changed} />
      </Card>
      <Modal open={editingStaff !== null} title={t('training.editPerson')} onClose={() => editStaff(null)}>
        {editingStaff ? <StaffForm idPrefix="staff-edit" editing={editingStaff} /> : null}
      </Modal>
    </>
  );
}

function ShareNamesCard() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const settings = useApiQuery('settings.get', {});
  const changed = useTrainingStore((s) => s.changed);
  const showToast = useToastStore((s) => s.show);
  const [value, setValue] = useState<boolean | null>(null);
  const shared = value ?? settings.data?.shareNames ?? false;
  const onChange = async (next: boolean) => {
    setValue(next);
    const result = await api.call('settings.update', { shareNames: next });
    if (!result.ok) {
      setValue(!next);
      showToast('danger', apiErrorToMessage(result.error));
      return;
    }
    showToast('success', { key: next ? 'training.shareOn' : 'training.shareOff' });
    changed();
  };
  return (
    <Card title={t('training.shareTitle')} id="staff-share">
      <p id="staff-share-text">{t('training.shareText')}</p>
      {settings.state === 'error' ? <Alert tone="danger">{apiErrorMessage(settings.error, t, i18n.language)}</Alert> : null}
      {settings.data ? (
        <>
          <CheckboxField id="staff-share-names" label={t('training.shareLabel')} checked={shared} onChange={(v) => void onChange(v)} />
          <p className="cst-muted">{shared ? t('training.shareOn') : t('training.shareOff')}</p>
        </>
      ) : null}
    </Card>
  );
}

const FORMAT_KEYS = { code: 'validation2.staffCode' };

function StaffForm({ idPrefix: p, editing }: { idPrefix: string; editing?: StaffMember }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editStaff } = useTrainingStore();
  const showToast = useToastStore((s) => s.show);
  const empty = { displayName: '', code: '', role: '', office: '', active: true };
  const [d, setD] = useState(empty);
  const [saving, setSaving] = useState(false);
  const form = useFormErrors({ displayName: `${p}-name`, code: `${p}-code`, role: `${p}-role`, office: `${p}-office` });
  useEffect(() => {
    if (editing) setD({ displayName: editing.displayName ?? '', code: editing.code, role: editing.role, office: editing.office, active: editing.active });
  }, [editing]);
  const set = (k: keyof typeof d) => (v: string) => {
    setD((x) => ({ ...x, [k]: v }));
    form.clear(k);
  };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const input = editing
      ? { id: editing.id, displayName: d.displayName, code: d.code.trim(), role: d.role, office: d.office, active: d.active }
      : { displayName: d.displayName, role: d.role, office: d.office, ...(d.code.trim() ? { code: d.code.trim() } : {}) };
    const parsed = (editing ? contract['staff.update'].input : contract['staff.create'].input).safeParse(input);
    if (!parsed.success) {
      form.show(fieldErrorsFromZod(parsed.error, FORMAT_KEYS));
      return;
    }
    setSaving(true);
    const result = editing ? await api.call('staff.update', input as never) : await api.call('staff.create', input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    showToast('success', { key: 'training.personSaved', params: { code: result.value.code } });
    changed();
    if (editing) editStaff(null);
    else {
      setD(empty);
      form.reset();
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="cst-form cst-form-wide">
      <div className="cst-form-row">
        <TextField id={`${p}-name`} label={t('training.displayName')} hint={t('training.displayNameHint')} value={d.displayName} onChange={set('displayName')} error={form.text('displayName')} maxLength={100} />
        <TextField id={`${p}-code`} label={editing ? t('training.colCode') : t('training.code')} hint={editing ? undefined : t('training.codeHint')} value={d.code} onChange={set('code')} error={form.text('code')} maxLength={24} required={Boolean(editing)} />
        <TextField id={`${p}-role`} label={t('training.role')} hint={t('training.roleHint')} value={d.role} onChange={set('role')} error={form.text('role')} maxLength={100} />
        <TextField id={`${p}-office`} label={t('training.office')} hint={t('training.officeHint')} value={d.office} onChange={set('office')} error={form.text('office')} maxLength={100} />
      </div>
      {editing ? <CheckboxField id={`${p}-active`} label={t('training.active')} checked={d.active} onChange={(v) => setD((x) => ({ ...x, active: v }))} /> : null}
      {form.formText ? (
        <Alert tone="danger" live>
          {form.formText}
        </Alert>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? t('common.saving') : editing ? t('common.save') : t('training.addPerson')}
        </button>
        {editing ? (
          <button type="button" className="btn btn-outline-primary" onClick={() => editStaff(null)}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
