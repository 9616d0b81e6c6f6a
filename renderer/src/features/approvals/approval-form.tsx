import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/errors';
import { sentenceFor } from '../../../../shared/errors/catalogue';
import { GovernanceError } from '../../../../shared/governance/errors';
import { computeVote, type Elector, type VoteTally, type VotingRules } from '../../../../shared/governance/voting';
import { useFormErrors } from '../../app/use-form-errors';
import { useApiQuery } from '../../app/use-api-query';
import { DateField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { MemberFilterBar, useMemberQuery, type MemberQuery } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { foldForSearch } from '../../../../shared/domain/search-fold';
import { formatEuroCents, formatNumber } from '../../i18n/format';
import { todayIso } from '../governance/gov-format';
import { govErrorMessage, govErrorToMessage } from '../governance/gov-text';

type Vote = 'for' | 'against' | 'abstain' | 'none';
export interface Voter {
  istat: string;
  name: string;
  population?: number | null;
  /** Sigla (the registry's members): the Assembly's list filters by province and region. */
  province?: string | null;
}

/** Voters shown at once: an Assembly of all of Italy (7,896 members) is paged and filtered. */
export const VOTERS_PER_PAGE = 50;

/** The voters a search, province and region select (by name or ISTAT code, accents and case ignored). */
export function filterVoters(voters: readonly Voter[], q: MemberQuery, regionOf: ReadonlyMap<string, string>): readonly Voter[] {
  const text = foldForSearch(q.search);
  if (!text && !q.province && !q.region) return voters;
  return voters.filter(
    (v) =>
      (!q.province || v.province === q.province) &&
      (!q.region || (v.province ? regionOf.get(v.province) : undefined) === q.region) &&
      (!text || (/^[0-9]+$/.test(text) ? v.istat.startsWith(text) : foldForSearch(v.name).includes(text))),
  );
}
export type ApproveInput = Input<'plan.approve'>;

/** The form's fields (the API's names) → their controls, in the order shown. */
const FIELD_IDS: Record<string, string> = { date: 'ap-date', minutesRef: 'ap-minutes' };

/** The rules in words: weighting, majority, quorum. */
export function rulesText(r: VotingRules, t: (k: string, o?: Record<string, unknown>) => string): string {
  const majority = r.majority.kind === 'qualified' ? t('approval.majority.qualified', { n: r.majority.numerator, d: r.majority.denominator, of: t(`approval.of.${r.majority.of}`) }) : t(`approval.majority.${r.majority.kind}`);
  return t('approval.rulesText', {
    weighting: t(`approval.weighting.${r.weighting}`),
    majority,
    quorum: t(`approval.quorum.${r.quorum.of}`, { n: r.quorum.numerator, d: r.quorum.denominator }),
  });
}

/**
 * A vote of the Executive Committee or the Assembly: who is present and how each votes; the
 * outcome is computed here with the same rules the backend applies, and shown BEFORE saving.
 */
export function ApprovalForm({
  body,
  members,
  rules,
  quota,
  explicitElectorate = false,
  initialPresent = [],
  onSave,
  busy,
  apiError,
}: {
  body: 'executive_committee' | 'assembly';
  /** Who votes: the municipalities (Assembly) or the committee's components (passed explicitly). */
  members: readonly Voter[];
  rules: VotingRules;
  /** Each member's share of the quota item (for the quota weighting). */
  quota: ReadonlyMap<string, number>;
  /** Send the electorate with the vote (a committee of people, not the registry's members). */
  explicitElectorate?: boolean;
  /** Marked present from the start (the Executive Committee's components). */
  initialPresent?: readonly string[];
  onSave: (input: Omit<ApproveInput, 'year' | 'version'>) => void;
  busy: boolean;
  apiError?: ApiError | undefined;
}) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const [minutes, setMinutes] = useState('');
  const [present, setPresent] = useState<Set<string>>(() => new Set(initialPresent));
  const [votes, setVotes] = useState<Record<string, Vote>>({});
  // Many voters (the Assembly): one page of the filtered list; present and votes cover everyone.
  const many = members.length > VOTERS_PER_PAGE;
  const [query, setQuery] = useMemberQuery();
  const provinces = useApiQuery('reference.provinces', {}, 0, { keepOnReceived: true }).data;
  const regionOf = useMemo(() => new Map((provinces ?? []).map((p) => [p.code, p.region])), [provinces]);
  const shown = useMemo(() => (many ? filterVoters(members, query, regionOf) : members), [many, members, query, regionOf]);
  const pages = Math.max(1, Math.ceil(shown.length / VOTERS_PER_PAGE));
  const current = Math.min(query.page, pages);
  const pageRows = many ? shown.slice((current - 1) * VOTERS_PER_PAGE, current * VOTERS_PER_PAGE) : shown;
  const narrowed = shown.length < members.length;
  const errors = useFormErrors(FIELD_IDS);
  // The backend's refusal: beside its field when the form has it, above the button otherwise.
  const apiField = apiError?.code === 'E_VALIDATION' && apiError.field && apiError.field in FIELD_IDS ? apiError.field : null;
  useEffect(() => {
    if (apiError && apiField) errors.show({ [apiField]: govErrorToMessage(apiError) });
  }, [apiError]); // once per refusal
  const electorate: Elector[] = useMemo(
    () => members.map((m) => (explicitElectorate ? { id: m.istat } : { id: m.istat, population: m.population ?? 0, quota: quota.get(m.istat) ?? 0 })),
    [members, quota, explicitElectorate],
  );
  const byId = useMemo(() => new Map(electorate.map((e) => [e.id, e])), [electorate]);
  const ballots = [...present].filter((id) => (votes[id] ?? 'none') !== 'none').map((id) => ({ member: id, vote: votes[id] as 'for' | 'against' | 'abstain' }));
  let tally: VoteTally | null = null;
  let tallyError = '';
  try {
    tally = electorate.length ? computeVote({ electorate, present: [...present], ballots, rules }) : null;
  } catch (e) {
    // The rule's own sentence, from its catalogue key in the page's language.
    tallyError = e instanceof GovernanceError ? sentenceFor(e.key, e.params, i18n.language === 'en' ? 'en' : 'it') : t('approval.tallyError');
  }
  const setAll = (vote: Vote) => {
    setPresent(new Set(members.map((m) => m.istat)));
    setVotes(Object.fromEntries(members.map((m) => [m.istat, vote])));
  };
  // The voters the filter selects (a province, a region) marked present or absent at once.
  const markShown = (here: boolean) =>
    setPresent((s) => {
      const n = new Set(s);
      for (const m of shown) if (here) n.add(m.istat);
      else n.delete(m.istat);
      return n;
    });
  const submit = () => {
    const found = { ...(date ? {} : { date: { key: 'evaluation.dateRequired' } }), ...(minutes.trim() ? {} : { minutesRef: { key: 'approval.minutesRequired' } }) };
    errors.show(found);
    if (Object.keys(found).length) return;
    onSave({ body, date, minutesRef: minutes.trim(), present: [...present], ballots, ...(explicitElectorate ? { electorate: electorate.map((e) => ({ id: e.id })) } : {}) });
  };
  const pct = (n: number, d: number) => (d > 0 ? `${formatNumber(Math.round((n * 100) / d))}%` : '—');
  return (
    <form
      className="cst-form"
      noValidate
      aria-label={t(`approval.body.${body}`)}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="cst-hint">{rulesText(rules, t)}</p>
      <div className="row">
        <div className="col-md-4">
          <DateField id="ap-date" label={t('approval.date')} value={date} onChange={setDate} error={errors.text('date')} required />
        </div>
        <div className="col-md-8">
          <TextField id="ap-minutes" label={t('approval.minutes')} hint={t('approval.minutesHint')} value={minutes} onChange={setMinutes} error={errors.text('minutesRef')} required />
        </div>
      </div>
      <div className="cst-gov-toolbar">
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setAll('for')}>
          {t('approval.allFor')}
        </button>{' '}
        <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setAll('none')}>
          {t('approval.allPresent')}
        </button>
        {narrowed ? (
          <>
            {' '}
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => markShown(true)}>
              {t('approval.shownPresent', { count: shown.length })}
            </button>{' '}
            <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => markShown(false)}>
              {t('approval.shownAbsent', { count: shown.length })}
            </button>
          </>
        ) : null}
      </div>
      <div className={`cst-gov-outcome${tally ? ` cst-gov-outcome-${tally.outcome}` : ''}`} role="status" aria-live="polite">
        {tally ? (
          <>
            <p className="cst-gov-outcome-title">{t(`approval.outcome.${tally.outcome}`)}</p>
            <p>
              {t('approval.tallyPresent', { present: tally.presentMembers, members: tally.members, share: pct(tally.presentWeight, tally.totalWeight) })}{' '}
              {t(tally.quorumReached ? 'approval.quorumYes' : 'approval.quorumNo')}
            </p>
            <p>
              {t('approval.tallyVotes', {
                forCount: tally.forCount,
                againstCount: tally.againstCount,
                abstainCount: tally.abstainCount,
                forShare: pct(tally.forWeight, tally.totalWeight),
                againstShare: pct(tally.againstWeight, tally.totalWeight),
              })}
            </p>
          </>
        ) : (
          <p>{tallyError || t(body === 'executive_committee' ? 'approval.noCommittee' : 'approval.noMembers')}</p>
        )}
      </div>
      {many ? <MemberFilterBar id="ap-voters" query={query} onChange={setQuery} /> : null}
      <div className="table-responsive">
        <table className="table cst-table">
          <caption className="cst-caption">{t('approval.votesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(body === 'executive_committee' ? 'approval.component' : 'approval.member')}</th>
              <th scope="col">{t('approval.present')}</th>
              <th scope="col">{t('approval.vote')}</th>
              <th scope="col" className="text-end">
                {t('approval.weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((m) => {
              const here = present.has(m.istat);
              const e = byId.get(m.istat);
              const weight = rules.weighting === 'one_member_one_vote' ? 1 : rules.weighting === 'population' ? (e?.population ?? 0) : (e?.quota ?? 0);
              return (
                <tr key={m.istat}>
                  <th scope="row">{m.name}</th>
                  <td>
                    <input
                      type="checkbox"
                      className="form-check-input"
                      id={`ap-present-${m.istat}`}
                      aria-label={t('approval.presentOf', { name: m.name })}
                      checked={here}
                      onChange={(ev) =>
                        setPresent((s) => {
                          const n = new Set(s);
                          if (ev.target.checked) n.add(m.istat);
                          else n.delete(m.istat);
                          return n;
                        })
                      }
                    />
                  </td>
                  <td>
                    <select
                      className="form-select form-select-sm"
                      aria-label={t('approval.voteOf', { name: m.name })}
                      value={here ? (votes[m.istat] ?? 'none') : 'none'}
                      disabled={!here}
                      onChange={(ev) => setVotes((v) => ({ ...v, [m.istat]: ev.target.value as Vote }))}
                    >
                      {(['none', 'for', 'against', 'abstain'] as const).map((v) => (
                        <option key={v} value={v}>
                          {t(`approval.voteChoice.${v}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="text-end">{rules.weighting === 'quota' ? formatEuroCents(weight) : formatNumber(weight)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {many ? <Pager id="ap-voters-pager" page={{ page: current, pageSize: VOTERS_PER_PAGE, total: shown.length, pages }} onPage={(page) => setQuery({ page })} /> : null}
      {tally ? <p className="cst-gov-outcome-again">{t(`approval.outcome.${tally.outcome}`)}</p> : null}
      {apiError && !apiField ? (
        <p className="cst-field-error" role="alert">
          {govErrorMessage(apiError, t, i18n.language)}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('approval.save', { body: t(`approval.body.${body}`) })}
      </button>
    </form>
  );
}
