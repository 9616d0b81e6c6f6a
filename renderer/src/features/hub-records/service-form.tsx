import { useTranslation } from 'react-i18next';
import type { HubService } from '../../../../shared/domain/hub-records';
import { SERVICE_CATEGORIES, UNITS, type UnitCode } from '../../../../shared/records/catalogue';
import { useApi } from '../../app/api-context';
import { CheckboxField } from '../../components/fields';
import { SelectField, TextField } from '../../components/form-field';
import { useRecordForm, type FieldErrors } from '../../components/record-form';
import { formatCents } from '../../../../shared/format/numbers';
import { parseEuroToCents } from '../../../../shared/format/typed-numbers';
import { InlineForm, type InlineFormProps } from './editable-list';

const CODE = /^[A-Z][A-Z0-9-]{1,23}$/;

/** One service of the hub's catalogue: new (code typed) or existing (code fixed). */
export function ServiceForm({ record: service, onSaved, onCancel }: InlineFormProps<HubService>) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const en = i18n.language === 'en';
  const cents = (text: string) => (text.trim() ? parseEuroToCents(text) : null);
  const form = useRecordForm({
    initial: {
      code: service?.code ?? '',
      nameIt: service?.nameIt ?? '',
      nameEn: service?.nameEn ?? '',
      category: service?.category ?? ('documents' as string),
      unit: service?.unit ?? ('documents' as string),
      active: service?.active ?? true,
      unitCost: service?.unitCostCents == null ? '' : formatCents(service.unitCostCents),
    },
    fieldIds: { code: 'service-code', nameIt: 'service-name-it', nameEn: 'service-name-en', unitCostCents: 'service-unit-cost' },
    check: (d) => {
      const errors: FieldErrors = {};
      if (!CODE.test(d.code.trim().toUpperCase())) errors.code = { key: 'catalogue.codeInvalid' };
      if (!d.nameIt.trim()) errors.nameIt = { key: 'catalogue.nameRequired' };
      if (!d.nameEn.trim()) errors.nameEn = { key: 'catalogue.nameRequired' };
      if (d.unitCost.trim() && cents(d.unitCost) === null) errors.unitCostCents = { key: 'catalogue.costInvalid' };
      return errors;
    },
    save: (d) =>
      api.call('hub.services.save', {
        code: d.code.trim().toUpperCase(),
        nameIt: d.nameIt.trim(),
        nameEn: d.nameEn.trim(),
        category: d.category as HubService['category'],
        unit: d.unit as UnitCode,
        active: d.active,
        unitCostCents: cents(d.unitCost),
        // Not on this form: kept as it is.
        fixedYearlyCents: service?.fixedYearlyCents ?? null,
      }),
    onSaved,
  });
  const { bind, set } = form;
  return (
    <InlineForm form={form} title={{ id: 'service-form-title', text: service ? t('catalogue.editTitle', { code: service.code }) : t('catalogue.newTitle') }} submitLabel={t('catalogue.save')} onCancel={onCancel}>
      <div className="cst-form-grid">
        {service ? null : (
          <TextField {...bind('code')} onChange={(v) => set('code')(v.toUpperCase())} label={t('catalogue.code')} hint={t('catalogue.codeHint')} required maxLength={24} />
        )}
        <TextField {...bind('nameIt')} label={t('catalogue.nameIt')} required maxLength={120} />
        <TextField {...bind('nameEn')} label={t('catalogue.nameEn')} required maxLength={120} />
        <SelectField {...bind('category')} id="service-category" label={t('catalogue.category')} options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`catalogue.categories.${c}`) }))} />
        <SelectField
          {...bind('unit')}
          id="service-unit"
          label={t('catalogue.unit')}
          options={(Object.keys(UNITS) as UnitCode[]).map((u) => ({ value: u, label: en ? UNITS[u].en : UNITS[u].it }))}
        />
        <TextField {...bind('unitCost', 'unitCostCents')} label={t('catalogue.unitCost')} hint={t('catalogue.unitCostHint')} maxLength={20} />
      </div>
      <CheckboxField id="service-active" label={t('catalogue.active')} checked={form.values.active} onChange={set('active')} />
    </InlineForm>
  );
}
