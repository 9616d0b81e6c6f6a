/**
 * The municipality's side of the plan (issue 5): the approved plan, its share item by item,
 * its savings, and the state and timeline of its own proposals, all as received from the hub.
 */
import type { MyShare, StatementView } from '../../../shared/domain/gov-plan';
import { proposalState } from '../../../shared/governance/proposal-state';
import type { ProposalData } from '../../../shared/records/proposals';
import { requireInstallation } from '../platform/installation/installation-store';
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
  const name = requireInstallation(ctx.db).name;
  // Each with the one state (shared/governance/proposal-state.ts) from the member's own record
  // and the hub's track: the same as Proposte shows (a withdrawal included).
  const proposals = (
    stmt(
      ctx.db,
      `SELECT s.record_id, s.data, s.updated_at, p.data AS own, p.updated_at AS own_at
       FROM gov_proposal_status s LEFT JOIN proposals p ON p.id = s.proposal_id WHERE s.owner = ? ORDER BY s.updated_at DESC`,
    ).all(istat) as { record_id: string; data: string; updated_at: string; own: string | null; own_at: string | null }[]
  ).map((r) => {
    const track = toTrackView(JSON.parse(r.data) as ProposalStatusData, r.record_id, r.updated_at);
    const own = r.own ? (JSON.parse(r.own) as ProposalData) : null;
    const member = own
      ? { status: own.status, version: own.version, submittedAt: own.submitted_at, changedAt: r.own_at ?? r.updated_at, name }
      : // A restored installation may hold the hub's track before its own proposal is recovered.
        { status: 'submitted' as const, version: 1, submittedAt: null, changedAt: r.updated_at, name };
    return { ...track, state: proposalState({ member, track, reader: 'municipality' }) };
  });
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
