import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/domain/usage';
import { useApi } from '../../app/api-context';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Modal } from '../../components/modal';
import { useToastStore } from '../../components/toast-store';
import { apiErrorToMessage } from '../../i18n/messages';
import { useUsageStore } from './store';
import { fieldIds, UsageFields } from './usage-fields';
import { draftFromEntry, draftToInput, emptyDraft, entryWhen, serviceName, type UsageDraft } from './usage-model';

const FORM_ID = 'usage-edit-form';

/** Correcting an entry (also one already sent): `usage.update` makes a new version. */
export function UsageEditDialog({ services }: { services: readonly Service[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const editing = useUsageStore((s) => s.editing);
  const edit = useUsageStore((s) => s.edit);
  const changed = useUsageStore((s) => s.changed);
  const showToast = useToastStore((s) => s.show);
  const [draft, setDraft] = useState<UsageDraft>(() => emptyDraft(''));
  const [saving, setSaving] = useState(false);
  const form = useFormErrors(fieldIds('usage-edit'));
  const quantityRef = useRef<HTMLInputElement>(null);

  // A correction is most often of the quantity: it takes focus, its text selected.
  useEffect(() => {
    if (!editing) return;
    quantityRef.current?.focus();
    quantityRef.current?.select();
  }, [editing]);

  useEffect(() => {
    if (editing) setDraft(draftFromEntry(editing));
    form.reset();
    // Reset on a new entry only (the form object changes at every render).
  }, [editing]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || saving) return;
    const built = draftToInput(draft, services.find((s) => s.code === draft.service), i18n.language);
    if ('errors' in built) {
      form.show(built.errors);
      return;
    }
    setSaving(true);
    const result = await api.call('usage.update', { ...built.input, id: editing.id });
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    showToast('success', { key: 'usage.updated', params: { version: result.value.version } });
    changed();
    edit(null);
  };

  return (
    <Modal
      open={editing !== null}
      title={t('usage.editTitle')}
      onClose={() => edit(null)}
    >
      <p>{t('usage.editIntro')}</p>
      <form id={FORM_ID} onSubmit={onSubmit} noValidate className="cst-form cst-form-wide">
        <UsageFields
          idPrefix="usage-edit"
          draft={draft}
          onChange={(patch, field) => {
            setDraft((d) => ({ ...d, ...patch }));
            form.clear(field);
          }}
          services={services}
          error={form.text}
          quantityRef={quantityRef}
        />
        {form.formText ? (
          <Alert tone="danger" live>
            {form.formText}
          </Alert>
        ) : null}
        <div className="cst-form-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={() => edit(null)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** "Delete?" for the entry chosen in the list. */
export function UsageDeleteDialog({ services }: { services: readonly Service[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const deleting = useUsageStore((s) => s.deleting);
  const askDelete = useUsageStore((s) => s.askDelete);
  const changed = useUsageStore((s) => s.changed);
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const service = deleting ? services.find((s) => s.code === deleting.service) : undefined;
  const onConfirm = async () => {
    if (!deleting) return;
    setBusy(true);
    const result = await api.call('usage.delete', { id: deleting.id });
    setBusy(false);
    askDelete(null);
    if (result.ok) {
      showToast('success', { key: 'usage.deleted' });
      changed();
    } else showToast('danger', apiErrorToMessage(result.error));
  };
  return (
    <ConfirmDialog
      open={deleting !== null}
      title={t('usage.deleteTitle')}
      text={deleting ? t('usage.deleteText', { when: entryWhen(deleting, t, i18n.language), service: service ? serviceName(service, i18n.language) : deleting.service }) : ''}
      confirmLabel={t('common.delete')}
      onConfirm={() => void onConfirm()}
      onCancel={() => askDelete(null)}
      busy={busy}
    />
  );
}
