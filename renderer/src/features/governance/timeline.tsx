import './governance.css';
import { useTranslation } from 'react-i18next';
import type { ProposalTrackView } from '../../../../shared/domain/gov-plan';
import { formatDate } from '../../i18n/format';
import { stepByText, stepNoteText } from './gov-text';

/** The proposal's steps as the hub recorded them: when, what it became, who, why. */
export function ProposalTimeline({ track, headingLevel = 3 }: { track: ProposalTrackView; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="cst-timeline">
      <Heading className="cst-card-title">{t('gov.timelineTitle')}</Heading>
      <ol className="cst-timeline-list">
        {track.steps.map((s, i) => (
          <li key={`${i}-${s.to}`} className="cst-timeline-step">
            <p className="cst-timeline-head">
              <strong>{formatDate(s.date)}</strong> — {t(`gov.state.${s.to}`)}
            </p>
            <p className="cst-timeline-meta">{t('gov.stepBy', { by: stepByText(s.by, t) })}</p>
            {s.note ? <p className="cst-timeline-note">{stepNoteText(s, t)}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
