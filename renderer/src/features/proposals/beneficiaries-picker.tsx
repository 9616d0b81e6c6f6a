import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Municipality } from '../../../../shared/domain/installation';
import { useApi } from '../../app/api-context';
import { Combobox } from '../../components/combobox';

const MIN_QUERY = 2;

/** Names of municipalities by ISTAT code, looked up once each ("041066" → "Urbania (PU)"). */
export function useMunicipalityNames(codes: readonly string[]): (code: string) => string {
  const api = useApi();
  const [known, setKnown] = useState<Map<string, Municipality>>(new Map());
  const key = codes.join(',');
  useEffect(() => {
    const missing = key ? key.split(',').filter((c) => !known.has(c)) : [];
    if (missing.length === 0) return;
    let cancelled = false;
    void Promise.all(missing.map((code) => api.call('reference.searchMunicipalities', { query: code, limit: 1 }))).then((results) => {
      if (cancelled) return;
      setKnown((k) => {
        const next = new Map(k);
        for (const r of results) if (r.ok && r.value[0]) next.set(r.value[0].istat, r.value[0]);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [api, key, known]);
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
  const [known, setKnown] = useState<Map<string, Municipality>>(new Map());
  const latest = useRef(0);

  useEffect(() => {
    const missing = codes.filter((c) => !known.has(c));
    if (missing.length === 0) return;
    let cancelled = false;
    void Promise.all(missing.map((code) => api.call('reference.searchMunicipalities', { query: code, limit: 1 }))).then((results) => {
      if (cancelled) return;
      setKnown((k) => {
        const next = new Map(k);
        for (const r of results) if (r.ok && r.value[0]) next.set(r.value[0].istat, r.value[0]);
        return next;
      });
    });
    return () => {
      cancelled = true;
    };
  }, [api, codes, known]);

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
  const name = (code: string) => {
    const m = known.get(code);
    return m ? `${m.name} (${m.province})` : code;
  };
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
          setKnown((k) => new Map(k).set(m.istat, m));
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
