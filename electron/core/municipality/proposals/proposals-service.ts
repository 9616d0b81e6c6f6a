import type { ParsedInput } from '../../../../shared/api/contract';
import type { Proposal, ProposalDetail } from '../../../../shared/domain/proposals';
import { proposalKind, type ProposalData } from '../../../../shared/records/proposals';
import { insertAttachmentRow, storeAttachment } from '../../sync/attachments/attachment-store';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { recordHistory } from '../history/history';
import { deleteRecord, notFound, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { findMunicipality } from '../../platform/reference/municipalities';
import { requireInstallation } from '../../platform/installation/installation-store';
import { PROPOSAL_STAGE_LABELS, PROPOSAL_STAGE_LABELS_EN, proposalState, UNDECIDED, type MemberAction, type ProposalStateView } from '../../../../shared/governance/proposal-state';
import type { ProposalStatusData } from '../../../../shared/records/gov-records';

export interface ProposalRow {
  id: string;
  status: ProposalData['status'];
  data: string;
  created_at: string;
  updated_at: string;
}

/**
 * The one state of the proposal (shared/governance/proposal-state.ts): the member's record with
 * the hub's track as received in the hub's bundles (gov_proposal_status, written by governance's
 * projector on both roles), so that Proposte and Piano e quote agree with the hub.
 */
export function stateOf(ctx: AppContext, r: ProposalRow, d: ProposalData): ProposalStateView {
  const track = stmt(ctx.db, 'SELECT data FROM gov_proposal_status WHERE proposal_id = ?').pluck().get(r.id) as string | undefined;
  return proposalState({
    member: { status: d.status, version: d.version, submittedAt: d.submitted_at, changedAt: r.updated_at, name: requireInstallation(ctx.db).name },
    track: track ? (JSON.parse(track) as ProposalStatusData) : null,
    reader: 'municipality',
  });
}

/** Refuses what the proposal's state no longer allows the member (the same list the screen offers). */
function requireMemberAction(ctx: AppContext, r: ProposalRow, action: MemberAction): void {
  const d = JSON.parse(r.data) as ProposalData;
  const state = stateOf(ctx, r, d);
  if (state.memberActions.includes(action)) return;
  if (d.status === 'withdrawn') {
    throw appError(action === 'attach' ? 'proposals.withdrawnNoAttachments' : action === 'withdraw' ? 'proposals.withdrawOnlySubmitted' : 'proposals.withdrawnNoChange', {}, { field: 'id' });
  }
  if (state.hubStatus !== null && !UNDECIDED.has(state.hubStatus)) {
    throw appError('proposals.decided', { state: PROPOSAL_STAGE_LABELS[state.stage], stateEn: PROPOSAL_STAGE_LABELS_EN[state.stage] }, { field: 'id', params: { stage: state.stage } });
  }
  throw appError(action === 'withdraw' ? 'proposals.withdrawOnlySubmitted' : action === 'submit' ? 'proposals.submitOnlyDraft' : 'proposals.submittedNoDelete', {}, { field: 'id' });
}

function toProposal(ctx: AppContext, r: ProposalRow): Proposal {
  const d = JSON.parse(r.data) as ProposalData;
  return {
    state: stateOf(ctx, r, d),
    id: r.id,
    status: d.status,
    version: d.version,
    title: d.title,
    problem: d.problem,
    solution: d.solution,
    groupId: d.group_id,
    benefits: d.benefits,
    beneficiaries: d.beneficiaries,
    oneOffCents: d.one_off_cents,
    yearlyCents: d.yearly_cents,
    attachments: d.attachments,
    submittedAt: d.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: d.updated_by,
  };
}

function getRow(ctx: AppContext, id: string): ProposalRow {
  const row = stmt(ctx.db, 'SELECT * FROM proposals WHERE id = ?').get(id) as ProposalRow | undefined;
  if (!row) throw notFound('proposal', id);
  return row;
}

/** Writes the new state: one event and the current row, in the caller's transaction. */
function save(ctx: AppContext, id: string, data: ProposalData): Proposal {
  const parsed = putRecord(ctx, proposalKind, id, { ...data, updated_by: operatorName(ctx) });
  const at = ctx.clock.now();
  stmt(
    ctx.db,
    `INSERT INTO proposals (id, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(id, parsed.status, JSON.stringify(parsed), at, at);
  return toProposal(ctx, getRow(ctx, id));
}

/**
 * A content change: a draft is edited in place; a submitted proposal is locked, so the change
 * becomes its next version (still submitted); a withdrawn one cannot change.
 */
function changeContent(ctx: AppContext, id: string, change: (d: ProposalData) => ProposalData, action: MemberAction = 'edit'): Proposal {
  const row = getRow(ctx, id);
  const current = JSON.parse(row.data) as ProposalData;
  requireMemberAction(ctx, row, action);
  const next = change(current);
  return save(ctx, id, current.status === 'submitted' ? { ...next, version: current.version + 1 } : next);
}

/** A group named locally, or one received from the consortium (a read-only copy). */
function checkGroup(ctx: AppContext, groupId: string | null): void {
  if (!groupId) return;
  const local = stmt(ctx.db, 'SELECT 1 FROM thematic_groups WHERE id = ?').get(groupId);
  const received = stmt(ctx.db, "SELECT 1 FROM received_records WHERE id = ? AND owner <> '' AND kind LIKE '%group%' AND deleted = 0").get(groupId);
  if (!local && !received) {
    throw appError('proposals.groupNotFound', {}, { field: 'groupId' });
  }
}

/** The other members that would benefit must be real municipalities of ISTAT's list. */
function checkBeneficiaries(codes: string[]): void {
  codes.forEach((code, i) => {
    if (!findMunicipality(code)) {
      throw appError('proposals.beneficiaryUnknown', { istat: code }, { field: `beneficiaries.${i}` });
    }
  });
}

function content(input: ParsedInput<'proposals.create'>) {
  return {
    title: input.title,
    problem: input.problem,
    solution: input.solution,
    group_id: input.groupId,
    benefits: input.benefits,
    beneficiaries: [...new Set(input.beneficiaries)],
    one_off_cents: input.oneOffCents,
    yearly_cents: input.yearlyCents,
  };
}

export function createProposal(ctx: AppContext, input: ParsedInput<'proposals.create'>): Proposal {
  requireMunicipality(ctx);
  const id = ctx.ids.uuid();
  checkBeneficiaries(input.beneficiaries);
  return ctx.db.transaction(() => {
    checkGroup(ctx, input.groupId);
    return save(ctx, id, { status: 'draft', version: 0, ...content(input), attachments: [], submitted_at: null, updated_by: '' });
  })();
}

export function updateProposal(ctx: AppContext, input: ParsedInput<'proposals.update'>): Proposal {
  requireMunicipality(ctx);
  checkBeneficiaries(input.beneficiaries);
  return ctx.db.transaction(() => {
    checkGroup(ctx, input.groupId);
    return changeContent(ctx, input.id, (d) => ({ ...d, ...content(input) }));
  })();
}

export function submitProposal(ctx: AppContext, input: { id: string }): Proposal {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const d = JSON.parse(getRow(ctx, input.id).data) as ProposalData;
    if (d.status !== 'draft') throw appError('proposals.submitOnlyDraft', {}, { field: 'id' });
    if (!d.problem || !d.solution) {
      throw appError('proposals.submitNeedsText', {}, { field: d.problem ? 'solution' : 'problem' });
    }
    return save(ctx, input.id, { ...d, status: 'submitted', version: 1, submitted_at: ctx.clock.now() });
  })();
}

export function withdrawProposal(ctx: AppContext, input: { id: string }): Proposal {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const row = getRow(ctx, input.id);
    const d = JSON.parse(row.data) as ProposalData;
    if (d.status !== 'submitted') {
      throw appError('proposals.withdrawOnlySubmitted', {}, { field: 'id' });
    }
    // Once the consortium decided (as its bundles said), withdrawing would not undo the decision.
    requireMemberAction(ctx, row, 'withdraw');
    return save(ctx, input.id, { ...d, status: 'withdrawn' });
  })();
}

export function deleteProposal(ctx: AppContext, input: { id: string }): { id: string } {
  requireMunicipality(ctx);
  return ctx.db.transaction(() => {
    const d = JSON.parse(getRow(ctx, input.id).data) as ProposalData;
    if (d.status !== 'draft') {
      throw appError('proposals.submittedNoDelete', {}, { field: 'id' });
    }
    deleteRecord(ctx, proposalKind, input.id);
    stmt(ctx.db, 'DELETE FROM proposals WHERE id = ?').run(input.id);
    return { id: input.id };
  })();
}

export function listProposals(ctx: AppContext, input: ParsedInput<'proposals.list'>): Proposal[] {
  const rows = stmt(ctx.db, 'SELECT * FROM proposals WHERE (@status IS NULL OR status = @status) ORDER BY updated_at DESC').all({ status: input.status ?? null }) as ProposalRow[];
  return rows.map((r) => toProposal(ctx, r));
}

export function getProposal(ctx: AppContext, input: { id: string }): ProposalDetail {
  const proposal = toProposal(ctx, getRow(ctx, input.id));
  const versions = recordHistory(ctx, { kind: proposalKind.kind, id: input.id })
    .versions.filter((v) => v.op === 'put' && v.data)
    .map((v) => ({ seq: v.seq, at: v.at, who: v.who ?? '', data: v.data as unknown as ProposalData }));
  return { proposal, versions };
}

export function addAttachment(ctx: AppContext, input: ParsedInput<'attachments.add'>): Proposal {
  requireMunicipality(ctx);
  const row = getRow(ctx, input.proposalId);
  if ((JSON.parse(row.data) as ProposalData).status === 'withdrawn') throw appError('proposals.withdrawnNoAttachments', {}, { field: 'proposalId' });
  // Checked before the file is stored (and again in the transaction, through changeContent).
  requireMemberAction(ctx, row, 'attach');
  // The file is checked and written before the transaction (never file work inside one).
  const ref = storeAttachment(ctx, input);
  return ctx.db.transaction(() => {
    insertAttachmentRow(ctx, ref);
    return changeContent(ctx, input.proposalId, (d) => {
      if (d.attachments.some((a) => a.sha256 === ref.sha256)) {
        throw appError('proposals.attachmentDuplicate', { name: ref.name }, { field: 'contentBase64' });
      }
      if (d.attachments.length >= 50) throw appError('proposals.attachmentsMax', {}, { field: 'contentBase64' });
      return { ...d, attachments: [...d.attachments, ref] };
    }, 'attach');
  })();
}

export function removeAttachment(ctx: AppContext, input: ParsedInput<'attachments.remove'>): Proposal {
  requireMunicipality(ctx);
  return ctx.db.transaction(() =>
    changeContent(ctx, input.proposalId, (d) => {
      if (!d.attachments.some((a) => a.sha256 === input.sha256)) throw appError('proposals.attachmentNotInProposal');
      return { ...d, attachments: d.attachments.filter((a) => a.sha256 !== input.sha256) };
    }, 'attach'),
  )();
}
