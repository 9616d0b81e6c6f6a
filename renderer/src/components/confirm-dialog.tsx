import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/** "Are you sure?" before something that cannot be undone from the screen (a deletion); the focus starts on "Annulla". */
export function ConfirmDialog({ open, title, text, confirmLabel, onConfirm, onCancel, busy = false }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="btn btn-outline-primary" onClick={onCancel} data-initial-focus>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <p>{text}</p>
    </Modal>
  );
}
