/**
 * The members a paged hub view shows (issue 12): the registry filtered by search text, province
 * and region, sorted by name, cut to one page. The registry is small even for all of Italy
 * (7,896 rows, ~3 ms to read): the search and the paging are platform/paging's, shared with
 * the regional hub's views.
 */
import type Database from 'better-sqlite3';
import type { MemberFilter } from '../../../../shared/domain/member-page';
import { searchByNameOrCode } from '../../platform/paging/paging';
import { listProvinces } from '../../platform/reference/municipalities';
import { stmt } from '../../platform/store/statements';

export interface SelectedMember {
  istat: string;
  name: string;
  province: string;
}

let regions: Map<string, string> | null = null;
/** Province sigla → region name (ISTAT), from the reference shipped with the app. */
export function regionOfProvince(province: string): string | null {
  regions ??= new Map(listProvinces().map((p) => [p.code, p.region]));
  return regions.get(province) ?? null;
}

export function provincesOfRegion(region: string): string[] {
  return listProvinces()
    .filter((p) => p.region.toLowerCase() === region.toLowerCase())
    .map((p) => p.code);
}

/** Narrows the members: a search, a province or a region (a page alone does not). */
export function narrows(f: MemberFilter): boolean {
  return Boolean(f.search?.trim() || f.province || f.region);
}

/** Every member matching the filter, by name (then ISTAT code). */
export function selectMembers(db: Database.Database, f: MemberFilter): SelectedMember[] {
  const where: string[] = [];
  const params: string[] = [];
  if (f.province) {
    where.push('province = ?');
    params.push(f.province);
  }
  if (f.region) {
    where.push('province IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(provincesOfRegion(f.region)));
  }
  const sql = `SELECT istat, name, province FROM members${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY name COLLATE NOCASE, istat`;
  return searchByNameOrCode(stmt(db, sql).all(...params) as SelectedMember[], f.search);
}

export { pageOf } from '../../platform/paging/paging';
