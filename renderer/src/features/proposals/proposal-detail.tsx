import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../../shared/domain/proposals';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useToastStore } from '../../components/toast-store';
import { formatDateTime } from '../../i18n/format';
import { apiErrorMessage, apiErrorToMessage } from '../../i18n/messages';
import { navigateTo } from '../../platform/hash-location';
import { HistoryButton } from '../history/history-button';
import { fieldLabel, fieldValue } from '../history/history-values';
import { Attachments } from './attachments';
import { useMunicipalityNames } from './beneficiaries-picker';
import { StatusBadge } from './proposals-list';
import { ProposalForm } from './proposal-form';
import { ProposalVersions } from './proposal-versions';
import { ProposalJoinersCard } from './proposal-joiners-card';
import { ProposalTimeline } from '../governance/timeline';
import { useProposalsStore } from './store';

/** One proposal: its content (editable as a draft, locked once submitted), attachments, lifecycle, versions. */
export function ProposalDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const { version, changed, editingSubmitted, setEditingSubmitted, confirming, confirm } = useProposalsStore();
  const detail = useApiQuery('proposals.get', { id }, version);
  if (detail.state === 'error' && !detail.data)
    return (
      <>
        <PageTitle>{t('proposals.title')}</PageTitle>
        <Alert tone="danger">{apiErrorMessage(detail.error, t, i18n.language)}</Alert>
      </>
    );
  if (!detail.data) return <Loading />;
  const p = detail.data.proposal;
  // What may still change follows the one state (the hub's decision included), as the core enforces it.
  const canEdit = p.state.memberActions.includes('edit');
  const editable = canEdit && (p.status === 'draft' || editingSubmitted);
  const onSaved = () => {
    setEditingSubmitted(false);
    changed();
  };
  return (
    <>
      <PageTitle>{t('proposals.detailTitle', { title: p.title })}</PageTitle>
      <p className="cst-status-line">
        <StatusBadge state={p.state} />{' '}
        {p.status === 'draft' && p.version === 0
          ? t('proposals.statusLineDraft', { when: formatDateTime(p.updatedAt), who: p.updatedBy })
          : t('proposals.statusLine', { version: p.version, when: formatDateTime(p.updatedAt), who: p.updatedBy })}
      </p>
      {p.status === 'submitted' && canEdit && !editingSubmitted ? <Alert tone="info">{t('proposals.locked')}</Alert> : null}
      {p.status === 'submitted' && !canEdit ? <Alert tone="info">{t('gov.decidedNotice')}</Alert> : null}
      {p.state.stage === 'withdrawn' ? <Alert tone="warning">{t('proposals.lockedWithdrawn')}</Alert> : null}
      <Card title={t('proposals.formTitle')} id="proposal-content">
        {editable ? (
          <ProposalForm key={`${p.id}-${p.updatedAt}`} proposal={p} onSaved={onSaved} onCancel={p.status === 'submitted' ? () => setEditingSubmitted(false) : undefined} />
        ) : (
          <ReadOnly proposal={p} />
        )}
      </Card>
      <Card title={t('proposals.attachmentsTitle')} id="proposal-attachments">
        <Attachments proposal={p} editable={editable} onChanged={() => changed()} />
      </Card>
      <Lifecycle proposal={p} />
      <ProposalJoinersCard proposal={p} />
      {p.state.steps.length > 0 ? (
        <Card id="proposal-timeline">
          <ProposalTimeline state={p.state} />
        </Card>
      ) : null}
      <Card title={t('proposals.versionsTitle')} id="proposal-versions">
        <p>{t('proposals.versionsIntro')}</p>
        <ProposalVersions versions={detail.data.versions} />
        <HistoryButton target={{ kind: 'proposal', id: p.id, what: p.title }} />
      </Card>
      <LifecycleDialogs proposal={p} confirming={confirming} confirm={confirm} changed={changed} />
    </>
  );
}

function ReadOnly({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const name = useMunicipalityNames(proposal.beneficiaries);
  const fields: [string, unknown][] = [
    ['title', proposal.title],
    ['problem', proposal.problem],
    ['solution', proposal.solution],
    ['benefits', proposal.benefits],
    ['beneficiaries', proposal.beneficiaries.map(name)],
    ['one_off_cents', proposal.oneOffCents],
    ['yearly_cents', proposal.yearlyCents],
  ];
  return (
    <dl className="cst-details">
      {fields.map(([f, v]) => (
        <div className="cst-detail" key={f}>
          <dt>{fieldLabel(f, t)}</dt>
          <dd className="cst-pre">{fieldValue(f, v, t)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Lifecycle({ proposal: p }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const { editingSubmitted, setEditingSubmitted, confirm, setSubmitRefusal } = useProposalsStore();
  const can = p.state.memberActions;
  if (can.length === 0) return null;
  return (
    <div className="cst-actions cst-lifecycle">
      {can.includes('submit') ? (
        <>
          <button type="button" className="btn btn-primary btn-lg" onClick={() => (setSubmitRefusal(null), confirm('submit'))}>
            {t('proposals.submit')}
          </button>
          {can.includes('delete') ? (
            <button type="button" className="btn btn-outline-danger" onClick={() => confirm('delete')}>
              {t('common.delete')}
            </button>
          ) : null}
        </>
      ) : null}
      {p.status === 'submitted' && !editingSubmitted ? (
        <>
          {can.includes('edit') ? (
            <button type="button" className="btn btn-primary btn-lg" onClick={() => setEditingSubmitted(true)}>
              {t('proposals.editSubmitted')}
            </button>
          ) : null}
          {can.includes('withdraw') ? (
            <button type="button" className="btn btn-outline-danger" onClick={() => confirm('withdraw')}>
              {t('proposals.withdraw')}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function LifecycleDialogs({ proposal: p, confirming, confirm, changed }: { proposal: Proposal; confirming: string | null; confirm: (a: null) => void; changed: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const setSubmitRefusal = useProposalsStore((s) => s.setSubmitRefusal);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    if (confirming === 'submit') {
      const r = await api.call('proposals.submit', { id: p.id });
      if (r.ok) showToast('success', { key: 'proposals.submitted', params: { version: r.value.version } });
      else {
        // The form shows the refusal next to its field (and focuses it) once the dialog is closed.
        setBusy(false);
        confirm(null);
        setSubmitRefusal(r.error);
        return;
      }
    } else if (confirming === 'withdraw') {
      const r = await api.call('proposals.withdraw', { id: p.id });
      showToast(r.ok ? 'success' : 'danger', r.ok ? { key: 'proposals.withdrawn' } : apiErrorToMessage(r.error));
    } else if (confirming === 'delete') {
      const r = await api.call('proposals.delete', { id: p.id });
      if (r.ok) {
        showToast('success', { key: 'proposals.deleted' });
        setBusy(false);
        confirm(null);
        navigateTo('/proposals');
        return;
      }
      showToast('danger', apiErrorToMessage(r.error));
    }
    setBusy(false);
    confirm(null);
    changed();
  };
  const texts = {
    submit: [t('proposals.submitTitle'), t('proposals.submitText'), t('proposals.submit')],
    withdraw: [t('proposals.withdrawTitle'), t('proposals.withdrawText'), t('proposals.withdraw')],
    delete: [t('proposals.deleteTitle'), t('proposals.deleteText', { title: p.title }), t('common.delete')],
  } as const;
  const current = confirming === 'submit' || confirming === 'withdraw' || confirming === 'delete' ? texts[confirming] : null;
  return (
    <ConfirmDialog
      open={current !== null}
      title={current?.[0] ?? ''}
      text={current?.[1] ?? ''}
      confirmLabel={current?.[2] ?? ''}
      onConfirm={() => void run()}
      onCancel={() => confirm(null)}
      busy={busy}
    />
  );
}
