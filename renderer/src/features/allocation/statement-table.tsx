import { useTranslation } from 'react-i18next';
import type { StatementView } from '../../../../shared/domain/gov-plan';
import { DataTable } from '../../components/data-table';
import { formatEuroCents } from '../../i18n/format';
import { formatBasisPoints } from '../../../../shared/format/numbers';
import { keyText } from '../plan/plan-items';
import type { PlanItemData } from '../../../../shared/records/gov-records';
import { useApiQuery } from '../../app/use-api-query';
import { paidByFew, payersLabel } from '../plan/payers';

type Line = StatementView['lines'][number];

/**
 * A member's statement: each item, its key, its share, what it would pay alone, the savings.
 * `items` (the plan's): an item paid by a few members says who pays on every member's line.
 */
export function StatementTable({ statement, caption, items = [] }: { statement: StatementView; caption?: string; items?: readonly PlanItemData[] }) {
  const { t } = useTranslation();
  const s = statement;
  const members = useApiQuery('members.list', {});
  const names = new Map((members.data ?? []).map((m) => [m.istat, m.name]));
  const byCode = new Map(items.map((i) => [i.code, i]));
  const keyCell = (l: Line) => {
    const item = byCode.get(l.code);
    if (!paidByFew(item)) return l.exempt ? t('allocation.exempt') : keyText(l.key, t);
    const who = payersLabel(item!, names, t);
    return l.exempt ? t('allocation.notPayingWho', { payers: who }) : `${keyText(l.key, t)} · ${who}`;
  };
  return (
    <>
      <DataTable<Line>
        caption={caption ?? t('allocation.statementCaption', { name: s.name ?? s.istat, year: s.year })}
        rows={s.lines}
        rowKey={(l) => l.code}
        empty={t('plan.noItems')}
        columns={[
          { key: 'd', header: t('plan.item.description'), rowHeader: true, cell: (l) => l.description },
          { key: 'k', header: t('plan.item.key'), cell: keyCell },
          { key: 'c', header: t('allocation.share'), numeric: true, cell: (l) => formatEuroCents(l.cents) },
          { key: 'a', header: t('allocation.alone'), numeric: true, cell: (l) => (l.stand_alone_cents === null ? '—' : formatEuroCents(l.stand_alone_cents)) },
          { key: 's', header: t('allocation.savings'), numeric: true, cell: (l) => (l.savings_cents === null ? '—' : formatEuroCents(l.savings_cents)) },
        ]}
      />
      <p className="cst-gov-summary">
        {t('allocation.statementTotal', {
          total: formatEuroCents(s.total_cents),
          alone: formatEuroCents(s.stand_alone_cents),
          savings: formatEuroCents(s.savings_cents),
          percent: formatBasisPoints(s.savings_basis_points),
        })}
      </p>
    </>
  );
}
