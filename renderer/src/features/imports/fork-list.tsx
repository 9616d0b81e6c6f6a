import { useTranslation } from 'react-i18next';
import type { BundleFork } from '../../../../shared/domain/bundles';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ForkDecision } from './fork-decision';
import { ForkEvent } from './fork-event';
import { forkKey, type ForkSide } from './fork-side';

function ForkCard({ fork: f, side, onDecided }: { fork: BundleFork; side: ForkSide; onDecided: () => void }) {
  const { t } = useTranslation();
  const range = f.file.range ? t('imports.range', { first: formatNumber(f.file.range.first), last: formatNumber(f.file.range.last) }) : t('imports.forkFileNoRange');
  const r = f.resolution;
  return (
    <Card level={3} id={`fork-${f.forkNo}`} title={t('imports.forkHeading', { name: f.sender.name, id: f.sender.id, seq: formatNumber(f.seq) })}>
      <p>
        {t('imports.forkFileText', { file: f.file.name, date: formatDateTime(f.file.receivedAt), range })} {t('imports.forkDetected', { date: formatDateTime(f.detectedAt) })}
      </p>
      <div className="cst-fork-grid">
        <ForkEvent
          id={`fork-${f.forkNo}-stored`}
          title={t('imports.forkStored')}
          from={f.storedFrom ? t('imports.forkStoredFrom', { file: f.storedFrom.name, date: formatDateTime(f.storedFrom.receivedAt) }) : null}
          line={f.storedLine}
          other={f.receivedLine}
        />
        <ForkEvent
          id={`fork-${f.forkNo}-received`}
          title={t('imports.forkReceived')}
          from={t('imports.forkReceivedFrom', { file: f.file.name, date: formatDateTime(f.file.receivedAt) })}
          line={f.receivedLine}
          other={f.storedLine}
        />
      </div>
      {r ? (
        <Alert tone={r.decision === 'accept' ? 'info' : 'success'}>
          <p className="mb-1">
            {r.decision === 'keep'
              ? t('imports.forkDecidedKeep', { date: formatDateTime(r.at), by: r.by })
              : t('imports.forkDecidedAccept', { date: formatDateTime(r.at), by: r.by, removed: formatNumber(r.eventsRemoved), applied: formatNumber(r.eventsApplied) })}
          </p>
          <p className="mb-0">{t('imports.forkDecidedNote', { note: r.note })}</p>
        </Alert>
      ) : (
        <ForkDecision fork={f} side={side} onDecided={onDecided} />
      )}
      <p className="cst-muted cst-code">SHA-256 {f.sha256}</p>
    </Card>
  );
}

/**
 * Disputed events (the hub's view of a member's stream, or a member's view of the hub's): for each open fork, the version applied here and the one in the received
 * file side by side, who sent them, and the operator's two choices; below, the decisions taken.
 * Nothing of a forked file is applied until the operator chooses.
 */
export function ForkList({ forks, side = 'hub', onDecided = () => {} }: { forks: readonly BundleFork[]; side?: ForkSide; onDecided?: () => void }) {
  const { t } = useTranslation();
  const open = forks.filter((f) => !f.resolution);
  const decided = forks.filter((f) => f.resolution);
  if (forks.length === 0) return <p className="cst-empty">{t('imports.forksEmpty')}</p>;
  return (
    <>
      {open.length > 0 ? (
        <>
          <Alert tone="danger" title={t('imports.forksAlertTitle')}>
            <p className="mb-1">{t(forkKey('forksExplain', side))}</p>
            <ol className="cst-steps mb-0">
              <li>{t(forkKey('forksStep1', side))}</li>
              <li>{t(forkKey('forksStep2', side))}</li>
              <li>{t(forkKey('forksStep3', side))}</li>
            </ol>
          </Alert>
          <h2 className="cst-section-title">{t('imports.forksOpen')}</h2>
          {open.map((f) => (
            <ForkCard key={f.forkNo} fork={f} side={side} onDecided={onDecided} />
          ))}
        </>
      ) : (
        <p className="cst-empty">{t('imports.forksEmpty')}</p>
      )}
      {decided.length > 0 ? (
        <>
          <h2 className="cst-section-title">{t('imports.forksHistory')}</h2>
          {decided.map((f) => (
            <ForkCard key={f.forkNo} fork={f} side={side} onDecided={onDecided} />
          ))}
        </>
      ) : null}
    </>
  );
}
