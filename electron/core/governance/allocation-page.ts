/**
 * The allocation as a screen reads it at national scale (issue 12): 40 items × 7,896 members
 * are 315,840 shares, computed in ~a second and far too many to send or show. The whole
 * allocation is kept in memory per database and plan version until anything is written to the
 * database (SQLite's own change counters: `total_changes()` for this connection, `data_version`
 * for another's), so paging, searching and filtering read it again for nothing; the first read
 * after an import computes it once more. A page returns the shares of its members only.
 */
import type Database from 'better-sqlite3';
import type { PlanAllocationPage } from '../../../shared/domain/gov-plan';
import type { MemberFilter } from '../../../shared/domain/member-page';
import type { PlanAllocation } from '../../../shared/governance/allocation';
import type { PlanVersionData } from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { pageOf, selectMembers } from '../hub/members/member-selection';
import { allocationOf } from './allocation-service';

const cache = new WeakMap<Database.Database, { key: string; alloc: PlanAllocation }>();

/** Changes whenever any row of the database changes, here or through another connection. */
function changeMark(db: Database.Database): string {
  return `${db.prepare('SELECT total_changes()').pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
}

export function cachedAllocation(ctx: AppContext, v: PlanVersionData): PlanAllocation {
  const key = `${v.year}:${v.version}:${changeMark(ctx.db)}`;
  const hit = cache.get(ctx.db);
  if (hit?.key === key) return hit.alloc;
  const alloc = allocationOf(ctx, v);
  cache.set(ctx.db, { key, alloc });
  return alloc;
}

export function allocationPage(ctx: AppContext, v: PlanVersionData, f: MemberFilter): PlanAllocationPage {
  const alloc = cachedAllocation(ctx, v);
  if (f.page === undefined) return alloc;
  const allocated = new Set(alloc.items[0]?.shares.map((s) => s.istat) ?? []);
  const { rows, page } = pageOf(
    selectMembers(ctx.db, f).filter((m) => allocated.has(m.istat)),
    f,
  );
  const shown = new Set(rows.map((m) => m.istat));
  return {
    year: alloc.year,
    items: alloc.items.map((i) => ({ ...i, exempt: i.exempt.filter((x) => shown.has(x)), shares: i.shares.filter((s) => shown.has(s.istat)) })),
    page,
    members: rows,
  };
}
