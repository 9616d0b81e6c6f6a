import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { saveFile } from '../../platform/save-file';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { formatDate } from '../../i18n/format';
import type { TcMeetingRow } from '../../../../shared/domain/tc-meetings';
import { govErrorMessage } from '../governance/gov-text';
import { placeText, quorumShort } from './meeting-text';

/**
 * Municipality: the Technical Committee's meetings as received from the consortium, with how its
 * technician took part and which of its proposals were examined. A section of its own, placed
 * on the Proposte page and ready for a "Consorzio" page.
 */
export function MyCommitteeMeetings({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const list = useApiQuery('tc.meetings.list', {});
  const [error, setError] = useState<string>();
  if (list.state === 'error') return <Alert tone="danger">{govErrorMessage(list.error, t, i18n.language)}</Alert>;
  if (!list.data) return <Loading />;
  const download = async (id: string, sha256: string, name: string) => {
    const res = await api.call('tc.meetings.file', { id, sha256 });
    if (!res.ok) return setError(govErrorMessage(res.error, t, i18n.language));
    setError(undefined);
    await saveFile({ fileName: name, contentBase64: res.value.contentBase64 });
  };
  const present = (s: TcMeetingRow['mine']) => s === 'titular' || s === 'substitute' || s === 'proxy';
  return (
    <Card title={t('meetings.mineTitle')} level={headingLevel} id="tc-my-meetings">
      <p className="cst-hint">{t('meetings.mineIntro')}</p>
      <DataTable<TcMeetingRow>
        caption={t('meetings.mineTitle')}
        captionHidden
        rows={list.data}
        rowKey={(r) => r.id}
        empty={t('meetings.mineNone')}
        columns={[
          { key: 'date', header: t('meetings.colDate'), rowHeader: true, cell: (r) => formatDate(r.date) },
          { key: 'place', header: t('meetings.colPlace'), cell: (r) => placeText(r, t) },
          { key: 'mine', header: t('meetings.colMine'), cell: (r) => (r.mine ? <Badge tone={present(r.mine) ? 'success' : 'neutral'}>{t(`meetings.status.${r.mine}`)}</Badge> : t('meetings.mineNotListed')) },
          { key: 'ours', header: t('meetings.colMyProposals'), cell: (r) => (r.myProposals.length ? r.myProposals.map((p) => p.title).join('; ') : t('meetings.noneOfOurs')) },
          { key: 'quorum', header: t('meetings.colQuorum'), cell: (r) => quorumShort(r.quorum, t) },
          {
            key: 'files',
            header: t('meetings.colMinutes'),
            cell: (r) =>
              r.files.length
                ? r.files.map((f) => (
                    <button key={f.sha256} type="button" className="btn btn-link p-0" onClick={() => void download(r.id, f.sha256, f.name)}>
                      {t('meetings.minutesDownload', { name: f.name })}
                    </button>
                  ))
                : t('meetings.minutesNo'),
          },
        ]}
      />
      {error ? (
        <p className="cst-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
