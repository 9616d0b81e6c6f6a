/**
 * The allocation as a screen reads it at national scale (issue 12): 40 items × 7,896 members
 * are 315,840 shares, far too many to send or show, and ~10 ms of computing per item. The
 * whole allocation is kept in memory per database and plan version until anything is written
 * to the database (SQLite's own change counters: `total_changes()` for this connection,
 * `data_version` for another's), so paging, searching and filtering read it again for nothing.
 * After a write (an import) the inputs are read again — the registry and the usage, a few
 * indexed reads — and only the items whose inputs changed are computed again: an item's shares
 * depend on its cost, key, exemptions and usage and on the members, nothing else, so an item
 * whose inputs are equal keeps its shares. A page returns the shares of its members only.
 */
import type Database from 'better-sqlite3';
import type { PlanAllocationPage } from '../../../shared/domain/gov-plan';
import type { MemberFilter } from '../../../shared/domain/member-page';
import { allocatePlan, type AllocatedItem, type PlanAllocation, type PlanItemInput } from '../../../shared/governance/allocation';
import type { PlanVersionData } from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { pageOf, selectMembers } from '../hub/members/member-selection';
import { allocationInputs, frozenAllocation } from './allocation-service';
import { withRules } from './gov-errors';
import type { GovMember } from './plan-items';

interface Kept {
  version: string;
  mark: string;
  alloc: PlanAllocation;
  /** The members and each item's inputs the computed allocation came from (none when frozen). */
  members: GovMember[] | null;
  items: Map<string, { input: PlanItemInput; item: AllocatedItem }>;
}

const cache = new WeakMap<Database.Database, Kept>();

/** Changes whenever any row of the database changes, here or through another connection. */
function changeMark(db: Database.Database): string {
  return `${db.prepare('SELECT total_changes()').pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
}

const sameList = <T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean) =>
  (a ?? []).length === (b ?? []).length && (a ?? []).every((x, i) => same(x, (b ?? [])[i]!));

function sameMembers(a: readonly GovMember[], b: readonly GovMember[]): boolean {
  return sameList(a, b, (x, y) => x.istat === y.istat && x.population === y.population);
}

function sameInput(a: PlanItemInput | undefined, b: PlanItemInput): boolean {
  return (
    a !== undefined &&
    a.code === b.code &&
    a.costCents === b.costCents &&
    a.key.equal === b.key.equal &&
    a.key.population === b.key.population &&
    a.key.usage === b.key.usage &&
    sameList(a.exempt, b.exempt, (x, y) => x === y) &&
    sameList(a.usage, b.usage, (x, y) => x.istat === y.istat && x.usage === y.usage)
  );
}

export function cachedAllocation(ctx: AppContext, v: PlanVersionData): PlanAllocation {
  const version = `${v.year}:${v.version}`;
  const mark = changeMark(ctx.db);
  const hit = cache.get(ctx.db);
  if (hit?.version === version && hit.mark === mark) return hit.alloc;
  const frozen = frozenAllocation(ctx, v);
  if (frozen) {
    cache.set(ctx.db, { version, mark, alloc: frozen, members: null, items: new Map() });
    return frozen;
  }
  const { members, inputs } = allocationInputs(ctx, v);
  const previous = hit?.version === version && hit.members && sameMembers(hit.members, members) ? hit.items : new Map<string, { input: PlanItemInput; item: AllocatedItem }>();
  // Codes repeated: the whole plan goes to the rule, which refuses them as it always did.
  const again = new Set(inputs.map((i) => i.code)).size === inputs.length ? inputs.filter((i) => !sameInput(previous.get(i.code)?.input, i)) : inputs;
  const computed = new Map(withRules(() => allocatePlan(v.year, again, members)).items.map((item) => [item.code, item]));
  const items = new Map(inputs.map((input) => [input.code, { input, item: computed.get(input.code) ?? previous.get(input.code)!.item }]));
  const alloc: PlanAllocation = { year: v.year, items: inputs.map((i) => items.get(i.code)!.item) };
  cache.set(ctx.db, { version, mark, alloc, members, items });
  return alloc;
}

export function allocationPage(ctx: AppContext, v: PlanVersionData, f: MemberFilter & { item?: string | undefined }): PlanAllocationPage {
  const whole = cachedAllocation(ctx, v);
  const alloc = f.item === undefined ? whole : { ...whole, items: whole.items.filter((i) => i.code === f.item) };
  if (f.page === undefined) return alloc;
  const allocated = new Set(whole.items[0]?.shares.map((s) => s.istat) ?? []);
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
