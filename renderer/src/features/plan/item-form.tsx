import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import type { Member } from '../../../../shared/domain/installation';
import type { PlanItemData } from '../../../../shared/records/gov-records';
import { CheckboxField, NumberTextField, RadioGroupField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { formatCents, parseEuroToCents } from '../../i18n/money';
import { focusElementById } from '../../platform/document';
import { formatMilli, parseMilli } from './quantities';

export type PlanItemInput = Input<'plan.saveItems'>['items'][number];

/** A stored item as the API takes it back (unchanged fields kept as they are). */
export function toItemInput(i: PlanItemData): PlanItemInput {
  return {
    code: i.code,
    description: i.description,
    category: i.category,
    service: i.service,
    proposalId: i.proposal_id,
    fixedCents: i.fixed_cents,
    unitCents: i.unit_cents,
    quantityMilli: i.quantity_milli,
    oneOffCents: i.one_off_cents,
    key: i.key,
    usageBasis: i.usage_basis,
    exempt: i.exempt,
    reference: i.reference,
  };
}

type Draft = Record<'code' | 'description' | 'category' | 'fixed' | 'unit' | 'quantity' | 'oneOff' | 'equal' | 'population' | 'usage' | 'basis' | 'refKind' | 'refFixed' | 'refUnit', string>;

function draftOf(i: PlanItemData | null): Draft {
  return {
    code: i?.code ?? '',
    description: i?.description ?? '',
    category: i?.category ?? 'service',
    fixed: i ? formatCents(i.fixed_cents) : '0,00',
    unit: i ? formatCents(i.unit_cents) : '0,00',
    quantity: i ? formatMilli(i.quantity_milli) : '0',
    oneOff: i ? formatCents(i.one_off_cents) : '0,00',
    equal: String(i?.key.equal ?? 100),
    population: String(i?.key.population ?? 0),
    usage: String(i?.key.usage ?? 0),
    basis: i?.usage_basis ?? 'last_year',
    refKind: i?.reference?.kind ?? 'none',
    refFixed: i?.reference?.kind === 'per_unit' ? formatCents(i.reference.fixedCents ?? 0) : '0,00',
    refUnit: i?.reference?.kind === 'per_unit' ? formatCents(i.reference.unitCents) : '0,00',
  };
}

/**
 * One item of the plan: costs, projected quantity (last year's usage suggested), the sharing key
 * (percentages summing to 100, the error beside them) and the exempt members.
 */
export function ItemForm({
  item,
  members,
  onSave,
  onCancel,
  busy,
  apiError,
}: {
  item: PlanItemData | null;
  members: readonly Member[];
  onSave: (input: PlanItemInput) => void;
  onCancel: () => void;
  busy: boolean;
  apiError?: string | undefined;
}) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(item));
  const [exempt, setExempt] = useState<Set<string>>(() => new Set(item?.exempt ?? []));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft | 'key' | 'exempt', string>>>({});
  const set = (k: keyof Draft) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const pct = (s: string) => (/^\d{1,3}$/.test(s.trim()) ? Number(s) : null);
  const keySum = (pct(d.equal) ?? 0) + (pct(d.population) ?? 0) + (pct(d.usage) ?? 0);

  const submit = () => {
    const e: typeof errors = {};
    if (!d.code.trim()) e.code = t('plan.item.required');
    if (!d.description.trim()) e.description = t('plan.item.required');
    const fixed = parseEuroToCents(d.fixed);
    const unit = parseEuroToCents(d.unit);
    const oneOff = parseEuroToCents(d.oneOff);
    const qty = parseMilli(d.quantity);
    if (fixed === null) e.fixed = t('plan.item.euroInvalid');
    if (unit === null) e.unit = t('plan.item.euroInvalid');
    if (oneOff === null) e.oneOff = t('plan.item.euroInvalid');
    if (qty === null) e.quantity = t('plan.item.quantityInvalid');
    const refFixed = parseEuroToCents(d.refFixed);
    const refUnit = parseEuroToCents(d.refUnit);
    if (d.refKind === 'per_unit' && refFixed === null) e.refFixed = t('plan.item.euroInvalid');
    if (d.refKind === 'per_unit' && refUnit === null) e.refUnit = t('plan.item.euroInvalid');
    for (const k of ['equal', 'population', 'usage'] as const) {
      const v = pct(d[k]);
      if (v === null || v > 100) e[k] = t('plan.item.percentInvalid');
    }
    if (!e.equal && !e.population && !e.usage && keySum !== 100) e.key = t('plan.item.keySum', { sum: keySum });
    if (members.length > 0 && members.every((m) => exempt.has(m.istat))) e.exempt = t('plan.item.allExempt');
    setErrors(e);
    const order: (keyof typeof e)[] = ['code', 'description', 'fixed', 'unit', 'quantity', 'oneOff', 'equal', 'key', 'population', 'usage', 'refFixed', 'refUnit', 'exempt'];
    const first = order.find((k) => e[k]);
    if (first) return focusElementById(first === 'key' ? 'item-equal' : first === 'exempt' ? 'item-exempt' : `item-${first}`);
    onSave({
      ...(item ? toItemInput(item) : { service: null, proposalId: null, reference: null }),
      code: d.code.trim(),
      description: d.description.trim(),
      category: d.category as PlanItemInput['category'],
      fixedCents: fixed ?? 0,
      unitCents: unit ?? 0,
      quantityMilli: qty ?? 0,
      oneOffCents: oneOff ?? 0,
      key: { equal: pct(d.equal) ?? 0, population: pct(d.population) ?? 0, usage: pct(d.usage) ?? 0 },
      usageBasis: d.basis as 'last_year' | 'projected',
      exempt: [...exempt].sort(),
      reference:
        d.refKind === 'per_unit'
          ? { kind: 'per_unit', fixedCents: refFixed ?? 0, unitCents: refUnit ?? 0 }
          : d.refKind === 'size_class' && item?.reference?.kind === 'size_class'
            ? item.reference
            : null,
    });
  };

  return (
    <form
      className="cst-form"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
    >
      <div className="row">
        <div className="col-md-4">
          <TextField id="item-code" label={t('plan.item.code')} value={d.code} onChange={set('code')} error={errors.code} required maxLength={40} />
        </div>
        <div className="col-md-8">
          <TextField id="item-description" label={t('plan.item.description')} value={d.description} onChange={set('description')} error={errors.description} required maxLength={200} />
        </div>
      </div>
      <SelectField
        id="item-category"
        label={t('plan.item.category')}
        value={d.category}
        onChange={set('category')}
        options={(['service', 'initiative', 'quota'] as const).map((c) => ({ value: c, label: t(`plan.category.${c}`) }))}
      />
      <div className="row">
        <div className="col-md-6">
          <NumberTextField id="item-fixed" label={t('plan.item.fixed')} hint={t('plan.item.euroHint')} value={d.fixed} onChange={set('fixed')} suffix="€" error={errors.fixed} />
        </div>
        <div className="col-md-6">
          <NumberTextField id="item-oneOff" label={t('plan.item.oneOff')} hint={t('plan.item.euroHint')} value={d.oneOff} onChange={set('oneOff')} suffix="€" error={errors.oneOff} />
        </div>
        <div className="col-md-6">
          <NumberTextField id="item-unit" label={t('plan.item.unit')} hint={t('plan.item.euroHint')} value={d.unit} onChange={set('unit')} suffix="€" error={errors.unit} />
        </div>
        <div className="col-md-6">
          <NumberTextField
            id="item-quantity"
            label={t('plan.item.quantity')}
            hint={item?.suggested_milli != null ? t('plan.item.suggested', { value: formatMilli(item.suggested_milli) }) : t('plan.item.noSuggestion')}
            value={d.quantity}
            onChange={set('quantity')}
            error={errors.quantity}
          />
          {item?.suggested_milli != null ? (
            <button type="button" className="btn btn-link btn-sm" onClick={() => set('quantity')(formatMilli(item.suggested_milli ?? 0))}>
              {t('plan.item.useSuggestion')}
            </button>
          ) : null}
        </div>
      </div>
      <fieldset className={`cst-field cst-fieldset${errors.key ? ' cst-field-invalid' : ''}`} aria-describedby={errors.key ? 'item-key-error' : 'item-key-hint'}>
        <legend className="cst-label">{t('plan.item.key')}</legend>
        <p id="item-key-hint" className="cst-hint">
          {t('plan.item.keyHint')}
        </p>
        {errors.key ? (
          <p id="item-key-error" className="cst-field-error">
            {errors.key}
          </p>
        ) : null}
        <div className="row">
          {(['equal', 'population', 'usage'] as const).map((k) => (
            <div className="col-md-4" key={k}>
              <NumberTextField id={`item-${k}`} label={t(`plan.key.${k}`)} value={d[k]} onChange={set(k)} suffix="%" decimals={false} error={errors[k]} />
            </div>
          ))}
        </div>
        <p className="cst-gov-total" aria-live="polite">
          {t('plan.item.keyTotal', { sum: keySum })}
        </p>
      </fieldset>
      <RadioGroupField
        id="item-basis"
        legend={t('plan.item.basis')}
        value={d.basis}
        onChange={set('basis')}
        choices={[
          { value: 'last_year', label: t('plan.item.basisLast') },
          { value: 'projected', label: t('plan.item.basisProjected') },
        ]}
      />
      <RadioGroupField
        id="item-refKind"
        legend={t('plan.item.reference')}
        hint={t('plan.item.referenceHint')}
        value={d.refKind}
        onChange={set('refKind')}
        inline={false}
        choices={[
          { value: 'none', label: t('plan.item.refNone') },
          { value: 'per_unit', label: t('plan.item.refPerUnit') },
          ...(item?.reference?.kind === 'size_class'
            ? [{ value: 'size_class', label: t('plan.item.refSizeClass', { prices: item.reference.cents.map((c) => formatCents(c)).join(' · ') }) }]
            : []),
        ]}
      />
      {d.refKind === 'per_unit' ? (
        <div className="row">
          <div className="col-md-6">
            <NumberTextField id="item-refFixed" label={t('plan.item.refFixed')} hint={t('plan.item.euroHint')} value={d.refFixed} onChange={set('refFixed')} suffix="€" error={errors.refFixed} />
          </div>
          <div className="col-md-6">
            <NumberTextField id="item-refUnit" label={t('plan.item.refUnit')} hint={t('plan.item.euroHint')} value={d.refUnit} onChange={set('refUnit')} suffix="€" error={errors.refUnit} />
          </div>
        </div>
      ) : null}
      <fieldset id="item-exempt" tabIndex={-1} className={`cst-field cst-fieldset${errors.exempt ? ' cst-field-invalid' : ''}`} aria-describedby={errors.exempt ? 'item-exempt-error' : undefined}>
        <legend className="cst-label">{t('plan.item.exempt')}</legend>
        {errors.exempt ? (
          <p id="item-exempt-error" className="cst-field-error">
            {errors.exempt}
          </p>
        ) : null}
        <div className="cst-gov-exempt">
          {members.map((m) => (
            <CheckboxField
              key={m.istat}
              id={`exempt-${m.istat}`}
              label={m.name}
              checked={exempt.has(m.istat)}
              onChange={(on) =>
                setExempt((s) => {
                  const n = new Set(s);
                  if (on) n.add(m.istat);
                  else n.delete(m.istat);
                  return n;
                })
              }
            />
          ))}
        </div>
      </fieldset>
      {apiError ? (
        <p className="cst-field-error" role="alert">
          {apiError}
        </p>
      ) : null}
      <div className="cst-form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('plan.item.save')}
        </button>{' '}
        <button type="button" className="btn btn-outline-secondary" onClick={onCancel}>
          {t('plan.item.cancel')}
        </button>
      </div>
    </form>
  );
}
