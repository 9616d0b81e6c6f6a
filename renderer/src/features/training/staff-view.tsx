import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract, type Input } from '../../../../shared/api/contract';
import type { StaffMember } from '../../../../shared/domain/staff';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import type { Column } from '../../components/data-table';
import { CheckboxField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { EditDialog, RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { RecordList } from '../../components/record-list';
import { useToastStore } from '../../components/toast-store';
import { apiErrorMessage, apiErrorToMessage } from '../../i18n/messages';
import { CsvExportButton } from '../csv/csv-export';
import { CsvImport } from '../csv/csv-import';
import { RowActions } from './row-actions';
import { personLabel, useTrainingStore } from './store';

/** The staff register, the "share names" setting, add / edit / delete a person. */
export function StaffView() {
  const { t } = useTranslation();
  const { version, editStaff, askDelete, editingStaff, changed } = useTrainingStore();
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
          what={personLabel(s)}
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
      <RecordList id="staff-list" title={t('training.staffCaption')} query={staff} columns={columns} rowKey={(s) => s.id} empty={t('training.staffEmpty')} footer={<CsvExportButton input={{ list: 'staff' }} />} />
      <Card title={t('training.csvTitle')} id="staff-csv">
        <p>{t('training.csvIntro')}</p>
        <CsvImport kind="staff" onImported={changed} />
      </Card>
      <EditDialog record={editingStaff} title={t('training.editPerson')} onClose={() => editStaff(null)}>
        {(s) => <StaffForm idPrefix="staff-edit" editing={s} />}
      </EditDialog>
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
const EMPTY = { displayName: '', code: '', role: '', office: '', active: true };

function StaffForm({ idPrefix: p, editing }: { idPrefix: string; editing?: StaffMember }) {
  const { t } = useTranslation();
  const api = useApi();
  const { changed, editStaff } = useTrainingStore();
  const showToast = useToastStore((s) => s.show);
  // A new person's code may be left empty (the next free one is given); an edited one keeps one.
  const toInput = (d: typeof EMPTY) =>
    editing
      ? { id: editing.id, displayName: d.displayName, code: d.code.trim(), role: d.role, office: d.office, active: d.active }
      : { displayName: d.displayName, role: d.role, office: d.office, ...(d.code.trim() ? { code: d.code.trim() } : {}) };
  const form = useRecordForm({
    initial: editing ? { displayName: editing.displayName ?? '', code: editing.code, role: editing.role, office: editing.office, active: editing.active } : EMPTY,
    fieldIds: { displayName: `${p}-name`, code: `${p}-code`, role: `${p}-role`, office: `${p}-office` },
    check: (d) => schemaErrors(editing ? contract['staff.update'].input : contract['staff.create'].input, toInput(d), FORMAT_KEYS),
    save: (d) => (editing ? api.call('staff.update', toInput(d) as Input<'staff.update'>) : api.call('staff.create', toInput(d))),
    onSaved: (saved) => {
      showToast('success', { key: 'training.personSaved', params: { code: saved.code } });
      changed();
      if (editing) editStaff(null);
    },
  });
  const { bind } = form;
  return (
    <RecordForm form={form} submitLabel={editing ? t('common.save') : t('training.addPerson')} onCancel={editing ? () => editStaff(null) : undefined}>
      <div className="cst-form-row">
        <TextField {...bind('displayName')} label={t('training.displayName')} hint={t('training.displayNameHint')} maxLength={100} />
        <TextField {...bind('code')} label={editing ? t('training.colCode') : t('training.code')} hint={editing ? undefined : t('training.codeHint')} maxLength={24} required={Boolean(editing)} />
        <TextField {...bind('role')} label={t('training.role')} hint={t('training.roleHint')} maxLength={100} />
        <TextField {...bind('office')} label={t('training.office')} hint={t('training.officeHint')} maxLength={100} />
      </div>
      {editing ? <CheckboxField id={`${p}-active`} label={t('training.active')} checked={form.values.active} onChange={form.set('active')} /> : null}
    </RecordForm>
  );
}
