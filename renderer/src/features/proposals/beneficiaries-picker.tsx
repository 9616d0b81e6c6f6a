import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../shared/domain/installation';
import { useApi } from '../../app/api-context';
import { Combobox } from '../../components/combobox';

const MIN_QUERY = 2;

/** Municipalities by ISTAT code, each looked up once, in one call for all the missing ones. */
function useMunicipalities(codes: readonly string[]): Map<string, Municipality> {
  const api = useApi();
  const [known, setKnown] = useState<Map<string, Municipality>>(new Map());
  const key = codes.join(',');
  useEffect(() => {
    const missing = key ? key.split(',').filter((c) => !known.has(c)) : [];
    if (missing.length === 0) return;
    let cancelled = false;
    void api.call('reference.municipalities', { istat: missing }).then((res) => {
      if (cancelled || !res.ok) return;
      setKnown((k) => new Map([...k, ...res.value.map((m) => [m.istat, m] as const)]));
    });
    return () => {
      cancelled = true;
    };
  }, [api, key, known]);
  return known;
}

/** Names of municipalities by ISTAT code ("041066" → "Urbania (PU)"); an unknown code stays a code. */
export function useMunicipalityNames(codes: readonly string[]): (code: string) => string {
  const known = useMunicipalities(codes);
  return (code) => {
    const m = known.get(code);
    return m ? `${m.name} (${m.province})` : code;
  };
}

/**
 * Several municipalities from ISTAT's list: the combobox of the setup adds one at a time, the
 * chosen ones are listed with a "remove" button each. Names of codes saved earlier are looked up.
 */
export function BeneficiariesPicker({ id, codes, onChange, exclude, error }: { id: string; codes: string[]; onChange: (codes: string[]) => void; exclude: string; error?: string | undefined }) {
  const { t } = useTranslation();
  const api = useApi();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Municipality[]>([]);
  const [phase, setPhase] = useState<'idle' | 'searching' | 'done'>('idle');
  const name = useMunicipalityNames(codes);
  const latest = useRef(0);

  useEffect(() => {
    const query = text.trim();
    const request = ++latest.current;
    if (query.length < MIN_QUERY) {
      setOptions([]);
      setPhase('idle');
      return;
    }
    setPhase('searching');
    const timer = setTimeout(() => {
      void api.call('reference.searchMunicipalities', { query, limit: 20 }).then((res) => {
        if (request !== latest.current) return;
        setOptions(res.ok ? res.value.filter((m) => m.istat !== exclude && !codes.includes(m.istat)) : []);
        setPhase('done');
      });
    }, 150);
    return () => clearTimeout(timer);
  }, [api, text, codes, exclude]);

  const statusText =
    phase === 'searching' ? t('combobox.searching') : phase === 'done' ? (options.length === 0 ? t('combobox.noResults') : t('combobox.results', { count: options.length })) : '';
  return (
    <div className="cst-beneficiaries">
      <Combobox
        id={id}
        label={t('proposals.beneficiaries')}
        hint={t('proposals.beneficiariesHint')}
        error={error}
        inputValue={text}
        onInputChange={setText}
        options={options}
        optionKey={(m) => m.istat}
        renderOption={(m) => (
          <>
            <span className="cst-option-name">{m.name}</span> <span className="cst-option-detail">({m.province})</span>
          </>
        )}
        onSelect={(m) => {
          onChange([...codes, m.istat]);
          setText('');
        }}
        statusText={statusText}
      />
      <p className="cst-label" id={`${id}-chosen`}>
        {t('proposals.beneficiariesChosen')}
      </p>
      {codes.length === 0 ? (
        <p className="cst-muted">{t('proposals.beneficiariesNone')}</p>
      ) : (
        <ul className="cst-chips" aria-labelledby={`${id}-chosen`}>
          {codes.map((c) => (
            <li key={c} className="cst-chip">
              <span>{name(c)}</span>
              <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => onChange(codes.filter((x) => x !== c))}>
                {t('proposals.remove')}
                <span className="visually-hidden">: {name(c)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
