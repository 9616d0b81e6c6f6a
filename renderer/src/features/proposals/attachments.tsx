import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared/domain/proposals';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/records/proposals';
import { formatDecimal, formatInteger } from '../../../../shared/format/numbers';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { FileField } from '../../components/file-field';
import { useToastStore } from '../../components/toast-store';
import { apiErrorToMessage, messageText, type Message } from '../../i18n/messages';
import { readFileAsBase64 } from '../../platform/read-file';
import { saveFile } from '../../platform/save-file';

const TYPES_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
const ACCEPT = Object.keys(TYPES_BY_EXTENSION).map((e) => `.${e}`).join(',');

/** "12,3 MB" / "850 kB" for a clerk. */
export function sizeText(bytes: number, t: (k: string, o: Record<string, unknown>) => string): string {
  if (bytes >= 1024 * 1024) return t('proposals.sizeMb', { size: formatDecimal(bytes / (1024 * 1024), 1) });
  return t('proposals.sizeKb', { size: formatInteger(Math.max(1, Math.round(bytes / 1024))) });
}

/**
 * The proposal's attachments: the type and the size are checked before the file is read (a
 * 2 GB video is refused at once); the backend checks the first bytes again and stores by SHA-256.
 */
export function Attachments({ proposal, editable, onChanged }: { proposal: Proposal; editable: boolean; onChanged: (p: Proposal) => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const inputId = useId();
  const [error, setError] = useState<Message | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    const type = TYPES_BY_EXTENSION[ext];
    if (!type) return setError({ key: 'proposals.attachmentBadType', params: { name: file.name } });
    if (file.size === 0) return setError({ key: 'proposals.attachmentEmpty', params: { name: file.name } });
    if (file.size > ATTACHMENT_MAX_BYTES) return setError({ key: 'proposals.attachmentTooBig', params: { name: file.name, size: sizeText(file.size, t) } });
    setBusy(file.name);
    const picked = await readFileAsBase64(file);
    const result = await api.call('attachments.add', { proposalId: proposal.id, name: file.name, type, contentBase64: picked.contentBase64 });
    setBusy(null);
    if (!result.ok) return setError(apiErrorToMessage(result.error));
    showToast('success', { key: 'proposals.attachmentAdded', params: { name: file.name } });
    onChanged(result.value);
  };

  const onRemove = async (sha256: string) => {
    const result = await api.call('attachments.remove', { proposalId: proposal.id, sha256 });
    if (!result.ok) return setError(apiErrorToMessage(result.error));
    showToast('success', { key: 'proposals.attachmentRemoved' });
    onChanged(result.value);
  };

  const onDownload = async (sha256: string, name: string) => {
    const result = await api.call('attachments.get', { sha256 });
    if (!result.ok) return setError(apiErrorToMessage(result.error));
    await saveFile({ fileName: name, contentBase64: result.value.contentBase64 });
  };

  return (
    <div className="cst-attachments">
      <p>{t('proposals.attachmentsIntro')}</p>
      {proposal.attachments.length === 0 ? (
        <p className="cst-muted">{t('proposals.attachmentsEmpty')}</p>
      ) : (
        <ul className="cst-member-list">
          {proposal.attachments.map((a) => (
            <li key={a.sha256}>
              <span>
                {a.name} <span className="cst-muted">({sizeText(a.bytes, t)})</span>
              </span>
              <span className="cst-row-actions">
                <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => void onDownload(a.sha256, a.name)}>
                  {t('proposals.download')}
                  <span className="visually-hidden">: {a.name}</span>
                </button>
                {editable ? (
                  <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => void onRemove(a.sha256)}>
                    {t('proposals.remove')}
                    <span className="visually-hidden">: {a.name}</span>
                  </button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <div>
          <FileField
            id={inputId}
            label={t('proposals.attachmentFile')}
            hint={t('proposals.attachmentsIntro')}
            error={error ? messageText(error, t, i18n.language) : undefined}
            accept={ACCEPT}
            disabled={busy !== null}
            onFiles={(files) => void onFile(files[0])}
          />
          {busy ? <p role="status">{t('proposals.attachmentAdding', { name: busy })}</p> : null}
        </div>
      ) : error ? (
        <Alert tone="danger">{messageText(error, t, i18n.language)}</Alert>
      ) : null}
    </div>
  );
}
