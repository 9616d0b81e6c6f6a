import { useTranslation } from 'react-i18next';
import type { BundleImportResult } from '../../../../shared/domain/bundles';
import { formatNumber } from '../../i18n/format';
import { isMessageKey } from '../../../../shared/errors/catalogue';
import { messageText, type Message } from '../../i18n/messages';
import { useSenderNames } from './sender-names';

type Tone = 'ok' | 'wait' | 'bad';

function toneOf(r: BundleImportResult): Tone {
  if (r.outcome === 'applied' || r.outcome === 'duplicate') return 'ok';
  if (r.outcome === 'pending' || r.outcome === 'kept') return 'wait';
  return 'bad';
}

/**
 * The sentence to act on: the error catalogue's, by the key the core sent. An older core sent
 * none: then a file read (or waiting) is told by the window's catalogue, naming the sender and
 * writing numbers as the rest of the page does, and a refusal keeps the core's Italian.
 */
export function resultMessage(r: BundleImportResult, senderName: string = r.sender?.id ?? '—'): Message {
  if (isMessageKey(r.key)) return { errorKey: r.key, params: r.params ?? {}, fallback: r.message };
  const params = {
    sender: senderName,
    first: formatNumber(r.range?.first ?? 0),
    last: formatNumber(r.range?.last ?? 0),
    count: r.eventsApplied,
  };
  const read = r.outcome === 'applied' || r.outcome === 'duplicate' || r.outcome === 'pending';
  const key =
    r.outcome === 'applied'
      ? 'imports.textApplied'
      : r.outcome === 'duplicate'
        ? 'imports.textDuplicate'
        : r.outcome === 'pending'
          ? 'imports.textPending'
          : r.code
            ? `apiErrors.${r.code}`
            : 'imports.textRefused';
  return read ? { key, params, fallback: r.message } : { key, params, italian: r.message, fallback: r.message };
}

/** One result per file, whatever happened: outcome in words, the code, what to do, the details. */
export function ImportResults({ results, title }: { results: readonly BundleImportResult[]; title: string }) {
  const { t, i18n } = useTranslation();
  const senderName = useSenderNames();
  if (results.length === 0) return null;
  const count = (tone: Tone) => results.filter((r) => toneOf(r) === tone).length;
  return (
    <section aria-labelledby="import-results-title">
      <h3 className="cst-subtitle" id="import-results-title">
        {title}
      </h3>
      <p role="status">{t('imports.summary', { ok: count('ok'), wait: count('wait'), bad: count('bad'), total: results.length, count: results.length })}</p>
      <ul className="cst-result-list">
        {results.map((r, i) => {
          const tone = toneOf(r);
          return (
            <li key={`${r.file}-${i}`} className={`cst-result cst-result-${tone}`}>
              <p className="cst-result-title">
                {t(`imports.outcome.${r.outcome}`)}
                {': '}
                <span className="cst-code">{r.file}</span>
              </p>
              <p className="mb-1">{messageText(resultMessage(r, senderName(r.sender)), t, i18n.language)}</p>
              {r.sender || r.range ? (
                <p className="cst-muted mb-1">
                  {r.sender ? t('imports.sender', { name: senderName(r.sender), kind: t(`role.${r.sender.kind}`) }) : null}
                  {r.sender && r.range ? ' · ' : null}
                  {r.range ? t('imports.range', { first: formatNumber(r.range.first), last: formatNumber(r.range.last) }) : null}
                </p>
              ) : null}
              {r.warnings.map((w, j) => (
                <p key={j} className="mb-1">
                  <strong>{t('imports.warning')}</strong> {w}
                </p>
              ))}
              {r.alsoApplied.length > 0 ? <p className="mb-1">{t('imports.alsoApplied', { count: r.alsoApplied.length })}</p> : null}
              {r.detail || r.code ? (
                <details>
                  <summary>{t('imports.details')}</summary>
                  {/* The code is for support, not a word of the sentence above. */}
                  {r.code ? <p className="cst-code mb-0">{t('imports.code', { code: r.code })}</p> : null}
                  {r.detail ? <p className="cst-code mb-0">{r.detail}</p> : null}
                  {r.sha256 ? <p className="cst-code mb-0">SHA-256 {r.sha256}</p> : null}
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
