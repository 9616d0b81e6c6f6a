import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../../shared/api/contract';
import type { ProposalTrackView } from '../../../../shared/domain/gov-plan';
import type { ProposalStateView } from '../../../../shared/governance/proposal-state';
import { DateField, NumberTextField, TextAreaField } from '../../components/fields';
import { TextField } from '../../components/form-field';
import { todayIso } from '../governance/gov-format';
import { MeetingPicker, type MeetingOption } from './meeting-picker';

type Action = Input<'gov.proposals.act'>['action'];
type ActionType = Exclude<Action['type'], 'evaluate' | 'approve_with_plan'>;

/** The steps offered here: the one state's office actions (shared/governance/proposal-state.ts), less those with a form of their own. */
export function allowedActions(state: ProposalStateView): ActionType[] {
  return state.officeActions.filter((a): a is ActionType => a !== 'assign' && a !== 'evaluate');
}

/** State actions of a proposal: only the legal ones, each with the fields it needs. */
export function StateActions({
  track,
  state,
  evaluated,
  onAct,
  busy,
  apiError,
  meetings = [],
}: {
  track: ProposalTrackView;
  state: ProposalStateView;
  evaluated: boolean;
  /** `meetingId`: the Technical Committee meeting that decided the step, if the office names one. */
  onAct: (a: Action, meetingId?: string) => void;
  /** The meetings that examined the proposal (issue 15), oldest first. */
  meetings?: readonly MeetingOption[];
  busy: boolean;
  apiError?: string | undefined;
}) {
  const { t } = useTranslation();
  const actions = allowedActions(state);
  const [chosen, setChosen] = useState<ActionType | ''>('');
  const [date, setDate] = useState(todayIso());
  const [by, setBy] = useState('');
  const [text, setText] = useState('');
  const [progress, setProgress] = useState(track.progress !== null ? String(track.progress) : '0');
  const [endDate, setEndDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [meetingId, setMeetingId] = useState('');

  if (actions.length === 0) {
    return <p className="cst-hint">{t(state.stage === 'admitted' ? 'evaluation.waitPlan' : state.stage === 'withdrawn' ? 'evaluation.withdrawnNoStep' : 'evaluation.finalState')}</p>;
  }
  const submit = () => {
    if (!chosen) return;
    const errs: Record<string, string> = {};
    if (!date) errs.date = t('evaluation.dateRequired');
    if (!by.trim()) errs.by = t('evaluation.byRequired');
    if (chosen === 'not_admit' && !text.trim()) errs.text = t('evaluation.reasonRequired');
    if (chosen === 'return' && !text.trim()) errs.text = t('evaluation.notesRequired');
    const p = Number(progress);
    if ((chosen === 'report_progress' || chosen === 'start') && !(/^\d{1,3}$/.test(progress.trim()) && p <= 100)) errs.progress = t('evaluation.progressInvalid');
    if (chosen === 'admit' && !evaluated) errs.form = t('evaluation.admitNeedsScores');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const base = { date, by: by.trim() };
    const act = (a: Action) => onAct(a, meetingId || undefined);
    switch (chosen) {
      case 'start_evaluation':
      case 'resubmit':
        return act({ type: chosen, ...base });
      case 'admit':
      case 'complete':
        return act({ type: chosen, ...base, ...(text.trim() ? { note: text.trim() } : {}) });
      case 'not_admit':
        return act({ type: 'not_admit', ...base, reason: text.trim() });
      case 'return':
        return act({ type: 'return', ...base, notes: text.trim() });
      case 'start':
        return act({ type: 'start', ...base, progress: p, ...(endDate ? { expectedEndDate: endDate } : {}) });
      case 'report_progress':
        return act({ type: 'report_progress', ...base, progress: p, ...(text.trim() ? { note: text.trim() } : {}) });
    }
  };
  return (
    <div>
      <div className="cst-gov-actions" role="group" aria-label={t('evaluation.actionsLabel')}>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${chosen === a ? 'btn-primary' : 'btn-outline-primary'}`}
            aria-pressed={chosen === a}
            onClick={() => {
              setChosen(a);
              setErrors({});
              setText('');
            }}
          >
            {t(`evaluation.action.${a}`)}
          </button>
        ))}
      </div>
      {chosen ? (
        <form
          className="cst-form cst-gov-action-form"
          noValidate
          aria-label={t(`evaluation.action.${chosen}`)}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <DateField id="act-date" label={t('evaluation.date')} value={date} onChange={setDate} error={errors.date} required />
          <TextField id="act-by" label={t('evaluation.by')} hint={t('evaluation.byHint')} value={by} onChange={setBy} error={errors.by} required />
          <MeetingPicker
            id="act-meeting"
            meetings={meetings}
            value={meetingId}
            onChange={(v, meetingDate) => {
              setMeetingId(v);
              if (meetingDate) setDate(meetingDate);
            }}
          />
          {chosen === 'start' || chosen === 'report_progress' ? (
            <NumberTextField id="act-progress" label={t('evaluation.progress')} value={progress} onChange={setProgress} suffix="%" decimals={false} error={errors.progress} required />
          ) : null}
          {chosen === 'start' ? <DateField id="act-end" label={t('evaluation.expectedEnd')} value={endDate} onChange={setEndDate} /> : null}
          {chosen === 'not_admit' || chosen === 'return' || chosen === 'admit' || chosen === 'complete' || chosen === 'report_progress' ? (
            <TextAreaField
              id="act-text"
              label={t(chosen === 'not_admit' ? 'evaluation.reason' : chosen === 'return' ? 'evaluation.notes' : 'evaluation.note')}
              value={text}
              onChange={setText}
              error={errors.text}
              required={chosen === 'not_admit' || chosen === 'return'}
            />
          ) : null}
          {errors.form ? <p className="cst-field-error">{errors.form}</p> : null}
          {apiError ? <p className="cst-field-error" role="alert">{apiError}</p> : null}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('evaluation.confirm', { action: t(`evaluation.action.${chosen}`) })}
          </button>
        </form>
      ) : null}
    </div>
  );
}
