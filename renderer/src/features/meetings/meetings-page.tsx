import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { formatDate } from '../../i18n/format';
import { apiErrorToMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';
import type { TcMeetingRow } from '../../../../shared/domain/tc-meetings';
import { govErrorMessage } from '../governance/gov-text';
import { MeetingForm } from './meeting-form';
import { placeText, quorumShort } from './meeting-text';

/** Hub — Proposte › Riunioni del Comitato tecnico: the list (`meetings`), a new one (`meetings/new`), one meeting (`meetings/<id>`). */
export function MeetingsView({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const id = sub.startsWith('meetings/') ? sub.slice('meetings/'.length) : '';
  if (id) {
    return (
      <>
        <p>
          <a href="#/proposals/meetings" className="cst-link-strong">
            {t('meetings.back')}
          </a>
        </p>
        <MeetingForm id={id === 'new' ? null : id} />
      </>
    );
  }
  return <MeetingsList />;
}

function MeetingsList() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  const list = useApiQuery('tc.meetings.list', {});
  const [busy, setBusy] = useState(false);
  if (list.state === 'error') return <Alert tone="danger">{govErrorMessage(list.error, t, i18n.language)}</Alert>;
  if (!list.data) return <Loading />;
  const csv = async () => {
    setBusy(true);
    const res = await api.call('tc.meetings.csv', {});
    setBusy(false);
    if (!res.ok) return toast('danger', apiErrorToMessage(res.error));
    const out = await saveFile({ fileName: res.value.fileName, contentBase64: res.value.contentBase64 });
    if (out.kind !== 'cancelled') toast('success', { key: 'meetings.csvSaved', params: { name: out.kind === 'saved' ? out.path : out.fileName } });
  };
  return (
    <Card title={t('meetings.title')} id="tc-meetings">
      <p className="cst-hint">{t('meetings.intro')}</p>
      <p>
        <a href="#/proposals/meetings/new" className="btn btn-primary">
          {t('meetings.add')}
        </a>
      </p>
      <DataTable<TcMeetingRow>
        caption={t('meetings.title')}
        captionHidden
        rows={list.data}
        rowKey={(r) => r.id}
        empty={t('meetings.none')}
        columns={[
          { key: 'date', header: t('meetings.colDate'), rowHeader: true, cell: (r) => <a href={`#/proposals/meetings/${r.id}`}>{formatDate(r.date)}</a> },
          { key: 'place', header: t('meetings.colPlace'), cell: (r) => placeText(r, t) },
          { key: 'proposals', header: t('meetings.colProposals'), numeric: true, cell: (r) => r.proposals },
          { key: 'quorum', header: t('meetings.colQuorum'), cell: (r) => <Badge tone={r.quorum.reached ? 'success' : 'warning'}>{quorumShort(r.quorum, t)}</Badge> },
          { key: 'minutes', header: t('meetings.colMinutes'), cell: (r) => t(r.hasMinutes ? 'meetings.minutesYes' : 'meetings.minutesNo') },
        ]}
      />
      {list.data.length ? (
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => void csv()} disabled={busy}>
          {t('meetings.csv')}
        </button>
      ) : null}
    </Card>
  );
}
