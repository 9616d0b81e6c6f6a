import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SharedProposal } from '../../../../shared/domain/proposal-joins';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Badge } from '../../components/badge';
import { Card } from '../../components/card';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TextAreaField } from '../../components/fields';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { formatDate, formatEuroCents } from '../../i18n/format';
import { apiErrorMessage, apiErrorToMessage } from '../../i18n/messages';
import { useMunicipalityNames } from './beneficiaries-picker';
import { JoinersList } from './joiners-list';

/**
 * "Proposte degli altri comuni": what the hub published of the other members' proposals, each
 * with who joined and this member's "Aderisci" (with a note) or "Ritira l'adesione".
 */
export function SharedProposals() {
  const { t, i18n } = useTranslation();
  const list = useApiQuery('joins.list', {});
  if (list.state === 'error' && !list.data) return <Alert tone="danger">{apiErrorMessage(list.error, t, i18n.language)}</Alert>;
  if (!list.data) return <Loading />;
  if (list.data.length === 0) return <p>{t('joins.othersEmpty')}</p>;
  return (
    <>
      {list.data.map((p) => (
        <SharedProposalCard key={`${p.id}-${p.mine?.updatedAt ?? ''}-${p.joiners.length}`} proposal={p} onChanged={list.reload} />
      ))}
    </>
  );
}

function SharedProposalCard({ proposal: p, onChanged }: { proposal: SharedProposal; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const name = useMunicipalityNames(p.beneficiaries);
  const joined = p.mine?.status === 'joined';
  const [note, setNote] = useState(joined ? (p.mine?.note ?? '') : '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const noteId = `join-note-${p.id}`;

  const join = async () => {
    setBusy(true);
    const r = await api.call('joins.join', { id: p.id, note });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.field === 'note' ? apiErrorMessage(r.error, t, i18n.language) : undefined);
      if (r.error.field !== 'note') showToast('danger', apiErrorToMessage(r.error));
      return;
    }
    setError(undefined);
    showToast('success', { key: joined ? 'joins.noteToast' : 'joins.joinedToast' });
    onChanged();
  };
  const withdraw = async () => {
    setBusy(true);
    const r = await api.call('joins.withdraw', { id: p.id });
    setBusy(false);
    setConfirming(false);
    showToast(r.ok ? 'success' : 'danger', r.ok ? { key: 'joins.withdrawnToast' } : apiErrorToMessage(r.error));
    onChanged();
  };

  return (
    <Card title={p.title} id={`shared-${p.id}`}>
      <p>
        {p.submittedAt ? t('joins.from', { name: p.proposerName, version: p.version, date: formatDate(p.submittedAt) }) : t('joins.fromUndated', { name: p.proposerName, version: p.version })}{' '}
        {p.status === 'withdrawn' ? <Badge tone="warning">{t('joins.badgeWithdrawn')}</Badge> : joined ? <Badge tone="success">{t('joins.badgeJoined')}</Badge> : <Badge tone="neutral">{t('joins.badgeOpen')}</Badge>}
      </p>
      <details className="cst-shared-content">
        <summary>{t('joins.content')}</summary>
        <dl className="cst-details">
          {(
            [
              ['problem', p.problem],
              ['solution', p.solution],
              ['benefits', p.benefits],
              ['beneficiaries', p.beneficiaries.map(name).join(', ')],
              ['costs', t('joins.costsText', { oneOff: formatEuroCents(p.oneOffCents), yearly: formatEuroCents(p.yearlyCents) })],
            ] as const
          ).map(([k, v]) => (
            <div className="cst-detail" key={k}>
              <dt>{t(`joins.${k}`)}</dt>
              <dd className="cst-pre">{v || t('joins.none')}</dd>
            </div>
          ))}
        </dl>
      </details>
      <h3 className="cst-subtitle">{t('joins.joinersTitle')}</h3>
      <JoinersList joiners={p.joiners} label={t('joins.joinersTitle')} />
      {p.mine ? (
        <p>
          {joined ? t('joins.mineSince', { date: formatDate(p.mine.updatedAt) }) : t('joins.mineWithdrawn', { date: formatDate(p.mine.updatedAt) })}
          {p.mine.relayed ? '' : ` ${t('joins.notRelayed')}`}
        </p>
      ) : null}
      {p.status === 'withdrawn' ? (
        <p>{t('joins.withdrawnNoJoin')}</p>
      ) : (
        <form
          className="cst-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void join();
          }}
        >
          <TextAreaField id={noteId} label={t('joins.noteLabel')} hint={t('joins.noteHint')} value={note} onChange={setNote} error={error} maxLength={2000} />
          <div className="cst-actions cst-join-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {joined ? t('joins.updateNote') : t('joins.join')}
            </button>
            {joined ? (
              <button type="button" className="btn btn-outline-danger" onClick={() => setConfirming(true)} disabled={busy}>
                {t('joins.withdraw')}
              </button>
            ) : null}
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('joins.withdrawTitle')}
        text={t('joins.withdrawText', { title: p.title })}
        confirmLabel={t('joins.withdraw')}
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      />
    </Card>
  );
}
