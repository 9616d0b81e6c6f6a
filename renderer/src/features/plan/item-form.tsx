import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import type { Member } from '../../../../shared/domain/installation';
import type { PlanItemData } from '../../../../shared/records/gov-records';
import { useFormErrors } from '../../app/use-form-errors';
import { CheckboxField, NumberTextField, RadioGroupField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { formatCents, formatMilli } from '../../../../shared/format/numbers';
import { govErrorMessage, govErrorToMessage } from '../governance/gov-text';
import { formatMonth } from '../../i18n/dates';
import { checkItem, draftOf, ITEM_FIELD_IDS, itemInput, keySum, type Draft, type PlanItemInput } from './item-draft';

/**
 * One item of the plan: costs, projected quantity (estimated from the last twelve months
 * received; empty = unknown), the sharing key (percentages summing to 100, the error beside
 * them) and who pays: every member but the exempt ones, or only the members chosen.
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
  /** The backend's refusal, its field already the form's (see itemApiError). */
  apiError?: ApiError | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(item));
  const [exempt, setExempt] = useState<Set<string>>(() => new Set(item?.exempt ?? []));
  const [payers, setPayers] = useState<Set<string>>(() => new Set(item?.payers?.kind === 'only' ? item.payers.members : []));
  const errors = useFormErrors(ITEM_FIELD_IDS);
  const set = (k: keyof Draft) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const sum = keySum(d);
  const keyError = errors.text('key');
  const exemptError = errors.text('exempt');
  const payersError = errors.text('payers');
  // The backend's refusal: beside its field when the form has it, above the buttons otherwise.
  const apiField = apiError?.code === 'E_VALIDATION' && apiError.field && apiError.field in ITEM_FIELD_IDS ? apiError.field : null;
  useEffect(() => {
    if (apiError && apiField) errors.show({ [apiField]: govErrorToMessage(apiError) });
  }, [apiError]); // once per refusal

  const submit = () => {
    const found = checkItem(d, exempt, members, payers);
    errors.show(found);
    if (Object.keys(found).length === 0) onSave(itemInput(d, exempt, item, payers));
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
          <TextField id="item-code" label={t('plan.item.code')} value={d.code} onChange={set('code')} error={errors.text('code')} required maxLength={40} />
        </div>
        <div className="col-md-8">
          <TextField id="item-description" label={t('plan.item.description')} value={d.description} onChange={set('description')} error={errors.text('description')} required maxLength={200} />
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
          <NumberTextField id="item-fixed" label={t('plan.item.fixed')} hint={t('plan.item.euroHint')} value={d.fixed} onChange={set('fixed')} suffix="€" error={errors.text('fixed')} />
        </div>
        <div className="col-md-6">
          <NumberTextField id="item-oneOff" label={t('plan.item.oneOff')} hint={t('plan.item.euroHint')} value={d.oneOff} onChange={set('oneOff')} suffix="€" error={errors.text('oneOff')} />
        </div>
        <div className="col-md-6">
          <NumberTextField id="item-unit" label={t('plan.item.unit')} hint={t('plan.item.euroHint')} value={d.unit} onChange={set('unit')} suffix="€" error={errors.text('unit')} />
        </div>
        <div className="col-md-6">
          <NumberTextField
            id="item-quantity"
            label={t('plan.item.quantity')}
            hint={
              item?.suggested_milli != null && item.estimate
                ? t('plan.item.suggested', { value: formatMilli(item.suggested_milli), from: formatMonth(item.estimate.from, i18n.language), to: formatMonth(item.estimate.to, i18n.language) })
                : t('plan.item.noSuggestion')
            }
            value={d.quantity}
            onChange={set('quantity')}
            error={errors.text('quantity')}
          />
          {item?.suggested_milli != null ? (
            <button type="button" className="btn btn-link btn-sm" onClick={() => set('quantity')(formatMilli(item.suggested_milli ?? 0))}>
              {t('plan.item.useSuggestion')}
            </button>
          ) : null}
        </div>
      </div>
      <fieldset className={`cst-field cst-fieldset${keyError ? ' cst-field-invalid' : ''}`} aria-describedby={keyError ? 'item-key-error' : 'item-key-hint'}>
        <legend className="cst-label">{t('plan.item.key')}</legend>
        <p id="item-key-hint" className="cst-hint">
          {t('plan.item.keyHint')}
        </p>
        {keyError ? (
          <p id="item-key-error" className="cst-field-error">
            {keyError}
          </p>
        ) : null}
        <div className="row">
          {(['equal', 'population', 'usage'] as const).map((k) => (
            <div className="col-md-4" key={k}>
              <NumberTextField id={`item-${k}`} label={t(`plan.key.${k}`)} value={d[k]} onChange={set(k)} suffix="%" decimals={false} error={errors.text(k)} />
            </div>
          ))}
        </div>
        <p className="cst-gov-total" aria-live="polite">
          {t('plan.item.keyTotal', { sum })}
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
            <NumberTextField id="item-refFixed" label={t('plan.item.refFixed')} hint={t('plan.item.euroHint')} value={d.refFixed} onChange={set('refFixed')} suffix="€" error={errors.text('refFixed')} />
          </div>
          <div className="col-md-6">
            <NumberTextField id="item-refUnit" label={t('plan.item.refUnit')} hint={t('plan.item.euroHint')} value={d.refUnit} onChange={set('refUnit')} suffix="€" error={errors.text('refUnit')} />
          </div>
        </div>
      ) : null}
      <RadioGroupField
        id="item-payers"
        legend={t('plan.item.payers')}
        hint={t('plan.item.payersHint')}
        value={d.payers}
        onChange={set('payers')}
        inline={false}
        choices={[
          { value: 'all', label: t('plan.item.payersAll') },
          { value: 'only', label: t('plan.item.payersOnly') },
        ]}
      />
      {d.payers === 'only' ? (
        <MemberChecklist id="item-payers-list" prefix="payer" legend={t('plan.item.payersList')} error={payersError} members={members} chosen={payers} setChosen={setPayers} />
      ) : null}
      {d.payers === 'all' ? (
        <MemberChecklist id="item-exempt" prefix="exempt" legend={t('plan.item.exempt')} error={exemptError} members={members} chosen={exempt} setChosen={setExempt} />
      ) : null}
      {apiError && !apiField ? (
        <p className="cst-field-error" role="alert">
          {govErrorMessage(apiError, t, i18n.language)}
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

/** A checkbox per member (who pays, who is exempt), with the error of the whole list above it. */
function MemberChecklist(props: {
  id: string;
  prefix: string;
  legend: string;
  error: string | null | undefined;
  members: readonly { istat: string; name: string }[];
  chosen: ReadonlySet<string>;
  setChosen: (update: (s: Set<string>) => Set<string>) => void;
}) {
  const { id, prefix, legend, error, members, chosen, setChosen } = props;
  return (
    <fieldset id={id} tabIndex={-1} className={`cst-field cst-fieldset${error ? ' cst-field-invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="cst-label">{legend}</legend>
      {error ? (
        <p id={`${id}-error`} className="cst-field-error">
          {error}
        </p>
      ) : null}
      <div className="cst-gov-exempt">
        {members.map((m) => (
          <CheckboxField
            key={m.istat}
            id={`${prefix}-${m.istat}`}
            label={m.name}
            checked={chosen.has(m.istat)}
            onChange={(on) =>
              setChosen((s) => {
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
  );
}
