import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubService } from '../../../../shared/domain/hub-records';
import { SERVICE_CATEGORIES, UNITS, type UnitCode } from '../../../../shared/records/catalogue';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { SelectField, TextField } from '../../components/form-field';
import { apiErrorMessage } from '../../i18n/messages';
import { formatCents, parseEuroToCents } from '../../i18n/money';

type Field = 'code' | 'nameIt' | 'nameEn' | 'unitCost' | 'form';

/** One service of the hub's catalogue: new (code typed) or existing (code fixed). */
export function ServiceForm({ service, onSaved, onCancel }: { service: HubService | null; onSaved: (s: HubService) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState(service?.code ?? '');
  const [nameIt, setNameIt] = useState(service?.nameIt ?? '');
  const [nameEn, setNameEn] = useState(service?.nameEn ?? '');
  const [category, setCategory] = useState<string>(service?.category ?? 'documents');
  const [unit, setUnit] = useState<string>(service?.unit ?? 'documents');
  const [active, setActive] = useState(service?.active ?? true);
  const [unitCost, setUnitCost] = useState(service?.unitCostCents == null ? '' : formatCents(service.unitCostCents));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const en = i18n.language === 'en';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    const upper = code.trim().toUpperCase();
    if (!/^[A-Z][A-Z0-9-]{1,23}$/.test(upper)) next.code = t('catalogue.codeInvalid');
    if (!nameIt.trim()) next.nameIt = t('catalogue.nameRequired');
    if (!nameEn.trim()) next.nameEn = t('catalogue.nameRequired');
    const cents = unitCost.trim() ? parseEuroToCents(unitCost) : null;
    if (unitCost.trim() && cents === null) next.unitCost = t('catalogue.costInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const result = await api.call('hub.services.save', {
      code: upper,
      nameIt: nameIt.trim(),
      nameEn: nameEn.trim(),
      category: category as HubService['category'],
      unit: unit as UnitCode,
      active,
      unitCostCents: cents,
      fixedYearlyCents: service?.fixedYearlyCents ?? null,
    });
    setBusy(false);
    if (!result.ok) {
      const field = result.error.field;
      const message = apiErrorMessage(result.error, t, i18n.language);
      setErrors(field === 'code' || field === 'nameIt' || field === 'nameEn' ? { [field]: message } : field === 'unitCostCents' ? { unitCost: message } : { form: message });
      return;
    }
    onSaved(result.value);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="service-form-title" className="cst-confirm-box">
      <h3 className="cst-subtitle" id="service-form-title">
        {service ? t('catalogue.editTitle', { code: service.code }) : t('catalogue.newTitle')}
      </h3>
      <div className="cst-form-grid">
        {service ? null : (
          <TextField id="service-code" label={t('catalogue.code')} hint={t('catalogue.codeHint')} value={code} onChange={(v) => setCode(v.toUpperCase())} error={errors.code} required maxLength={24} />
        )}
        <TextField id="service-name-it" label={t('catalogue.nameIt')} value={nameIt} onChange={setNameIt} error={errors.nameIt} required maxLength={120} />
        <TextField id="service-name-en" label={t('catalogue.nameEn')} value={nameEn} onChange={setNameEn} error={errors.nameEn} required maxLength={120} />
        <SelectField
          id="service-category"
          label={t('catalogue.category')}
          value={category}
          onChange={setCategory}
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: t(`catalogue.categories.${c}`) }))}
        />
        <SelectField
          id="service-unit"
          label={t('catalogue.unit')}
          value={unit}
          onChange={setUnit}
          options={(Object.keys(UNITS) as UnitCode[]).map((u) => ({ value: u, label: en ? UNITS[u].en : UNITS[u].it }))}
        />
        <TextField id="service-unit-cost" label={t('catalogue.unitCost')} hint={t('catalogue.unitCostHint')} value={unitCost} onChange={setUnitCost} error={errors.unitCost} maxLength={20} />
      </div>
      <div className="form-check mb-3">
        <input className="form-check-input" type="checkbox" id="service-active" checked={active} onChange={(e) => setActive(e.target.checked)} />
        <label className="form-check-label" htmlFor="service-active">
          {t('catalogue.active')}
        </label>
      </div>
      {errors.form ? (
        <Alert tone="danger" live>
          {errors.form}
        </Alert>
      ) : null}
      <div className="cst-actions">
        <button type="submit" className="btn btn-primary btn-lg" disabled={busy}>
          {t('catalogue.save')}
        </button>
        <button type="button" className="btn btn-outline-secondary btn-lg" onClick={onCancel}>
          {t('catalogue.cancel')}
        </button>
      </div>
    </form>
  );
}
