import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api-context';
import { apiErrorToMessage } from '../i18n/messages';
import { ConfirmDialog } from './confirm-dialog';
import { useToastStore } from './toast-store';

/** A deletion waiting for its confirmation: the API method that deletes by id, and what to say. */
export interface PendingDelete<M extends string = string> {
  method: M;
  id: string;
  title: string;
  text: string;
}

type DeleteMethod = 'staff.delete' | 'courses.delete' | 'participations.delete' | 'groups.delete' | 'meetings.delete';

/** Confirms a deletion asked for in a list, calls the API, says how it went. */
export function DeleteRecordDialog({
  pending,
  onClose,
  onDeleted,
}: {
  pending: PendingDelete<DeleteMethod> | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const onConfirm = async () => {
    if (!pending) return;
    setBusy(true);
    const result = await api.call(pending.method, { id: pending.id });
    setBusy(false);
    onClose();
    if (result.ok) {
      showToast('success', { key: 'common.deleted' });
      onDeleted();
    } else showToast('danger', apiErrorToMessage(result.error));
  };
  return (
    <ConfirmDialog
      open={pending !== null}
      title={pending?.title ?? ''}
      text={pending?.text ?? ''}
      confirmLabel={t('common.delete')}
      onConfirm={() => void onConfirm()}
      onCancel={onClose}
      busy={busy}
    />
  );
}
