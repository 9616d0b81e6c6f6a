import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useToastStore } from '../../components/toast-store';
import { apiErrorToMessage } from '../../i18n/messages';
import { useTrainingStore } from './store';

/** Confirms the deletion asked for in any training list. */
export function TrainingDeleteDialog() {
  const { t } = useTranslation();
  const api = useApi();
  const deleting = useTrainingStore((s) => s.deleting);
  const askDelete = useTrainingStore((s) => s.askDelete);
  const changed = useTrainingStore((s) => s.changed);
  const showToast = useToastStore((s) => s.show);
  const [busy, setBusy] = useState(false);
  const onConfirm = async () => {
    if (!deleting) return;
    setBusy(true);
    const result = await api.call(deleting.method, { id: deleting.id });
    setBusy(false);
    askDelete(null);
    if (result.ok) {
      showToast('success', { key: 'common.deleted' });
      changed();
    } else showToast('danger', apiErrorToMessage(result.error));
  };
  return (
    <ConfirmDialog
      open={deleting !== null}
      title={deleting?.title ?? ''}
      text={deleting?.text ?? ''}
      confirmLabel={t('common.delete')}
      onConfirm={() => void onConfirm()}
      onCancel={() => askDelete(null)}
      busy={busy}
    />
  );
}
