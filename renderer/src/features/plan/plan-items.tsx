import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';
import type { PlanView } from '../../../../shared/domain/gov-plan';
import type { PlanItemData } from '../../../../shared/records/gov-records';
import { useApi } from '../../app/api-context';
import { useApiQuery } from '../../app/use-api-query';
import { Card } from '../../components/card';
import { DataTable } from '../../components/data-table';
import { FileField } from '../../components/file-field';
import { Modal } from '../../components/modal';
import { useToastStore } from '../../components/toast-store';
import { formatEuroCents } from '../../i18n/format';
import { govErrorMessage } from '../governance/gov-text';
import { readFileAsBase64 } from '../../platform/read-file';
import { GovCsvButton } from '../governance/csv-button';
import { toItemInput } from '../../../../shared/domain/gov-plan';
import { itemApiError, type PlanItemInput } from './item-draft';
import { ItemForm } from './item-form';
import { payersLabel, quantityNote, quantityText } from './payers';
import { usePlanStore } from './store';

export function keyText(k: { equal: number; population: number; usage: number }, t: (s: string) => string): string {
  return (['equal', 'population', 'usage'] as const)
    .filter((c) => k[c] > 0)
    .map((c) => `${t(`plan.key.${c}`)} ${k[c]}%`)
    .join(', ');
}

/** The plan's items (editable in a draft), totals by category, CSV import and export. */
export function PlanItems({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const changed = usePlanStore((s) => s.changed);
  const toast = useToastStore((s) => s.show);
  const members = useApiQuery('members.list', {});
  const names = new Map((members.data ?? []).map((m) => [m.istat, m.name]));
  const [editing, setEditing] = useState<PlanItemData | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError>();
  const [importError, setImportError] = useState<string>();

  const edit = (item: PlanItemData | 'new') => {
    setApiError(undefined); // the last refusal was about the item then in the form
    setEditing(item);
  };
  /** Saves the whole list; `index`: the item in the form (a refusal about it goes beside its field). */
  const save = async (items: PlanItemInput[], index = -1) => {
    setBusy(true);
    const res = await api.call('plan.saveItems', { year: plan.year, version: plan.version, items });
    setBusy(false);
    if (!res.ok) return setApiError(itemApiError(res.error, index, items[index]?.code ?? ''));
    setApiError(undefined);
    setEditing(null);
    toast('success', { key: 'plan.itemsSaved', params: { total: formatEuroCents(res.value.totalCents) } });
    changed();
  };
  const saveOne = (input: PlanItemInput) => {
    if (editing === 'new') return void save([...plan.items.map(toItemInput), input], plan.items.length);
    const index = plan.items.findIndex((i) => i.code === editing?.code);
    void save(plan.items.map((i, n) => (n === index ? input : toItemInput(i))), index);
  };
  const importCsv = async (file: File | undefined) => {
    if (!file) return;
    const picked = await readFileAsBase64(file);
    const res = await api.call('plan.import', { year: plan.year, contentBase64: picked.contentBase64 });
    if (!res.ok) return setImportError(govErrorMessage(res.error, t, i18n.language));
    setImportError(undefined);
    toast('success', { key: 'plan.imported', params: { count: res.value.items.length } });
    changed();
  };

  return (
    <>
      <Card title={t('plan.itemsTitle')} id="plan-items">
        {plan.editable ? <p className="cst-hint">{t('plan.itemsIntro')}</p> : <p className="cst-hint">{t('plan.readOnly')}</p>}
        {/* A refused removal (no item form is open to show it). */}
        {editing === null && apiError ? (
          <p className="cst-field-error" role="alert">
            {govErrorMessage(apiError, t, i18n.language)}
          </p>
        ) : null}
        <DataTable<PlanItemData>
          caption={t('plan.itemsTitle')}
          captionHidden
          rows={plan.items}
          rowKey={(i) => i.code}
          empty={t('plan.noItems')}
          columns={[
            { key: 'code', header: t('plan.item.code'), cell: (i) => i.code },
            { key: 'desc', header: t('plan.item.description'), rowHeader: true, cell: (i) => i.description },
            { key: 'cat', header: t('plan.item.category'), cell: (i) => t(`plan.category.${i.category}`) },
            {
              key: 'calc',
              header: t('plan.colCalc'),
              cell: (i) => {
                const calc =
                  i.unit_cents > 0
                    ? t('plan.calcText', { fixed: formatEuroCents(i.fixed_cents), unit: formatEuroCents(i.unit_cents), qty: quantityText(i.quantity_milli, t) })
                    : i.one_off_cents > 0
                      ? t('plan.calcOneOff', { oneOff: formatEuroCents(i.one_off_cents), yearly: formatEuroCents(i.fixed_cents) })
                      : formatEuroCents(i.fixed_cents);
                // Where the quantity comes from, on the screen (an estimate, or unknown): never a silent 0.
                const note = i.unit_cents > 0 ? quantityNote(i, t, i18n.language) : null;
                return note ? (
                  <>
                    {calc}
                    <br />
                    <small className={i.quantity_milli === null ? 'cst-field-error' : 'cst-hint'}>{note}</small>
                  </>
                ) : (
                  calc
                );
              },
            },
            { key: 'cost', header: t('plan.colCost'), numeric: true, cell: (i) => formatEuroCents(i.cost_cents) },
            {
              key: 'key',
              header: t('plan.colKeyPayers'),
              cell: (i) => (
                <>
                  {keyText(i.key, t)}
                  <br />
                  <span className="cst-gov-payers">{t('plan.payersLine', { payers: payersLabel(i, names, t) })}</span>
                </>
              ),
            },
            ...(plan.editable
              ? [
                  {
                    key: 'edit',
                    header: <span className="visually-hidden">{t('plan.colActions')}</span>,
                    cell: (i: PlanItemData) => (
                      <span className="cst-row-actions">
                        <button type="button" className="btn btn-outline-primary btn-sm" aria-label={`${t('plan.edit')} ${i.description}`} onClick={() => edit(i)}>
                          {t('plan.edit')}
                        </button>{' '}
                        <button type="button" className="btn btn-outline-danger btn-sm" aria-label={`${t('plan.remove')} ${i.description}`}
                          onClick={() => void save(plan.items.filter((x) => x.code !== i.code).map(toItemInput))}
                        >
                          {t('plan.remove')}
                        </button>
                      </span>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <div className="cst-gov-toolbar">
          {plan.editable ? (
            <button type="button" className="btn btn-primary" onClick={() => edit('new')}>
              {t('plan.addItem')}
            </button>
          ) : null}
          <GovCsvButton table="plan" year={plan.year} label={t('plan.exportCsv')} />
        </div>
        {plan.editable ? (
          <FileField id="plan-import" label={t('plan.importLabel')} hint={t('plan.importHint')} error={importError} accept=".csv,text/csv" onFiles={(files) => void importCsv(files[0])} />
        ) : null}
      </Card>
      <Card title={t('plan.byCategory')} id="plan-categories">
        <DataTable
          caption={t('plan.byCategory')}
          captionHidden
          rows={[...plan.byCategory, { category: 'total' as never, label: t('plan.total'), cents: plan.totalCents }]}
          rowKey={(c) => c.category}
          empty={t('plan.noItems')}
          columns={[
            { key: 'c', header: t('plan.item.category'), rowHeader: true, cell: (c) => (c.category === ('total' as never) ? t('plan.total') : t(`plan.category.${c.category}`)) },
            { key: 'v', header: t('plan.colCost'), numeric: true, cell: (c) => formatEuroCents(c.cents) },
          ]}
        />
      </Card>
      <Modal open={editing !== null} title={editing === 'new' ? t('plan.addItem') : t('plan.editTitle')} onClose={() => setEditing(null)}>
        {editing !== null ? (
          <ItemForm
            key={editing === 'new' ? 'new' : editing.code}
            item={editing === 'new' ? null : editing}
            members={members.data ?? []}
            busy={busy}
            apiError={apiError}
            onCancel={() => setEditing(null)}
            onSave={saveOne}
          />
        ) : null}
      </Modal>
    </>
  );
}
