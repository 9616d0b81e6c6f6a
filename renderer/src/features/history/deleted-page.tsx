import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletedRecord } from '../../../../shared/domain/history';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { DataTable, type Column } from '../../components/data-table';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { PageTitle } from '../../components/page-title';
import { useToastStore } from '../../components/toast-store';
import { formatDateTime } from '../../i18n/format';
import { apiErrorMessage, apiErrorToMessage } from '../../i18n/messages';
import { navigateTo } from '../../platform/hash-location';
import { GlossaryLink } from '../help/glossary-link';
import { HistoryButton } from './history-button';
import { DELETED_KINDS, describeDeleted, isDeletedKind, staffName, type DeletedNames } from './deleted-text';

const PAGE = 50;

/**
 * "Dati eliminati": the records deleted on this workstation and not restored since, newest
 * first, each with "Ripristina" (a new version with the data it had, sent like any edit) and its
 * "Cronologia". One page for every kind, reading the log's deletions: the lists keep only the
 * records alive (their totals too), so deleted ones never mix into them. Each list links here,
 * filtered to its kind (`#/deleted/usage`).
 */
export function DeletedPage({ kind }: { kind: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const showToast = useToastStore((s) => s.show);
  const filter = isDeletedKind(kind) ? kind : '';
  const [limit, setLimit] = useState(PAGE);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const deleted = useApiQuery('history.deleted', { limit, ...(filter ? { kind: filter } : {}) }, version);
  const names = useDeletedNames(deleted.data?.items ?? [], version);

  const restore = async (item: DeletedRecord, what: string) => {
    setBusy(item.id);
    const r = await api.call('history.restore', { kind: item.kind, id: item.id });
    setBusy(null);
    if (!r.ok) {
      showToast('danger', apiErrorToMessage(r.error));
      return;
    }
    // One toast at a time: a person back without the name (never in the log) says so instead.
    if (r.value.nameToRetype) showToast('warning', { key: 'deleted.restoredNoName', params: { what } });
    else showToast('success', { key: 'deleted.restored', params: { what } });
    setVersion((v) => v + 1);
  };

  const columns: Column<DeletedRecord & { what: string }>[] = [
    { key: 'kind', header: t('deleted.colKind'), cell: (r) => t(`deleted.kinds.${r.kind}`, { defaultValue: r.kind }) },
    { key: 'what', header: t('deleted.colWhat'), rowHeader: true, cell: (r) => r.what },
    { key: 'when', header: t('deleted.colWhen'), cell: (r) => formatDateTime(r.deletedAt) },
    {
      key: 'actions',
      header: t('common.actions'),
      cell: (r) => (
        <div className="cst-row-actions">
          <button type="button" className="btn btn-sm btn-primary cst-row-action" disabled={busy !== null} onClick={() => void restore(r, r.what)}>
            {busy === r.id ? t('deleted.restoring') : t('deleted.restore')}
            <span className="visually-hidden">: {r.what}</span>
          </button>
          <HistoryButton target={{ kind: r.kind, id: r.id, what: r.what, names: Object.fromEntries(names.byId) }} />
        </div>
      ),
    },
  ];
  const rows = (deleted.data?.items ?? []).map((item) => ({ ...item, what: describeDeleted(item, names, t, i18n.language) }));

  return (
    <>
      <PageTitle>{t('deleted.title')}</PageTitle>
      <p className="cst-lead">{t('deleted.intro')}</p>
      <p>
        <GlossaryLink term="cronologia" />
      </p>
      <div className="cst-toolbar">
        <SelectField
          id="deleted-kind"
          label={t('deleted.kindLabel')}
          value={filter}
          options={[{ value: '', label: t('deleted.kindAll') }, ...DELETED_KINDS.map((k) => ({ value: k, label: t(`deleted.kinds.${k}`) }))]}
          onChange={(v) => {
            setLimit(PAGE);
            navigateTo(v ? `/deleted/${v}` : '/deleted');
          }}
        />
      </div>
      {deleted.state === 'error' ? (
        <Alert tone="danger" live>
          {apiErrorMessage(deleted.error, t, i18n.language)}
        </Alert>
      ) : null}
      {!deleted.data && deleted.state === 'loading' ? <Loading /> : null}
      {deleted.data ? (
        <DataTable caption={t('deleted.caption')} captionHidden columns={columns} rows={rows} rowKey={(r) => `${r.kind}/${r.id}`} empty={filter ? t('deleted.emptyKind') : t('deleted.empty')} />
      ) : null}
      {deleted.data?.more && limit < 200 ? (
        <button type="button" className="btn btn-outline-primary" onClick={() => setLimit((n) => Math.min(200, n + PAGE))}>
          {t('deleted.more')}
        </button>
      ) : null}
    </>
  );
}

/**
 * The names the deleted rows refer to: services, and people, courses and groups by id, alive
 * (their lists) or deleted themselves (their last data, on this page).
 */
function useDeletedNames(items: readonly DeletedRecord[], version: number): DeletedNames {
  const services = useApiQuery('catalogue.list', {});
  const refersToOthers = items.some((i) => i.kind === 'participation' || i.kind === 'group_membership' || i.kind === 'group_meeting');
  const staff = useApiQuery('staff.list', { includeInactive: true }, version);
  const courses = useApiQuery('courses.list', {}, version);
  const groups = useApiQuery('groups.list', {}, version);
  return useMemo(() => {
    const byId = new Map<string, string>();
    if (refersToOthers) {
      for (const s of staff.data ?? []) byId.set(s.id, staffName({ code: s.code, display_name: s.displayName, role: '', office: '' }));
      for (const c of courses.data ?? []) byId.set(c.id, c.title);
      for (const g of groups.data ?? []) byId.set(g.id, g.name);
    }
    for (const i of items) {
      if (i.kind === 'staff') byId.set(i.id, staffName({ code: i.data.code, display_name: i.data.display_name, role: '', office: '' }));
      if (i.kind === 'course') byId.set(i.id, String(i.data.title ?? ''));
      if (i.kind === 'local_group') byId.set(i.id, String(i.data.name ?? ''));
    }
    return { services: new Map((services.data ?? []).map((s) => [s.code, s])), byId };
  }, [items, refersToOthers, services.data, staff.data, courses.data, groups.data]);
}
