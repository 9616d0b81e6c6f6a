/**
 * The municipality's side of the plan (issue 5): the approved plan, its share item by item,
 * its savings, and the state and timeline of its own proposals, all as received from the hub.
 */
import type { MyShare, ProposalTrackView, StatementView } from '../../../shared/domain/gov-plan';
import type { ProposalStatusData } from '../../../shared/records/gov-records';
import type { AppContext } from '../platform/context';
import { stmt } from '../platform/store/statements';
import { toStatementView } from './allocation-service';
import { toTrackView } from './evaluation-service';
import { requireGovMunicipality } from './gov-errors';
import { readPlanVersions, readStatement } from './gov-store';
import { toPlanView } from './plan-service';

export function myShare(ctx: AppContext, input: { year?: number | undefined }): MyShare {
  const { istat } = requireGovMunicipality(ctx);
  const proposals: ProposalTrackView[] = (
    stmt(ctx.db, 'SELECT record_id, data, updated_at FROM gov_proposal_status WHERE owner = ? ORDER BY updated_at DESC').all(istat) as { record_id: string; data: string; updated_at: string }[]
  ).map((r) => toTrackView(JSON.parse(r.data) as ProposalStatusData, r.record_id, r.updated_at));
  const year =
    input.year ??
    (stmt(ctx.db, "SELECT max(year) FROM gov_plan_versions WHERE state = 'approved_by_assembly'").pluck().get() as number | null) ??
    (stmt(ctx.db, 'SELECT max(year) FROM gov_plan_versions').pluck().get() as number | null);
  if (year === null) return { year: null, plan: null, statement: null, proposals };
  const all = readPlanVersions(ctx.db, year);
  // The approved version (the newest approved one), else the newest as information.
  const approved = [...all].reverse().find((v) => v.state === 'approved_by_assembly');
  const shown = approved ?? all[all.length - 1] ?? null;
  const st = approved ? readStatement(ctx.db, year, istat, approved.version) : null;
  const statement: StatementView | null = st ? toStatementView(ctx, st) : null;
  return { year, plan: shown ? toPlanView(shown, all) : null, statement, proposals };
}
