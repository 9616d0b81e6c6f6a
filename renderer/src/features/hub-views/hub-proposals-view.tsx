import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubProposal } from '../../../../shared/domain/hub-views';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { MemberFilterBar, memberQueryInput, useMemberQuery } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { trackTone } from '../governance/gov-format';
import { DataTable, type Column } from '../../components/data-table';
import { Loading } from '../../components/loading';
import { formatDateTime, formatEuroCents } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { saveFile } from '../../platform/save-file';
import { formatBytes } from '../../../../shared/format/numbers';

/** Hub: proposals received from members (read-only): list, then content, versions, attachments. */
export function HubProposalsView({ member }: { member?: string | undefined }) {
  const { t, i18n } = useTranslation();
  // One page of proposals of the members the filters select (issue 12).
  const [query, setQuery] = useMemberQuery();
  const paged = useApiQuery('hub.proposals.page', { ...(member ? { member } : {}), ...memberQueryInput(query) });
  const list = { ...paged, data: paged.data?.proposals };
  const [open, setOpen] = useState<string | null>(null);
  const columns: Column<HubProposal>[] = [
    {
      key: 'title',
      header: t('hubViews.colTitle'),
      rowHeader: true,
      cell: (p) => (
        <button type="button" className="btn btn-link p-0 text-start" onClick={() => setOpen(p.id)} aria-expanded={open === p.id}>
          {p.title}
        </button>
      ),
    },
    { key: 'member', header: t('hubViews.colMember'), cell: (p) => p.memberName ?? p.member },
    // The one state (shared/governance/proposal-state.ts): the same as the evaluation screens say.
    { key: 'status', header: t('hubViews.colStatus'), cell: (p) => <Badge tone={trackTone(p.state.stage)}>{t(`gov.state.${p.state.stage}`)}</Badge> },
    { key: 'version', header: t('hubViews.colVersion'), numeric: true, cell: (p) => (p.status === 'draft' ? t('gov.state.draft') : String(p.version)) },
    { key: 'oneOff', header: t('hubViews.colOneOff'), numeric: true, cell: (p) => formatEuroCents(p.oneOffCents) },
    { key: 'yearly', header: t('hubViews.colYearly'), numeric: true, cell: (p) => formatEuroCents(p.yearlyCents) },
    { key: 'att', header: t('hubViews.colAttachments'), numeric: true, cell: (p) => String(p.attachments) },
    { key: 'sent', header: t('hubViews.colSubmitted'), cell: (p) => (p.submittedAt ? formatDateTime(p.submittedAt) : '—') },
  ];
  return (
    <section aria-labelledby="hub-proposals-title">
      <h2 className="cst-subtitle" id="hub-proposals-title">
        {t('hubViews.proposalsTitle')}
      </h2>
      {member ? null : <MemberFilterBar id="hub-proposals" query={query} onChange={setQuery} />}
      {list.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(list.error, t, i18n.language)}
        </Alert>
      ) : null}
      {list.data ? (
        <>
          <DataTable caption={t('hubViews.proposalsCaption')} columns={columns} rows={list.data} rowKey={(p) => p.id} empty={t('hubViews.empty')} />
          <Pager id="hub-proposals-pager" page={paged.data?.page} onPage={(page) => setQuery({ page })} counting="proposals" />
        </>
      ) : (
        <Loading />
      )}
      {open ? <ProposalContent id={open} /> : null}
    </section>
  );
}

function ProposalContent({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const detail = useApiQuery('hub.proposals.get', { id });
  const [error, setError] = useState<string | null>(null);
  if (detail.state === 'error') return <Alert tone="danger">{apiErrorMessage(detail.error, t, i18n.language)}</Alert>;
  if (!detail.data) return <Loading />;
  const { data, versions, attachments, proposal } = detail.data;
  const download = async (sha256: string) => {
    setError(null);
    const r = await api.call('hub.attachments.get', { sha256 });
    if (!r.ok) return setError(apiErrorMessage(r.error, t, i18n.language));
    await saveFile({ fileName: r.value.name, contentBase64: r.value.contentBase64 });
  };
  return (
    <article className="cst-confirm-box" aria-labelledby="hub-proposal-title">
      <h3 className="cst-subtitle" id="hub-proposal-title">
        {t('hubViews.proposalHeading', { title: data.title, member: proposal.memberName ?? proposal.member, version: proposal.version })}
      </h3>
      <dl className="cst-details">
        <dt>{t('hubViews.problem')}</dt>
        <dd>{data.problem || '—'}</dd>
        <dt>{t('hubViews.solution')}</dt>
        <dd>{data.solution || '—'}</dd>
        <dt>{t('hubViews.benefits')}</dt>
        <dd>{data.benefits || '—'}</dd>
        <dt>{t('hubViews.colOneOff')}</dt>
        <dd>{formatEuroCents(data.one_off_cents)}</dd>
        <dt>{t('hubViews.colYearly')}</dt>
        <dd>{formatEuroCents(data.yearly_cents)}</dd>
      </dl>
      <h4 className="cst-subtitle">{t('hubViews.attachments')}</h4>
      {attachments.length === 0 ? <p>{t('hubViews.noAttachments')}</p> : null}
      <ul>
        {attachments.map((a) => (
          <li key={a.sha256}>
            {a.available ? (
              <button type="button" className="btn btn-link p-0" onClick={() => void download(a.sha256)}>
                {t('hubViews.download', { name: a.name, size: formatBytes(a.bytes) })}
              </button>
            ) : (
              t('hubViews.notArrived', { name: a.name })
            )}
          </li>
        ))}
      </ul>
      {error ? (
        <Alert tone="danger" live>
          {error}
        </Alert>
      ) : null}
      <h4 className="cst-subtitle">{t('hubViews.versions')}</h4>
      <ol>
        {versions.map((v) => (
          <li key={v.seq}>
            {v.status === 'draft'
              ? t('hubViews.versionLineDraft', { date: formatDateTime(v.at), title: v.data.title })
              : t('hubViews.versionLine', { date: formatDateTime(v.at), status: t(`hubViews.status.${v.status}`), version: v.version, title: v.data.title })}
          </li>
        ))}
      </ol>
    </article>
  );
}
