import '../governance/governance.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { TextField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { useToastStore } from '../../components/toast-store';
import { govErrorMessage } from '../governance/gov-text';

/** Lower case without accents, so that "forli" finds Forlì. */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** Enough rows to pick from; a longer list is narrowed with the search field. */
const SHOWN = 60;

/**
 * The Executive Committee's composition (the member municipalities sitting in it) and the
 * Technical Director's name, kept in the governance settings: the committee's votes are
 * pre-filled with its components and counted on them only.
 */
export function CommitteeSettings() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const toast = useToastStore((s) => s.show);
  const settings = useApiQuery('gov.settings.get', {}, 0, { keepOnReceived: true });
  const members = useApiQuery('members.list', {});
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [director, setDirector] = useState('');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setChosen(new Set(settings.data.executiveCommittee.members));
    setDirector(settings.data.executiveCommittee.technicalDirector);
  }, [settings.data]);
  if (settings.state === 'error') return <Alert tone="danger">{govErrorMessage(settings.error, t, i18n.language)}</Alert>;
  if (!settings.data || !members.data) return <Loading />;
  const all = members.data;
  const f = fold(filter.trim());
  // In the registry's order (a ticked row does not move); the chosen always shown, the others as searched.
  const matching = all.filter((m) => !chosen.has(m.istat) && (!f || fold(m.name).includes(f) || m.istat.includes(f))).slice(0, SHOWN);
  const shown = new Set([...chosen, ...matching.map((m) => m.istat)]);
  const rows = all.filter((m) => shown.has(m.istat));
  const names = all.filter((m) => chosen.has(m.istat)).map((m) => m.name);
  const toggle = (istat: string, on: boolean) =>
    setChosen((s) => {
      const n = new Set(s);
      if (on) n.add(istat);
      else n.delete(istat);
      return n;
    });
  const save = async () => {
    setBusy(true);
    const res = await api.call('gov.settings.update', { executiveCommittee: { members: [...chosen], technicalDirector: director.trim() } });
    setBusy(false);
    if (!res.ok) return setError(govErrorMessage(res.error, t, i18n.language));
    setError(undefined);
    toast('success', { key: 'committee.saved' });
    settings.reload();
  };
  return (
    <Card title={t('committee.title')} id="gov-committee">
      <p className="cst-hint">{t('committee.intro')}</p>
      <form
        className="cst-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <TextField id="committee-director" label={t('committee.director')} hint={t('committee.directorHint')} value={director} onChange={setDirector} />
        <fieldset className="cst-field cst-fieldset">
          <legend className="cst-label">{t('committee.members')}</legend>
          <p className="cst-hint">{t('committee.membersHint')}</p>
          {all.length > SHOWN ? <TextField id="committee-filter" label={t('committee.filter')} value={filter} onChange={setFilter} /> : null}
          <p role="status">{chosen.size ? t('committee.count', { count: chosen.size, names: names.join(', ') }) : t('committee.none')}</p>
          <ul className="cst-gov-checklist list-unstyled">
            {rows.map((m) => (
              <li key={m.istat} className="form-check">
                <input className="form-check-input" type="checkbox" id={`committee-${m.istat}`} checked={chosen.has(m.istat)} onChange={(e) => toggle(m.istat, e.target.checked)} />
                <label className="form-check-label" htmlFor={`committee-${m.istat}`}>
                  {m.name} ({m.istat})
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {error ? (
          <p className="cst-field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('committee.save')}
        </button>
      </form>
    </Card>
  );
}
