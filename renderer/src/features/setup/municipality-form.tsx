import { useTranslation } from 'react-i18next';
import { api as contract } from '../../../../shared/api/contract';
import type { Municipality } from '../../../../shared/domain/installation';
import { useApi } from '../../app/api-context';
import { TextField } from '../../components/form-field';
import { RecordForm, schemaErrors, useRecordForm } from '../../components/record-form';
import { MunicipalityPicker } from './municipality-picker';
import { useSetupStore } from './store';

const FORMAT_KEYS = { istat: 'validation.istat' };

function toInput(d: { selected: Municipality | null; operator: string }) {
  return { istat: d.selected?.istat ?? '', operator: d.operator };
}

/** Municipality setup: which municipality (ISTAT list) and who operates it → `setup.municipality`. */
export function MunicipalityForm() {
  const { t } = useTranslation();
  const api = useApi();
  const finished = useSetupStore((s) => s.finished);
  const form = useRecordForm({
    initial: { selected: null as Municipality | null, operator: '' },
    fieldIds: { istat: 'setup-istat', operator: 'setup-operator' },
    check: (d) => schemaErrors(contract['setup.municipality'].input, toInput(d), FORMAT_KEYS),
    save: (d) => api.call('setup.municipality', contract['setup.municipality'].input.parse(toInput(d))),
    onSaved: finished,
    after: (d) => d,
  });
  return (
    <RecordForm
      form={form}
      className="cst-form"
      requiredNote={{ id: 'setup-required', text: t('setup.requiredNote') }}
      submitLabel={t('setup.municipality.submit')}
      savingLabel={t('setup.saving')}
      large
    >
      <MunicipalityPicker
        id="setup-istat"
        selected={form.values.selected}
        onSelect={(m) => {
          form.setValues((v) => ({ ...v, selected: m }));
          if (m) form.errors.clear('istat');
        }}
        error={form.errors.text('istat')}
      />
      <TextField {...form.bind('operator')} label={t('setup.municipality.operatorLabel')} hint={t('setup.municipality.operatorHint')} required autoComplete="name" maxLength={100} />
    </RecordForm>
  );
}
