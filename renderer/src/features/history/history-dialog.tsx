import { useTranslation } from 'react-i18next';
import type { HistoryVersion } from '../../../../shared/domain/history';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { Modal } from '../../components/modal';
import { formatDateTime } from '../../i18n/format';
import { apiErrorMessage } from '../../i18n/messages';
import { fieldLabel, fieldValue } from './history-values';
import { useHistoryStore, type HistoryTarget } from './store';

/** The "Cronologia" dialog of the record chosen with a HistoryButton (one for the whole app). */
export function HistoryDialog() {
  const { t } = useTranslation();
  const target = useHistoryStore((s) => s.target);
  const close = useHistoryStore((s) => s.close);
  return (
    <Modal
      open={target !== null}
      title={target ? t('history.title', { what: target.what }) : ''}
      onClose={close}
      actions={
        <button type="button" className="btn btn-primary" onClick={close}>
          {t('common.close')}
        </button>
      }
    >
      {target ? <HistoryBody target={target} /> : null}
    </Modal>
  );
}

function HistoryBody({ target }: { target: HistoryTarget }) {
  const { t, i18n } = useTranslation();
  const history = useApiQuery('history.get', { kind: target.kind, id: target.id });
  if (history.state === 'error') return <Alert tone="danger">{apiErrorMessage(history.error, t, i18n.language)}</Alert>;
  if (!history.data) return <Loading />;
  const versions = history.data.versions;
  if (versions.length === 0) return <p>{t('history.empty')}</p>;
  const names = new Map(Object.entries(target.names ?? {}));
  const numbered = versions.map((v, i) => ({ v, n: i + 1, previous: i > 0 ? versions[i - 1] : undefined }));
  return (
    <>
      <p>{t('history.intro')}</p>
      <ol className="cst-history" reversed>
        {numbered.reverse().map(({ v, n, previous }) => (
          <li key={v.seq} className="cst-history-item">
            <h3 className="cst-history-title">
              {t('history.version', { n })} — {v.op === 'delete' ? t('history.deleted') : previous ? t('history.changed') : t('history.created')}
            </h3>
            <p className="cst-muted">{t('history.by', { when: formatDateTime(v.at), who: v.who ?? t('history.unknownWho') })}</p>
            {v.op === 'delete' ? null : previous ? <Changes version={v} previous={previous} n={n} names={names} /> : <Values version={v} n={n} names={names} />}
          </li>
        ))}
      </ol>
    </>
  );
}

const HIDDEN = new Set(['updated_by']);

function Changes({ version, previous, n, names }: { version: HistoryVersion; previous: HistoryVersion; n: number; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const fields = version.changed.filter((f) => !HIDDEN.has(f));
  if (fields.length === 0) return <p>{t('history.noChanges')}</p>;
  return (
    <FieldsTable
      caption={t('history.changesCaption', { n })}
      headers={[t('history.colOld'), t('history.colNew')]}
      fields={fields}
      cells={(f) => [
        { className: 'cst-old', text: fieldValue(f, previous.data?.[f], t, names) },
        { className: 'cst-new', text: fieldValue(f, version.data?.[f], t, names) },
      ]}
    />
  );
}

function Values({ version, n, names }: { version: HistoryVersion; n: number; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const fields = Object.keys(version.data ?? {}).filter((f) => !HIDDEN.has(f));
  return <FieldsTable caption={t('history.valuesCaption', { n })} headers={[t('history.colValue')]} fields={fields} cells={(f) => [{ text: fieldValue(f, version.data?.[f], t, names) }]} />;
}

/** One row per field, named in the page's language, then its values (before and after, or as created). */
function FieldsTable({ caption, headers, fields, cells }: { caption: string; headers: string[]; fields: string[]; cells: (field: string) => { className?: string; text: string }[] }) {
  const { t } = useTranslation();
  return (
    <table className="table table-sm cst-table cst-history-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.colField')}</th>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <th scope="row">{fieldLabel(f, t)}</th>
            {cells(f).map((c, i) => (
              <td key={i} className={c.className}>
                {c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
