import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GovSettings } from '../../../../shared/domain/gov-plan';
import { NumberTextField } from '../../components/fields';
import { focusElementById } from '../../platform/document';
import { formatHundredths } from '../../../../shared/format/numbers';
import { criterionLabel } from '../governance/gov-text';
import { MeetingPicker, type MeetingOption } from './meeting-picker';

export interface ScoresDraft {
  [criterion: string]: string;
}

/**
 * One score per weighted criterion; the total (Σ weight × score, hundredths of a point) is
 * computed live, exactly, as the backend computes it.
 */
export function EvaluationForm({
  criteria,
  initial,
  onSubmit,
  busy,
  formError,
  hints,
  meetings = [],
}: {
  criteria: GovSettings['criteria'];
  initial: Record<string, number> | null;
  /** `meeting`: the Technical Committee meeting that gave the scores, if the office names one (issue 15). */
  onSubmit: (scores: Record<string, number>, meeting?: MeetingOption) => void;
  busy: boolean;
  formError?: string | undefined;
  /** A fact beside a criterion's score, by criterion id (members benefiting: how many joined). */
  hints?: Readonly<Record<string, string>>;
  /** The meetings that examined the proposal, oldest first. */
  meetings?: readonly MeetingOption[];
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ScoresDraft>(() => Object.fromEntries(criteria.criteria.map((c) => [c.id, initial?.[c.id] !== undefined ? String(initial[c.id]) : ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [meetingId, setMeetingId] = useState('');
  const parse = (v: string | undefined): number | null => {
    const s = (v ?? '').trim();
    if (!/^\d{1,3}$/.test(s)) return null;
    const n = Number(s);
    return n <= criteria.maxScore ? n : null;
  };
  let total = 0;
  let complete = true;
  for (const c of criteria.criteria) {
    const s = parse(draft[c.id]);
    if (s === null) complete = false;
    else total += c.weight * s;
  }
  const submit = () => {
    const errs: Record<string, string> = {};
    const scores: Record<string, number> = {};
    for (const c of criteria.criteria) {
      const s = parse(draft[c.id]);
      if (s === null) errs[c.id] = t('evaluation.scoreInvalid', { max: criteria.maxScore });
      else scores[c.id] = s;
    }
    setErrors(errs);
    const first = criteria.criteria.find((c) => errs[c.id]);
    if (first) {
      focusElementById(`score-${first.id}`);
      return;
    }
    onSubmit(scores, meetings.find((m) => m.id === meetingId));
  };
  return (
    <form
      className="cst-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="cst-hint">{t('evaluation.scoresIntro', { max: criteria.maxScore })}</p>
      <div className="cst-score-grid">
        {criteria.criteria.map((c) => (
          <NumberTextField
            key={c.id}
            id={`score-${c.id}`}
            label={t('evaluation.scoreLabel', { label: criterionLabel(c, t), weight: c.weight })}
            hint={hints?.[c.id] ? `${t('evaluation.scoreHint', { max: criteria.maxScore })} ${hints[c.id]}` : t('evaluation.scoreHint', { max: criteria.maxScore })}
            value={draft[c.id] ?? ''}
            decimals={false}
            error={errors[c.id]}
            required
            onChange={(v) => setDraft((d) => ({ ...d, [c.id]: v }))}
          />
        ))}
      </div>
      <p className="cst-gov-total" role="status" aria-live="polite">
        {t('evaluation.totalLive', { total: formatHundredths(total), max: formatHundredths(criteria.maxScore * 100) })}
        {complete ? '' : ` ${t('evaluation.totalPartial')}`}
      </p>
      <MeetingPicker id="score-meeting" label={t('meetings.scoredAt')} meetings={meetings} value={meetingId} onChange={(v) => setMeetingId(v)} />
      {formError ? <p className="cst-field-error" role="alert">{formError}</p> : null}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('evaluation.saveScores')}
      </button>
    </form>
  );
}
