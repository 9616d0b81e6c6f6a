import { z } from 'zod';

/**
 * Paging and filtering of the hub's lists of members (issue 12: 7,896 members on one hub). Every
 * field optional: without `page` a view answers as before, whole. With it the server returns one
 * page of members, sorted by name, among those matching the search (name or ISTAT code, accents
 * and case ignored), the province (sigla) and the region (its ISTAT name).
 */
export const MemberPageFields = {
  search: z.string().max(100).optional(),
  province: z.string().regex(/^[A-Z]{2}$/, { message: 'Sigla della provincia di due lettere maiuscole.' }).optional(),
  region: z.string().min(1).max(60).optional(),
  page: z.number().int().min(1).max(100_000).optional(),
  /** Members per page (default 50). */
  pageSize: z.number().int().min(1).max(500).optional(),
};

export interface MemberFilter {
  search?: string | undefined;
  province?: string | undefined;
  region?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;

/** Which page was returned: `total` members match the filter, on `pages` pages. */
export interface PageInfo {
  page: number;
  pageSize: number;
  total: number;
  pages: number;
}
