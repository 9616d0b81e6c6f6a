import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '../../../../shared/domain/gov-plan';
import { useApiQuery } from '../../app/use-api-query';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { SelectField } from '../../components/form-field';
import { Loading } from '../../components/loading';
import { MemberFilterBar, memberQueryInput, useMemberQuery } from '../../components/member-filter';
import { Pager } from '../../components/pager';
import { formatEuroCents } from '../../i18n/format';
import { govErrorMessage } from '../governance/gov-text';
import { GovCsvButton } from '../governance/csv-button';
import { StatementTable } from './statement-table';
import { paidByFew } from '../plan/payers';

/**
 * Member × item with exact cents; every column sums to its item's cost. One page of members at a
 * time (search, province, region: a national plan has 7,896 rows). Then one member's statement.
 */
export function AllocationView({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useMemberQuery();
  const alloc = useApiQuery('plan.allocate', { year: plan.year, version: plan.version, ...memberQueryInput(query) });
  const [istat, setIstat] = useState('');
  if (alloc.state === 'error') return <Alert tone="danger">{govErrorMessage(alloc.error, t, i18n.language)}</Alert>;
  if (!alloc.data) return <Loading />;
  const pageMembers = alloc.data.members ?? [];
  const names = new Map(pageMembers.map((m) => [m.istat, m.name]));
  const items = alloc.data.items;
  // By name, as the server paged them.
  const istats = pageMembers.map((m) => m.istat);
  const cell = new Map(items.flatMap((i) => i.shares.map((s) => [`${i.code}|${s.istat}`, s.cents] as const)));
  const chosen = istat || istats[0] || '';
  const fewPay = new Set(plan.items.filter(paidByFew).map((i) => i.code));
  return (
    <>
      <Card title={t('allocation.title')} id="plan-allocation">
        <p className="cst-hint">{t(plan.state === 'approved_by_assembly' ? 'allocation.frozen' : 'allocation.provisional')}</p>
        <MemberFilterBar id="allocation" query={query} onChange={setQuery} />
        <div className="table-responsive cst-wide-table">
          <table className="table cst-table cst-table-compact">
            <caption className="visually-hidden">{t('allocation.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('allocation.member')}</th>
                {items.map((i) => (
                  <th scope="col" key={i.code} className="text-end">
                    {i.code}
                  </th>
                ))}
                <th scope="col" className="text-end">
                  {t('allocation.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {istats.map((m) => (
                <tr key={m}>
                  <th scope="row">{names.get(m) ?? m}</th>
                  {items.map((i) => (
                    <td key={i.code} className="text-end">
                      {i.exempt.includes(m) ? t(fewPay.has(i.code) ? 'allocation.notPaying' : 'allocation.exempt') : formatEuroCents(cell.get(`${i.code}|${m}`) ?? 0)}
                    </td>
                  ))}
                  <td className="text-end">
                    <strong>{formatEuroCents(items.reduce((s, i) => s + (cell.get(`${i.code}|${m}`) ?? 0), 0))}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('allocation.itemTotal')}</th>
                {items.map((i) => (
                  <td key={i.code} className="text-end">
                    <strong>{formatEuroCents(i.cost_cents)}</strong>
                  </td>
                ))}
                <td className="text-end">
                  <strong>{formatEuroCents(items.reduce((s, i) => s + i.cost_cents, 0))}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <Pager id="allocation-pager" page={alloc.data.page} onPage={(page) => setQuery({ page })} />
        <GovCsvButton table="allocation" year={plan.year} label={t('allocation.exportCsv')} />
      </Card>
      <Card title={t('allocation.statementTitle')} id="plan-statement">
        <div className="col-md-6">
          <SelectField id="statement-member" label={t('allocation.statementMember')} value={chosen} onChange={setIstat} options={istats.map((m) => ({ value: m, label: names.get(m) ?? m }))} />
        </div>
        {chosen ? <MemberStatement plan={plan} istat={chosen} /> : null}
      </Card>
    </>
  );
}

function MemberStatement({ plan, istat }: { plan: PlanView; istat: string }) {
  const { t, i18n } = useTranslation();
  const { year, version } = plan;
  const st = useApiQuery('plan.statement', { year, version, istat });
  if (st.state === 'error') return <Alert tone="info">{govErrorMessage(st.error, t, i18n.language)}</Alert>;
  if (!st.data) return <Loading />;
  return (
    <>
      <StatementTable statement={st.data} items={plan.items} />
      <GovCsvButton table="statement" year={year} istat={istat} label={t('allocation.statementCsv')} />
    </>
  );
}
