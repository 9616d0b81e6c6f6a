import './governance.css';
import { useTranslation } from 'react-i18next';
import type { ProposalTrackView } from '../../../../shared/domain/gov-plan';
import { formatDate } from '../../i18n/format';

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
            <p className="cst-timeline-meta">{t('gov.stepBy', { by: s.by })}</p>
            {s.note ? <p className="cst-timeline-note">{stepNote(s.note, t)}</p> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The backend writes "Punteggio totale 735 centesimi": shown as "7,35". */
function stepNote(note: string, t: (k: string, o?: Record<string, unknown>) => string): string {
  const m = /^Punteggio totale (\d+) centesimi$/.exec(note);
  if (m?.[1]) {
    const n = Number(m[1]);
    return t('gov.scoreNote', { total: `${Math.trunc(n / 100)},${String(n % 100).padStart(2, '0')}` });
  }
  return note;
}
