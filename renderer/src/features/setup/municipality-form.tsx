import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Municipality } from '../../../../shared/domain/installation';
import { useApi } from '../../app/api-context';
import { Alert } from '../../components/alert';
import { TextField } from '../../components/form-field';
import { fieldErrorsFromZod, messageText, type Message } from '../../i18n/messages';
import { MunicipalityPicker } from './municipality-picker';
import { useSetupStore } from './store';
import { submitErrors } from './submit-errors';

const FIELDS = ['istat', 'operator'] as const;
const FORMAT_KEYS = { istat: 'validation.istat' };

/** Municipality setup: which municipality (ISTAT list) and who operates it → `setup.municipality`. */
export function MunicipalityForm() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const finished = useSetupStore((s) => s.finished);
  const [selected, setSelected] = useState<Municipality | null>(null);
  const [operator, setOperator] = useState('');
  const [errors, setErrors] = useState<Record<string, Message>>({});
  const [formError, setFormError] = useState<Message | null>(null);
  const [saving, setSaving] = useState(false);
  const msg = (m: Message | null | undefined) => (m ? messageText(m, t, i18n.language) : undefined);
  const refs = { istat: useRef<HTMLInputElement>(null), operator: useRef<HTMLInputElement>(null) };

  const focusFirstError = (fieldErrors: Record<string, Message>) => {
    const first = FIELDS.find((f) => fieldErrors[f]);
    if (first) refs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setFormError(null);
    const input = { istat: selected?.istat ?? '', operator };
    const parsed = contract['setup.municipality'].input.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsFromZod(parsed.error, FORMAT_KEYS);
      setErrors(fieldErrors);
      focusFirstError(fieldErrors);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await api.call('setup.municipality', parsed.data);
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
      <MunicipalityPicker
        id="setup-istat"
        selected={selected}
        onSelect={(m) => {
          setSelected(m);
          if (m) setErrors(({ istat: _drop, ...rest }) => rest);
        }}
        error={msg(errors.istat)}
        inputRef={refs.istat}
      />
      <TextField
        id="setup-operator"
        label={t('setup.municipality.operatorLabel')}
        hint={t('setup.municipality.operatorHint')}
        value={operator}
        onChange={(value) => {
          setOperator(value);
          setErrors(({ operator: _fixed, ...rest }) => rest);
        }}
        error={msg(errors.operator)}
        required
        autoComplete="name"
        maxLength={100}
        inputRef={refs.operator}
      />
      {formError ? (
        <Alert tone="danger" live>
          {msg(formError)}
        </Alert>
      ) : null}
      <button type="submit" className="btn btn-primary btn-lg cst-submit" disabled={saving} aria-disabled={saving || undefined}>
        {saving ? t('setup.saving') : t('setup.municipality.submit')}
      </button>
    </form>
  );
}
