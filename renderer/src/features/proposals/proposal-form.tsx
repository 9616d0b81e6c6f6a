import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract, type Input } from '../../../../shared/api/contract';
import type { Proposal } from '../../../../shared/domain/proposals';
import { useApi } from '../../app/api-context';
import { useAppStatus } from '../../app/status-context';
import { useApiQuery } from '../../app/use-api-query';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { NumberTextField, TextAreaField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { useToastStore } from '../../components/toast-store';
import { fieldErrorsFromZod, type Message } from '../../i18n/messages';
import { formatCents, parseEuroToCents } from '../../i18n/money';
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
  const [d, setD] = useState(() => ({
    title: proposal?.title ?? '',
    problem: proposal?.problem ?? '',
    solution: proposal?.solution ?? '',
    groupId: proposal?.groupId ?? '',
    benefits: proposal?.benefits ?? '',
    beneficiaries: proposal?.beneficiaries ?? [],
    oneOff: proposal && proposal.oneOffCents ? formatCents(proposal.oneOffCents) : '',
    yearly: proposal && proposal.yearlyCents ? formatCents(proposal.yearlyCents) : '',
  }));
  const [saving, setSaving] = useState(false);
  const form = useFormErrors(IDS);
  const refusal = useProposalsStore((s) => s.submitRefusal);
  useEffect(() => {
    if (!refusal) return;
    // After the confirmation dialog has given focus back to its opener: then the field takes it.
    const timer = setTimeout(() => form.showApiError(refusal), 0);
    return () => clearTimeout(timer);
    // Once per refusal (the form object changes at every render).
  }, [refusal]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (k: 'title' | 'problem' | 'solution' | 'groupId' | 'benefits' | 'oneOff' | 'yearly', field: string = k) => (v: string) => {
    setD((x) => ({ ...x, [k]: v }));
    form.clear(field);
  };
  const submittedBefore = proposal?.status === 'submitted';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const errors: Record<string, Message> = {};
    const cents = (text: string, field: string) => {
      if (!text.trim()) return 0;
      const c = parseEuroToCents(text);
      if (c === null) errors[field] = { key: 'validation2.euro' };
      return c ?? 0;
    };
    const input: Input<'proposals.create'> = {
      title: d.title,
      problem: d.problem,
      solution: d.solution,
      groupId: d.groupId || null,
      benefits: d.benefits,
      beneficiaries: d.beneficiaries,
      oneOffCents: cents(d.oneOff, 'oneOffCents'),
      yearlyCents: cents(d.yearly, 'yearlyCents'),
    };
    const parsed = contract['proposals.create'].input.safeParse(input);
    if (!parsed.success) Object.assign(errors, fieldErrorsFromZod(parsed.error), errors);
    if (Object.keys(errors).length) {
      form.show(errors);
      return;
    }
    setSaving(true);
    const result = proposal ? await api.call('proposals.update', { ...input, id: proposal.id }) : await api.call('proposals.create', input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    showToast('success', result.value.status === 'submitted' ? { key: 'proposals.versionSaved', params: { version: result.value.version } } : { key: 'proposals.draftSaved' });
    onSaved(result.value);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="cst-form cst-form-wide" aria-describedby={`${P}-required`}>
      <p id={`${P}-required`} className="cst-required-note">
        {t('common.requiredNote')}
      </p>
      <TextField id={IDS.title} label={t('proposals.fieldTitle')} hint={t('proposals.fieldTitleHint')} value={d.title} onChange={set('title')} error={form.text('title')} required maxLength={200} />
      <TextAreaField id={IDS.problem} label={t('proposals.problem')} hint={t('proposals.problemHint')} value={d.problem} onChange={set('problem')} error={form.text('problem')} rows={4} />
      <TextAreaField id={IDS.solution} label={t('proposals.solution')} value={d.solution} onChange={set('solution')} error={form.text('solution')} rows={4} />
      <TextAreaField id={IDS.benefits} label={t('proposals.benefits')} value={d.benefits} onChange={set('benefits')} error={form.text('benefits')} rows={3} />
      <SelectField
        id={IDS.groupId}
        label={t('proposals.group')}
        value={d.groupId}
        onChange={set('groupId')}
        options={[{ value: '', label: t('proposals.groupNone') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        error={form.text('groupId')}
      />
      <BeneficiariesPicker
        id={IDS.beneficiaries}
        codes={d.beneficiaries}
        exclude={status.installation?.id ?? ''}
        onChange={(codes) => {
          setD((x) => ({ ...x, beneficiaries: codes }));
          form.clear('beneficiaries');
        }}
        error={form.text('beneficiaries')}
      />
      <div className="cst-form-row">
        <NumberTextField id={IDS.oneOffCents} label={t('proposals.oneOff')} hint={t('proposals.euroHint')} value={d.oneOff} onChange={set('oneOff', 'oneOffCents')} error={form.text('oneOffCents')} suffix="€" />
        <NumberTextField id={IDS.yearlyCents} label={t('proposals.yearly')} hint={t('proposals.euroHint')} value={d.yearly} onChange={set('yearly', 'yearlyCents')} error={form.text('yearlyCents')} suffix="€" />
      </div>
      {form.formText ? (
        <Alert tone="danger" live>
          {form.formText}
        </Alert>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary btn-lg" disabled={saving}>
          {saving ? t('common.saving') : submittedBefore ? t('proposals.saveNewVersion') : t('proposals.saveDraft')}
        </button>
        {onCancel ? (
          <button type="button" className="btn btn-outline-primary btn-lg" onClick={onCancel}>
            {t('proposals.cancelEdit')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
