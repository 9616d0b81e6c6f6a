/**
 * The members a paged hub view shows (issue 12): the registry filtered by search text, province
 * and region, sorted by name, cut to one page. The registry is small even for all of Italy
 * (7,896 rows, ~3 ms to read): the search folds accents in JavaScript with the reference's own
 * `foldForSearch`, so "forli" finds "Forlì" exactly as the municipality picker does.
 */
import type Database from 'better-sqlite3';
import { DEFAULT_PAGE_SIZE, type MemberFilter, type PageInfo } from '../../../../shared/domain/member-page';
import { foldForSearch, listProvinces } from '../../platform/reference/municipalities';
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

const folded = new Map<string, string>();
const fold = (name: string) => {
  let f = folded.get(name);
  if (f === undefined) folded.set(name, (f = foldForSearch(name)));
  return f;
};

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
  const all = stmt(db, sql).all(...params) as SelectedMember[];
  const q = f.search ? foldForSearch(f.search) : '';
  if (!q) return all;
  return /^[0-9]+$/.test(q) ? all.filter((m) => m.istat.startsWith(q)) : all.filter((m) => fold(m.name).includes(q));
}

/** One page of a list; a page past the end gives the last one. */
export function pageOf<T>(items: readonly T[], f: MemberFilter): { rows: T[]; page: PageInfo } {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const page = Math.min(f.page ?? 1, pages);
  return { rows: items.slice((page - 1) * pageSize, page * pageSize), page: { page, pageSize, total: items.length, pages } };
}
