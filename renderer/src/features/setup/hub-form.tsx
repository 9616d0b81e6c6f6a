import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { SelectField, TextField, type SelectOption } from '../../components/form-field';
import { formatNumber } from '../../i18n/format';
import { apiErrorMessage, fieldErrorsFromZod, messageText, type Message } from '../../i18n/messages';
import { useSetupStore } from './store';
import { submitErrors } from './submit-errors';

const FIELDS = ['id', 'name', 'province', 'operator'] as const;
type Field = (typeof FIELDS)[number];
const FORMAT_KEYS = { id: 'validation.hubId', province: 'validation.province' };

/** Hub setup: consortium code and name, optional province (prefills the members) → `setup.hub`. */
export function HubForm() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const provinces = useApiQuery('reference.provinces', {});
  const finished = useSetupStore((s) => s.finished);
  const [values, setValues] = useState<Record<Field, string>>({ id: '', name: '', province: '', operator: '' });
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);
  const msg = (m: Message | null | undefined) => (m ? messageText(m, t, i18n.language) : undefined);
  const refs = {
    id: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
    province: useRef<HTMLSelectElement>(null),
    operator: useRef<HTMLInputElement>(null),
  };
  const caret = useRef<number | null>(null);

  // Upper-casing while typing must not throw the caret to the end of the code.
  useLayoutEffect(() => {
    if (caret.current !== null) refs.id.current?.setSelectionRange(caret.current, caret.current);
    caret.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [values.id]);

  // Editing a field takes its error away: the person is acting on it.
  const set = (field: Field) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [field]: _fixed, ...rest }) => rest);
  };

  const provinceOptions: SelectOption[] = [
    { value: '', label: t('setup.hub.provinceNone') },
    ...(provinces.data ?? []).map((p) => ({
      value: p.code,
      label: t('setup.hub.provinceOption', { code: p.code, name: p.name, count: formatNumber(p.municipalities) }),
    })),
  ];

  const focusFirstError = (fieldErrors: Record<string, Message>) => {
    const first = FIELDS.find((f) => fieldErrors[f]);
    if (first) refs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const input = {
      id: values.id,
      name: values.name,
      ...(values.province ? { province: values.province } : {}),
      ...(values.operator.trim() ? { operator: values.operator } : {}),
    };
    const parsed = contract['setup.hub'].input.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromZod(parsed.error, FORMAT_KEYS);
      // An empty code is "required", not "wrong format".
      if (!values.id.trim()) fieldErrors.id = { key: 'validation.required' };
      setErrors(fieldErrors);
      focusFirstError(fieldErrors);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await api.call('setup.hub', parsed.data);
    setSaving(false);
    if (result.ok) {
      finished(result.value);
      return;
    }
    const mapped = submitErrors(result.error, FIELDS);
    setErrors(mapped.fields);
    setFormError(mapped.form);
    focusFirstError(mapped.fields);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="cst-form">
      <p className="cst-required-note">{t('setup.requiredNote')}</p>
      <TextField
        id="setup-hub-id"
        label={t('setup.hub.idLabel')}
        hint={t('setup.hub.idHint')}
        value={values.id}
        onChange={(value, input) => {
          caret.current = input.selectionStart;
          set('id')(value.toUpperCase());
        }}
        error={msg(errors.id)}
        required
        maxLength={32}
        spellCheck={false}
        inputRef={refs.id}
        className="cst-code-input"
      />
      <TextField
        id="setup-hub-name"
        label={t('setup.hub.nameLabel')}
        hint={t('setup.hub.nameHint')}
        value={values.name}
        onChange={set('name')}
        error={msg(errors.name)}
        required
        maxLength={120}
        autoComplete="organization"
        inputRef={refs.name}
      />
      <SelectField
        id="setup-hub-province"
        label={t('setup.hub.provinceLabel')}
        hint={t('setup.hub.provinceHint')}
        value={values.province}
        options={provinceOptions}
        onChange={set('province')}
        error={msg(errors.province) ?? (provinces.state === 'error' ? apiErrorMessage(provinces.error, t, i18n.language) : undefined)}
        selectRef={refs.province}
      />
      <TextField
        id="setup-hub-operator"
        label={t('setup.hub.operatorLabel')}
        hint={t('setup.hub.operatorHint')}
        value={values.operator}
        onChange={set('operator')}
        error={msg(errors.operator)}
        maxLength={100}
        autoComplete="name"
        inputRef={refs.operator}
      />
      {formError ? (
        <Alert tone="danger" live>
          {msg(formError)}
        </Alert>
      ) : null}
      <button type="submit" className="btn btn-primary btn-lg cst-submit" disabled={saving}>
        {saving ? t('setup.saving') : t('setup.hub.submit')}
      </button>
    </form>
  );
}
