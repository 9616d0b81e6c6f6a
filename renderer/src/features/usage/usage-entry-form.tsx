import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/domain/usage';
import { useApi } from '../../app/api-context';
import { useFormErrors } from '../../app/use-form-errors';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { useToastStore } from '../../components/toast-store';
import { todayIso } from '../../i18n/dates';
import { formatMilli } from '../../../../shared/format/numbers';
import { useUsageStore } from './store';
import { fieldIds, UsageFields } from './usage-fields';
import { draftToInput, emptyDraft, entryWhen, serviceName, unitName, type UsageDraft } from './usage-model';

/**
 * Quick entry, faster than a spreadsheet: Enter in any field saves; the service, the date and
 * the channel stay for the next entry, and focus goes back to the quantity.
 */
export function UsageEntryForm({ services }: { services: readonly Service[] }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const changed = useUsageStore((s) => s.changed);
  const showToast = useToastStore((s) => s.show);
  const [draft, setDraft] = useState<UsageDraft>(() => emptyDraft(todayIso()));
  const [saving, setSaving] = useState(false);
  const quantityRef = useRef<HTMLInputElement>(null);
  const form = useFormErrors(fieldIds('usage-new'));

  const onChange = (patch: Partial<UsageDraft>, field: string) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.clear(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const service = services.find((s) => s.code === draft.service);
    const built = draftToInput(draft, service, i18n.language);
    if ('errors' in built) {
      form.show(built.errors);
      return;
    }
    form.reset();
    setSaving(true);
    const result = await api.call('usage.record', built.input);
    setSaving(false);
    if (!result.ok) {
      form.showApiError(result.error);
      return;
    }
    const e = result.value;
    showToast('success', {
      key: 'usage.saved',
      params: {
        quantity: formatMilli(e.quantityMilli),
        unit: service ? unitName(service, i18n.language) : '',
        service: service ? serviceName(service, i18n.language) : e.service,
        when: entryWhen(e, t, i18n.language),
      },
    });
    setDraft((d) => ({ ...d, quantity: '', citizens: '', businesses: '', offices: '', note: '' }));
    changed();
    quantityRef.current?.focus();
  };

  return (
    <Card title={t('usage.formTitle')} id="usage-entry">
      <p className="cst-hint">{t('usage.formHint')}</p>
      <form onSubmit={onSubmit} noValidate className="cst-form cst-form-wide" aria-describedby="usage-required-note">
        <p id="usage-required-note" className="cst-required-note">
          {t('common.requiredNote')}
        </p>
        <UsageFields idPrefix="usage-new" draft={draft} onChange={onChange} services={services} error={form.text} quantityRef={quantityRef} />
        {form.formText ? (
          <Alert tone="danger" live>
            {form.formText}
          </Alert>
        ) : null}
        <div className="cst-actions">
          <button type="submit" className="btn btn-primary btn-lg" disabled={saving} aria-describedby="usage-submit-hint">
            {saving ? t('common.saving') : t('usage.submit')}
          </button>
          <p className="cst-hint" id="usage-submit-hint">
            {t('usage.submitHint')}
          </p>
        </div>
      </form>
      {services.some((s) => s.source === 'provisional') ? <p className="cst-muted">{t('usage.catalogueProvisional')}</p> : null}
    </Card>
  );
}
