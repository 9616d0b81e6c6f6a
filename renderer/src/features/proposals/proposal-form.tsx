import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract, type Input } from '../../../../shared/api/contract';
import type { Proposal } from '../../../../shared/domain/proposals';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { useApiQuery } from '../../app/use-api-query';
import { NumberTextField, TextAreaField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { useToastStore } from '../../components/toast-store';
import { formatCents } from '../../../../shared/format/numbers';
import { parseEuroToCents } from '../../../../shared/format/typed-numbers';
import { BeneficiariesPicker } from './beneficiaries-picker';
import { useProposalsStore } from './store';

const P = 'proposal';
const IDS = {
  title: `${P}-title`,
  problem: `${P}-problem`,
  solution: `${P}-solution`,
  groupId: `${P}-group`,
  benefits: `${P}-benefits`,
  beneficiaries: `${P}-beneficiaries`,
  oneOffCents: `${P}-oneoff`,
  yearlyCents: `${P}-yearly`,
};

type Values = { title: string; problem: string; solution: string; groupId: string; benefits: string; beneficiaries: string[]; oneOff: string; yearly: string };

/** Euros typed "1.234,56" as cents (an empty box is nothing to spend); null when not an amount. */
function cents(text: string): number | null {
  return text.trim() ? parseEuroToCents(text) : 0;
}

function toInput(d: Values): Input<'proposals.create'> {
  const { oneOff, yearly, ...text } = d;
  return { ...text, groupId: d.groupId || null, oneOffCents: cents(oneOff) ?? 0, yearlyCents: cents(yearly) ?? 0 };
}

/**
 * The content of a proposal. A draft is saved in place; a submitted one is saved as a new
 * version (the backend decides by its status). Euros are typed "1.234,56" and sent as cents.
 */
export function ProposalForm({ proposal, onSaved, onCancel }: { proposal?: Proposal; onSaved: (p: Proposal) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { status } = useAppStatus();
  const groups = useApiQuery('groups.list', {});
  const showToast = useToastStore((s) => s.show);
  const form = useRecordForm({
    initial: (): Values => ({
      title: proposal?.title ?? '',
      problem: proposal?.problem ?? '',
      solution: proposal?.solution ?? '',
      groupId: proposal?.groupId ?? '',
      benefits: proposal?.benefits ?? '',
      beneficiaries: proposal?.beneficiaries ?? [],
      oneOff: proposal && proposal.oneOffCents ? formatCents(proposal.oneOffCents) : '',
      yearly: proposal && proposal.yearlyCents ? formatCents(proposal.yearlyCents) : '',
    }),
    fieldIds: IDS,
    check: (d) => ({
      ...schemaErrors(contract['proposals.create'].input, toInput(d)),
      ...(cents(d.oneOff) === null ? { oneOffCents: { key: 'validation2.euro' } } : {}),
      ...(cents(d.yearly) === null ? { yearlyCents: { key: 'validation2.euro' } } : {}),
    }),
    save: (d) => (proposal ? api.call('proposals.update', { ...toInput(d), id: proposal.id }) : api.call('proposals.create', toInput(d))),
    onSaved: (saved) => {
      showToast('success', saved.status === 'submitted' ? { key: 'proposals.versionSaved', params: { version: saved.version } } : { key: 'proposals.draftSaved' });
      onSaved(saved);
    },
    after: (d) => d,
  });
  const refusal = useProposalsStore((s) => s.submitRefusal);
  useEffect(() => {
    if (!refusal) return;
    // After the confirmation dialog has given focus back to its opener: then the field takes it.
    const timer = setTimeout(() => form.errors.showApiError(refusal), 0);
    return () => clearTimeout(timer);
    // Once per refusal (the form object changes at every render).
  }, [refusal]); // eslint-disable-line react-hooks/exhaustive-deps
  const { bind } = form;

  return (
    <RecordForm
      form={form}
      requiredNote={{ id: `${P}-required`, text: t('common.requiredNote') }}
      submitLabel={proposal?.status === 'submitted' ? t('proposals.saveNewVersion') : t('proposals.saveDraft')}
      onCancel={onCancel}
      cancelLabel={t('proposals.cancelEdit')}
      large
    >
      <TextField {...bind('title')} label={t('proposals.fieldTitle')} hint={t('proposals.fieldTitleHint')} required maxLength={200} />
      <TextAreaField {...bind('problem')} label={t('proposals.problem')} hint={t('proposals.problemHint')} rows={4} />
      <TextAreaField {...bind('solution')} label={t('proposals.solution')} rows={4} />
      <TextAreaField {...bind('benefits')} label={t('proposals.benefits')} rows={3} />
      <SelectField {...bind('groupId')} label={t('proposals.group')} options={[{ value: '', label: t('proposals.groupNone') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]} />
      <BeneficiariesPicker id={IDS.beneficiaries} codes={form.values.beneficiaries} exclude={status.installation?.id ?? ''} onChange={form.set('beneficiaries')} error={form.errors.text('beneficiaries')} />
      <div className="cst-form-row">
        <NumberTextField {...bind('oneOff', 'oneOffCents')} label={t('proposals.oneOff')} hint={t('proposals.euroHint')} suffix="€" />
        <NumberTextField {...bind('yearly', 'yearlyCents')} label={t('proposals.yearly')} hint={t('proposals.euroHint')} suffix="€" />
      </div>
    </RecordForm>
  );
}
