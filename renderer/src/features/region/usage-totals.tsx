import { useTranslation } from 'react-i18next';
import type { UsageTotals } from '../../../../shared/domain/federation';
import type { HubService } from '../../../../shared/domain/hub-records';
import { shownMilli, unitWord, type Measure } from '../../../../shared/domain/unit-measure';
import { formatMilli } from '../../../../shared/format/numbers';
import { useApiQuery } from '../../app/use-api-query';
import { DataTable } from '../../components/data-table';
import { SelectField } from '../../components/form-field';
import { formatNumber } from '../../i18n/format';
import { useRegionStore } from './region-store';

/**
 * A service's name and its quantities as this office's catalogue writes them ("Posta
 * elettronica certificata", "12 caselle"); a code the catalogue does not know is shown as is.
 */
export function useServiceText(): { name: (code: string) => string; quantity: (code: string, milli: number, total?: TotalOf) => string } {
  const { t, i18n } = useTranslation();
  const services = useApiQuery('hub.services.list', {}, 0, { keepOnReceived: true }).data ?? [];
  const en = i18n.language === 'en';
  const find = (code: string): HubService | undefined => services.find((s) => s.code === code);
  return {
    name: (code) => {
      const s = find(code);
      if (!s) return code;
      const name = en ? s.nameEn : s.nameIt;
      // "Posta elettronica certificata (PEC)" already says its code.
      return name.includes(code) ? name : `${name} (${code})`;
    },
    // A level's total (mailboxes held, GB) is an average over the months, added up over the
    // municipalities: said so, never passed for a quantity used up.
    quantity: (code, milli, total) => {
      const s = find(code);
      const text = s ? `${formatMilli(shownMilli(s.unit, milli))} ${unitWord(s.unit, shownMilli(s.unit, milli), en ? 'en' : 'it')}` : formatMilli(milli);
      if (total?.measure !== 'level') return text;
      return t(total.over === 'months' ? 'region.monthlyAverage' : 'region.sumOfAverages', { quantity: text });
    },
  };
}

/** What a total covers: one municipality's months, or several municipalities. */
export type TotalOf = { measure: Measure; over: 'months' | 'municipalities' };

/** Totals by service (entries and quantity), in Italian figures: one municipality's, or a province's or the region's. */
export function UsageTotalsTable({ totals, caption, over }: { totals: UsageTotals; caption: string; over: TotalOf['over'] }) {
  const { t } = useTranslation();
  const text = useServiceText();
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'service', header: t('region.colService'), rowHeader: true, cell: (s) => text.name(s.service) },
        { key: 'entries', header: t('region.colEntries'), numeric: true, cell: (s) => formatNumber(s.entries) },
        { key: 'quantity', header: t('region.colQuantity'), numeric: true, cell: (s) => text.quantity(s.service, s.quantityMilli, { measure: s.measure, over }) },
      ]}
      rows={totals.byService}
      rowKey={(s) => s.service}
      empty={t('region.noUsage')}
    />
  );
}

/** The year the totals cover: this year and the four before, or every year. */
export function YearSelect({ id }: { id: string }) {
  const { t } = useTranslation();
  const year = useRegionStore((s) => s.year);
  const setYear = useRegionStore((s) => s.setYear);
  const now = new Date().getFullYear();
  const years = [0, 1, 2, 3, 4].map((d) => now - d);
  return (
    <div className="cst-toolbar">
      <SelectField
        id={id}
        label={t('region.year')}
        value={year === null ? '' : String(year)}
        onChange={(v) => setYear(v ? Number(v) : null)}
        options={[...years.map((y) => ({ value: String(y), label: String(y) })), { value: '', label: t('region.allYears') }]}
      />
    </div>
  );
}
