import { useTranslation } from 'react-i18next';
import type { BundleFork } from '../../../../shared/domain/bundles';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { formatDateTime, formatNumber } from '../../i18n/format';

/** Pretty JSON when the line is JSON; the raw line otherwise (it is evidence, shown unchanged). */
function readable(line: string | null): string {
  if (line === null) return '';
  try {
    return JSON.stringify(JSON.parse(line), null, 2);
  } catch {
    return line;
  }
}

/**
 * Disputed events: the version applied here and the one in the received file, side by side.
 * Nothing of that file was applied; the backend offers no "choose" action, so the screen says
 * what the operator does (call the member, who restores or re-sends).
 */
export function ForkList({ forks }: { forks: readonly BundleFork[] }) {
  const { t } = useTranslation();
  if (forks.length === 0) return <p className="cst-empty">{t('imports.forksEmpty')}</p>;
  return (
    <>
      <Alert tone="danger" title={t('imports.forksAlertTitle')}>
        <p className="mb-1">{t('imports.forksExplain')}</p>
        <ol className="cst-steps mb-0">
          <li>{t('imports.forksStep1')}</li>
          <li>{t('imports.forksStep2')}</li>
          <li>{t('imports.forksStep3')}</li>
        </ol>
      </Alert>
      {forks.map((f) => (
        <Card
          key={`${f.sha256}-${f.seq}`}
          level={3}
          id={`fork-${f.sender.id}-${f.seq}`}
          title={t('imports.forkTitle', { name: f.sender.name, id: f.sender.id, seq: formatNumber(f.seq) })}
        >
          <p>{t('imports.forkDetected', { date: formatDateTime(f.detectedAt) })}</p>
          <div className="cst-fork-grid">
            <section aria-label={t('imports.forkStored')}>
              <h4 className="cst-subtitle">{t('imports.forkStored')}</h4>
              <pre tabIndex={0}>{readable(f.storedLine) || t('imports.forkMissing')}</pre>
              {f.storedHash ? <p className="cst-code">{f.storedHash}</p> : null}
            </section>
            <section aria-label={t('imports.forkReceived')}>
              <h4 className="cst-subtitle">{t('imports.forkReceived')}</h4>
              <pre tabIndex={0}>{readable(f.receivedLine) || t('imports.forkMissing')}</pre>
              {f.receivedHash ? <p className="cst-code">{f.receivedHash}</p> : null}
            </section>
          </div>
          <p className="cst-muted cst-code">SHA-256 {f.sha256}</p>
        </Card>
      ))}
    </>
  );
}
