import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';

interface ParsedEvent {
  at?: string;
  kind?: string;
  op?: 'put' | 'delete';
  id?: string;
  data?: Record<string, unknown>;
}

export function parseEvent(line: string | null): ParsedEvent | null {
  if (line === null) return null;
  try {
    const v = JSON.parse(line) as unknown;
    return v && typeof v === 'object' ? (v as ParsedEvent) : null;
  } catch {
    return null;
  }
}

function shown(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * One version of a disputed event, readable: kind, operation, when, which record, and each
 * field with the ones that differ from the other version marked. The line itself stays
 * available unchanged (it is evidence) for support.
 */
export function ForkEvent({ id, title, from, line, other }: { id: string; title: string; from: string | null; line: string | null; other: string | null }) {
  const { t } = useTranslation();
  const ev = parseEvent(line);
  const otherData = parseEvent(other)?.data ?? {};
  const fields = Object.entries(ev?.data ?? {});
  return (
    <section aria-labelledby={`${id}-title`} className="cst-fork-version">
      <h4 className="cst-subtitle" id={`${id}-title`}>
        {title}
      </h4>
      {from ? <p className="cst-muted">{from}</p> : null}
      {line === null ? <p>{t('imports.forkNoLine')}</p> : null}
      {ev ? (
        <dl className="cst-fork-facts">
          <dt>{t('imports.forkKindLabel')}</dt>
          <dd>{ev.kind ? t(`imports.kind.${ev.kind}`, { defaultValue: ev.kind }) : '—'}</dd>
          <dt>{t('imports.forkOpLabel')}</dt>
          <dd>{ev.op ? t(`imports.forkOp.${ev.op}`) : '—'}</dd>
          <dt>{t('imports.forkWhenLabel')}</dt>
          <dd>{ev.at ? formatDateTime(ev.at) : '—'}</dd>
          <dt>{t('imports.forkRecordLabel')}</dt>
          <dd className="cst-code">{ev.id ?? '—'}</dd>
        </dl>
      ) : null}
      {fields.length > 0 ? (
        <table className="table table-sm cst-fork-fields">
          <caption>{t('imports.forkFieldsCaption')}</caption>
          <tbody>
            {fields.map(([k, v]) => {
              const differs = JSON.stringify(v) !== JSON.stringify(otherData[k]);
              return (
                <tr key={k} className={differs ? 'cst-fork-differs' : undefined}>
                  <th scope="row">{k}</th>
                  <td>
                    {shown(v)}
                    {differs ? <span className="badge text-bg-warning ms-2">{t('imports.forkDiffers')}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {line !== null ? (
        <details>
          <summary>{t('imports.forkRaw')}</summary>
          <pre tabIndex={0}>{line}</pre>
        </details>
      ) : null}
    </section>
  );
}
