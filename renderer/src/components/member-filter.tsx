import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../app/use-api-query';
import { SelectField, TextField } from './form-field';

/**
 * Search, province, region and page of a hub list of members (issue 12: 7,896 members on one
 * hub). The server filters and pages (`MemberPageFields`); a screen never renders more than one
 * page of rows, turned by the one Pager (pager.tsx).
 */
export interface MemberQuery {
  search: string;
  province: string;
  region: string;
  page: number;
}

export const MEMBERS_PER_PAGE = 50;

/** The query's state; a change of search, province or region goes back to the first page. */
export function useMemberQuery(initial: Partial<MemberQuery> = {}): [MemberQuery, (patch: Partial<MemberQuery>) => void] {
  const [q, setQ] = useState<MemberQuery>({ search: '', province: '', region: '', page: 1, ...initial });
  return [q, (patch) => setQ((cur) => ({ ...cur, page: 1, ...patch }))];
}

/** The API input fields of a query (empty filters left out). */
export function memberQueryInput(q: MemberQuery, pageSize = MEMBERS_PER_PAGE) {
  return {
    page: q.page,
    pageSize,
    ...(q.search.trim() ? { search: q.search.trim() } : {}),
    ...(q.province ? { province: q.province } : {}),
    ...(q.region ? { region: q.region } : {}),
  };
}

export function MemberFilterBar({ id, query, onChange }: { id: string; query: MemberQuery; onChange: (patch: Partial<MemberQuery>) => void }) {
  const { t } = useTranslation();
  const provinces = useApiQuery('reference.provinces', {}, 0, { keepOnReceived: true }).data ?? [];
  const regions = [...new Set(provinces.map((p) => p.region))].sort((a, b) => a.localeCompare(b, 'it'));
  const inRegion = query.region ? provinces.filter((p) => p.region === query.region) : provinces;
  return (
    <div className="cst-toolbar cst-member-filter" role="search" aria-label={t('memberFilter.label')}>
      <TextField id={`${id}-search`} label={t('memberFilter.search')} hint={t('memberFilter.searchHint')} value={query.search} onChange={(search) => onChange({ search })} maxLength={100} />
      <SelectField
        id={`${id}-region`}
        label={t('memberFilter.region')}
        value={query.region}
        onChange={(region) => onChange({ region, province: '' })}
        options={[{ value: '', label: t('memberFilter.allRegions') }, ...regions.map((r) => ({ value: r, label: r }))]}
      />
      <SelectField
        id={`${id}-province`}
        label={t('memberFilter.province')}
        value={query.province}
        onChange={(province) => onChange({ province })}
        options={[{ value: '', label: t('memberFilter.allProvinces') }, ...inRegion.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))]}
      />
    </div>
  );
}
