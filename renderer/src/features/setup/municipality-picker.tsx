import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../shared/domain/installation';
import { useApi } from '../../app/api-context';
import { Combobox } from '../../components/combobox';
import { formatNumber } from '../../i18n/format';

const MIN_QUERY = 2;
const SEARCH_DELAY_MS = 200;
const LIMIT = 20;

export interface MunicipalityPickerProps {
  id: string;
  selected: Municipality | null;
  onSelect: (municipality: Municipality | null) => void;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Search over ISTAT's list (`reference.searchMunicipalities`: the backend ignores accents and
 * case), then the chosen municipality's province and population, with the ISTAT credit.
 */
export function MunicipalityPicker({ id, selected, onSelect, error, inputRef }: MunicipalityPickerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [text, setText] = useState(selected?.name ?? '');
  const [options, setOptions] = useState<Municipality[]>([]);
  const [phase, setPhase] = useState<'idle' | 'searching' | 'done'>('idle');
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    const request = ++latest.current;
    if (query.length < MIN_QUERY || (selected && selected.name === text)) {
      setOptions([]);
      setPhase('idle');
      return;
    }
    setPhase('searching');
    const timer = setTimeout(() => {
      void api.call('reference.searchMunicipalities', { query, limit: LIMIT }).then((res) => {
        if (request !== latest.current) return; // a newer search is on its way
        setOptions(res.ok ? res.value : []);
        setPhase('done');
      });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, text, selected]);

  const populationText = (m: Municipality) =>
    m.population === null
      ? t('setup.municipality.populationUnknown')
      : t('setup.municipality.populationValue', { population: formatNumber(m.population), year: m.populationYear ?? '' });

  const statusText =
    phase === 'searching'
      ? t('combobox.searching')
      : phase === 'done'
        ? options.length === 0
          ? t('combobox.noResults')
          : t('combobox.results', { count: options.length })
        : '';

  return (
    <Combobox<Municipality>
      id={id}
      label={t('setup.municipality.label')}
      hint={t('setup.municipality.hint')}
      error={error}
      required
      inputRef={inputRef}
      inputValue={text}
      onInputChange={(value) => {
        setText(value);
        if (selected) onSelect(null);
      }}
      options={options}
      optionKey={(m) => m.istat}
      renderOption={(m) => (
        <>
          <span className="cst-option-name">{m.name}</span>{' '}
          <span className="cst-option-detail">
            ({m.province}, {m.provinceName}) · {populationText(m)}
          </span>
        </>
      )}
      onSelect={(m) => {
        setText(m.name);
        onSelect(m);
      }}
      statusText={statusText}
      showStatus={phase === 'done' && options.length === 0}
      after={
        <>
          <p className="cst-credit">{t('istat.credit')}</p>
          <div aria-live="polite">
          {selected ? (
            <div className="cst-chosen">
              <p className="cst-chosen-title">{t('setup.municipality.chosen')}</p>
              <dl className="cst-facts">
                <div>
                  <dt>{t('setup.municipality.label')}</dt>
                  <dd>{selected.name}</dd>
                </div>
                <div>
                  <dt>{t('setup.municipality.province')}</dt>
                  <dd>
                    {selected.provinceName} ({selected.province})
                  </dd>
                </div>
                <div>
                  <dt>{t('setup.municipality.population')}</dt>
                  <dd>{populationText(selected)}</dd>
                </div>
              </dl>
            </div>
          ) : null}
          </div>
        </>
      }
    />
  );
}
