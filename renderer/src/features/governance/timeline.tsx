import './governance.css';
import { useTranslation } from 'react-i18next';
import type { ProposalStateView } from '../../../../shared/governance/proposal-state';
import { formatDate } from '../../i18n/format';
import { stepByText, stepNoteText } from './gov-text';

/**
 * The proposal's steps (its one state's, shared/governance/proposal-state.ts): those the hub
 * recorded, and the member's submission and withdrawal: when, what it became, who, why.
 */
export function ProposalTimeline({ state, headingLevel = 3 }: { state: ProposalStateView; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="cst-timeline">
      <Heading className="cst-card-title">{t('gov.timelineTitle')}</Heading>
      <ol className="cst-timeline-list">
        {state.steps.map((s, i) => (
          <li key={`${i}-${s.to}`} className="cst-timeline-step">
            <p className="cst-timeline-head">
              <strong>{formatDate(s.date)}</strong> — {t(`gov.state.${s.to}`)}
            </p>
            <p className="cst-timeline-meta">{t('gov.stepBy', { by: stepByText(s.by, t) })}</p>
            {s.meeting ? <p className="cst-timeline-meta">{t('meetings.examinedAt', { date: formatDate(s.meeting.date) })}</p> : null}
            {s.note ? <p className="cst-timeline-note">{stepNoteText(s, t)}</p> : null}
          </li>
        ))}
      </ol>
      {state.lateWithdrawal ? <LateWithdrawal date={state.lateWithdrawal} /> : null}
    </div>
  );
}

/** The member withdrew after the hub decided (their bundles crossed): the decision stands. */
export function LateWithdrawal({ date }: { date: string }) {
  const { t } = useTranslation();
  return <p className="cst-timeline-note">{t('gov.lateWithdrawal', { date: formatDate(date) })}</p>;
}
