import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { SelectField, TextField, type SelectOption } from '../../components/form-field';
import { formatNumber } from '../../i18n/format';
import { RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { apiErrorMessage } from '../../i18n/messages';
import { useSetupStore } from './store';

const FORMAT_KEYS = { id: 'validation.hubId', province: 'validation.province' };
const EMPTY = { id: '', name: '', province: '', operator: '' };

function toInput(d: typeof EMPTY) {
  return { id: d.id, name: d.name, ...(d.province ? { province: d.province } : {}), ...(d.operator.trim() ? { operator: d.operator } : {}) };
}

/** Hub setup: consortium code and name, optional province (prefills the members) → `setup.hub`. */
export function HubForm() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const provinces = useApiQuery('reference.provinces', {});
  const finished = useSetupStore((s) => s.finished);
  const form = useRecordForm({
    initial: EMPTY,
    fieldIds: { id: 'setup-hub-id', name: 'setup-hub-name', province: 'setup-hub-province', operator: 'setup-hub-operator' },
    check: (d) => {
      const errors = schemaErrors(contract['setup.hub'].input, toInput(d), FORMAT_KEYS);
      // An empty code is "required", not "wrong format".
      if (errors.id && !d.id.trim()) errors.id = { key: 'validation.required' };
      return errors;
    },
    save: (d) => api.call('setup.hub', contract['setup.hub'].input.parse(toInput(d))),
    onSaved: finished,
    after: (d) => d,
  });
  const codeRef = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // Upper-casing while typing must not throw the caret to the end of the code.
  useLayoutEffect(() => {
    if (caret.current !== null) codeRef.current?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [form.values.id]);

  const provinceOptions: SelectOption[] = [
    { value: '', label: t('setup.hub.provinceNone') },
    ...(provinces.data ?? []).map((p) => ({
      value: p.code,
      label: t('setup.hub.provinceOption', { code: p.code, name: p.name, count: p.municipalities, formatted: formatNumber(p.municipalities) }),
    })),
  ];
  const { bind } = form;
  return (
    <RecordForm form={form} className="cst-form" requiredNote={{ id: 'setup-required', text: t('setup.requiredNote') }} submitLabel={t('setup.hub.submit')} savingLabel={t('setup.saving')} large>
      <TextField
        {...bind('id')}
        onChange={(value, input) => {
          caret.current = input.selectionStart;
          form.set('id')(value.toUpperCase());
        }}
        label={t('setup.hub.idLabel')}
        hint={t('setup.hub.idHint')}
        required
        maxLength={32}
        spellCheck={false}
        inputRef={codeRef}
        className="cst-code-input"
      />
      <TextField {...bind('name')} label={t('setup.hub.nameLabel')} hint={t('setup.hub.nameHint')} required maxLength={120} autoComplete="organization" />
      <SelectField
        {...bind('province')}
        label={t('setup.hub.provinceLabel')}
        hint={t('setup.hub.provinceHint')}
        options={provinceOptions}
        error={form.errors.text('province') ?? (provinces.state === 'error' ? apiErrorMessage(provinces.error, t, i18n.language) : undefined)}
      />
      <TextField {...bind('operator')} label={t('setup.hub.operatorLabel')} hint={t('setup.hub.operatorHint')} maxLength={100} autoComplete="name" />
    </RecordForm>
  );
}
