import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { formatMilli } from '../../../../shared/format/numbers';

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

/** A field's name in words (the catalogue knows the common ones; others keep their name). */
function fieldLabel(key: string, t: TFunction): string {
  const base = key.endsWith('_milli') ? key.slice(0, -'_milli'.length) : key;
  return t(`imports.field.${base}`, { defaultValue: base });
}

/** A value as a clerk reads it: thousandths as units, dates and yes/no the Italian way, empty as a dash. */
function shown(key: string, v: unknown, t: TFunction): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'number') return key.endsWith('_milli') && Number.isSafeInteger(v) ? formatMilli(v) : formatNumber(v);
  if (typeof v === 'boolean') return v ? t('imports.yes') : t('imports.no');
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    // Values of a closed list (period, channel, course mode) in words; anything else as written.
    return t(`imports.value.${key}.${v}`, { defaultValue: v });
  }
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => shown('', x, t)).join(', ');
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${fieldLabel(k, t)}: ${shown(k, x, t)}`);
    return parts.length ? parts.join('; ') : '—';
  }
  return String(v);
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
                  <th scope="row">{fieldLabel(k, t)}</th>
                  <td>
                    {shown(k, v, t)}
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
