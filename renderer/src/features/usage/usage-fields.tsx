import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/domain/usage';
import { DateField, NumberTextField, RadioGroupField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { serviceName, unitName, type UsageDraft } from './usage-model';

export interface UsageFieldsProps {
  idPrefix: string;
  draft: UsageDraft;
  onChange: (patch: Partial<UsageDraft>, field: string) => void;
  services: readonly Service[];
  error: (field: string) => string | undefined;
  quantityRef?: Ref<HTMLInputElement>;
}

/** The fields of a usage entry, shared by the quick-entry form and the correction dialog. */
export function UsageFields({ idPrefix: p, draft, onChange, services, error, quantityRef }: UsageFieldsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const service = services.find((s) => s.code === draft.service);
  const unit = service ? unitName(service, lang) : '';
  const serviceHint = service
    ? `${t('usage.serviceUnit', { unit })} ${service.decimals ? t('usage.serviceDecimals') : t('usage.serviceIntegers')}`
    : undefined;
  return (
    <>
      <div className="cst-form-row cst-form-row-service">
        <SelectField
          id={`${p}-service`}
          label={t('usage.service')}
          value={draft.service}
          onChange={(v) => onChange({ service: v }, 'service')}
          options={[{ value: '', label: t('usage.serviceChoose') }, ...services.map((s) => ({ value: s.code, label: `${serviceName(s, lang)} — ${unitName(s, lang)}` }))]}
          hint={serviceHint}
          error={error('service')}
          required
        />
        <RadioGroupField
          id={`${p}-period`}
          legend={t('usage.period')}
          value={draft.period}
          onChange={(v) => onChange({ period: v === 'month' ? 'month' : 'day' }, 'date')}
          choices={[
            { value: 'day', label: t('usage.periodDay') },
            { value: 'month', label: t('usage.periodMonth') },
          ]}
        />
      </div>
      <div className="cst-form-row">
        {draft.period === 'day' ? (
          <DateField id={`${p}-date`} label={t('usage.date')} value={draft.date} onChange={(v) => onChange({ date: v }, 'date')} error={error('date')} required />
        ) : (
          <DateField id={`${p}-date`} type="month" label={t('usage.month')} value={draft.month} onChange={(v) => onChange({ month: v }, 'date')} error={error('date')} required />
        )}
        <NumberTextField
          id={`${p}-quantity`}
          label={t('usage.quantity')}
          hint={service ? t('usage.quantityHint', { unit, decimals: service.decimals ? t('usage.serviceDecimals') : t('usage.serviceIntegers') }) : undefined}
          value={draft.quantity}
          onChange={(v) => onChange({ quantity: v }, 'quantity')}
          suffix={unit}
          decimals={service?.decimals ?? true}
          error={error('quantity')}
          inputRef={quantityRef}
          required
        />
      </div>
      <fieldset className="cst-fieldset cst-form-row" aria-describedby={`${p}-beneficiaries-hint`}>
        <legend className="cst-label">{t('usage.beneficiaries')}</legend>
        <p id={`${p}-beneficiaries-hint`} className="cst-hint cst-row-hint">
          {t('usage.beneficiariesHint')}
        </p>
        {(['citizens', 'businesses', 'offices'] as const).map((k) => (
          <NumberTextField
            key={k}
            id={`${p}-${k}`}
            label={t(`usage.${k}`)}
            value={draft[k]}
            decimals={false}
            onChange={(v) => onChange({ [k]: v }, `beneficiaries.${k}`)}
            error={error(`beneficiaries.${k}`)}
          />
        ))}
      </fieldset>
      <div className="cst-form-row">
        <SelectField
          id={`${p}-channel`}
          label={t('usage.channel')}
          value={draft.channel}
          onChange={(v) => onChange({ channel: v }, 'channel')}
          options={[
            { value: '', label: t('usage.channelNone') },
            { value: 'counter', label: t('usage.channel_counter') },
            { value: 'online', label: t('usage.channel_online') },
            { value: 'phone', label: t('usage.channel_phone') },
          ]}
          error={error('channel')}
        />
        <TextField id={`${p}-note`} label={t('usage.note')} value={draft.note} onChange={(v) => onChange({ note: v }, 'note')} error={error('note')} className="cst-wide" />
      </div>
    </>
  );
}

export function fieldIds(p: string): Record<string, string> {
  return {
    service: `${p}-service`,
    date: `${p}-date`,
    quantity: `${p}-quantity`,
    'beneficiaries.citizens': `${p}-citizens`,
    'beneficiaries.businesses': `${p}-businesses`,
    'beneficiaries.offices': `${p}-offices`,
    channel: `${p}-channel`,
    note: `${p}-note`,
  };
}
