/**
 * Paging and search of the hub's lists (issue 12: thousands of municipalities on one hub), for
 * every layer that pages a list: the hub's members views and the regional hub's federation views.
 * The search folds accents with the reference's own `foldForSearch`, so "forli" finds "Forlì"
 * exactly as the municipality picker does; digits search the ISTAT code from its start.
 */
import { DEFAULT_PAGE_SIZE, type PageInfo } from '../../../../shared/domain/member-page';
import { foldForSearch } from '../reference/municipalities';

/** The folded names, kept: a national registry is folded once, not at every keystroke. */
const folded = new Map<string, string>();
function fold(name: string): string {
  let f = folded.get(name);
  if (f === undefined) folded.set(name, (f = foldForSearch(name)));
  return f;
}

/** The items whose name contains the search (accents and case ignored) or whose ISTAT code starts with it. */
export function searchByNameOrCode<T extends { istat: string; name: string }>(items: T[], search: string | undefined): T[] {
  const q = search ? foldForSearch(search) : '';
  if (!q) return items;
  return /^[0-9]+$/.test(q) ? items.filter((m) => m.istat.startsWith(q)) : items.filter((m) => fold(m.name).includes(q));
}

/** One page of a list; a page past the end gives the last one. */
export function pageOf<T>(items: readonly T[], f: { page?: number | undefined; pageSize?: number | undefined }): { rows: T[]; page: PageInfo } {
  const pageSize = f.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const page = Math.min(f.page ?? 1, pages);
  return { rows: items.slice((page - 1) * pageSize, page * pageSize), page: { page, pageSize, total: items.length, pages } };
}
