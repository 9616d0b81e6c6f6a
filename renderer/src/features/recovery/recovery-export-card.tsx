import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../../../shared/domain/installation';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';

/**
 * The hub's member page: the recovery bundle for a member restored from an old backup (a copy
 * of that member's own records as received here, signed), downloaded or saved through the
 * shell's dialog. `lastSeq`: the member's last event applied here (0: nothing to recover).
 */
export function RecoveryExportCard({ member, lastSeq }: { member: Pick<Member, 'istat' | 'name'>; lastSeq: number | undefined }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'info' | 'danger'; text: string } | null>(null);

  const onExport = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await api.call('recovery.export', { for: member.istat });
    if (!result.ok) {
      setBusy(false);
      return setOutcome({ tone: 'danger', text: apiErrorMessage(result.error, t, i18n.language) });
    }
    const saved = await saveFile({ fileName: result.value.fileName, contentBase64: result.value.contentBase64 ?? '' });
    setBusy(false);
    if (saved.kind === 'cancelled') return setOutcome({ tone: 'info', text: t('recovery.exportCancelled') });
    setOutcome({ tone: 'success', text: t('recovery.exportSaved', { file: saved.kind === 'saved' ? saved.path : saved.fileName, name: member.name }) });
  };

  const nothing = lastSeq === 0;
  return (
    <Card title={t('recovery.exportTitle')} id="member-recovery">
      <p>{nothing ? t('recovery.exportNothing', { name: member.name }) : t('recovery.exportText', { name: member.name, seq: formatNumber(lastSeq ?? 0) })}</p>
      {nothing ? null : (
        <button type="button" className="btn btn-outline-primary" disabled={busy} onClick={() => void onExport()}>
          {busy ? t('recovery.exporting') : t('recovery.exportButton')}
        </button>
      )}
      {outcome ? (
        <Alert tone={outcome.tone} live>
          {outcome.text}
        </Alert>
      ) : null}
    </Card>
  );
}
