/**
 * Municipality: the other members' proposals as the hub published them, and this member's
 * joins (issue 13 item 5). A join is this member's own record (`proposal_join`): written here
 * with its event in one transaction, withdrawn the same way (a new state, `withdrawn`), sent
 * to the hub with the next bundle, which relays it to every member.
 */
import type { ParsedInput } from '../../../../shared/api/contract';
import type { Joiner, SharedProposal } from '../../../../shared/domain/proposal-joins';
import { proposalJoinKind, type ProposalJoinData, type SharedJoinData, type SharedProposalData } from '../../../../shared/records/proposal-joins';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { requireInstallation } from '../../platform/installation/installation-store';
import { stmt } from '../../platform/store/statements';
import { notFound, operatorName, putRecord, requireMunicipality } from '../../sync/records/record-events';
import { joinersOf, memberName } from '../../hub/proposals/proposal-joiners';
import { joinRecordId } from '../../hub/proposals/sharing-ids';
import { writeJoinRow } from './joins-restore';

interface SharedRow {
  record_id: string;
  proposer: string;
  proposal_id: string;
  data: string;
}

function toShared(ctx: AppContext, r: SharedRow): SharedProposal {
  const d = JSON.parse(r.data) as SharedProposalData;
  const mine = stmt(ctx.db, 'SELECT data, updated_at FROM proposal_joins WHERE proposer = ? AND proposal_id = ?').get(r.proposer, r.proposal_id) as
    | { data: string; updated_at: string }
    | undefined;
  const own = mine ? (JSON.parse(mine.data) as ProposalJoinData) : null;
  return {
    id: r.record_id,
    proposer: r.proposer,
    proposerName: memberName(ctx.db, r.proposer),
    proposalId: r.proposal_id,
    status: d.status,
    version: d.version,
    title: d.title,
    problem: d.problem,
    solution: d.solution,
    benefits: d.benefits,
    beneficiaries: d.beneficiaries,
    oneOffCents: d.one_off_cents,
    yearlyCents: d.yearly_cents,
    submittedAt: d.submitted_at,
    joiners: joinersOf(ctx.db, r.proposal_id, r.proposer),
    mine: own && mine ? { status: own.status, note: own.note, updatedAt: mine.updated_at, relayed: relayed(ctx, r, own) } : null,
  };
}

/** Whether the hub's relay of our join says what our record says now (status and note). */
function relayed(ctx: AppContext, r: SharedRow, own: ProposalJoinData): boolean {
  const us = requireInstallation(ctx.db).id;
  const row = stmt(ctx.db, 'SELECT data FROM shared_proposal_joins WHERE proposer = ? AND proposal_id = ? AND joiner = ?').get(r.proposer, r.proposal_id, us) as { data: string } | undefined;
  if (!row) return false;
  const d = JSON.parse(row.data) as SharedJoinData;
  return d.status === own.status && d.note === own.note;
}

function sharedRow(ctx: AppContext, id: string): SharedRow {
  const row = stmt(ctx.db, 'SELECT record_id, proposer, proposal_id, data FROM shared_proposals WHERE record_id = ?').get(id) as SharedRow | undefined;
  if (!row) throw notFound('proposal', id);
  return row;
}

/** The proposals of the other members, the most recently submitted first. */
export function listSharedProposals(ctx: AppContext): SharedProposal[] {
  requireMunicipality(ctx);
  const us = requireInstallation(ctx.db).id;
  const rows = stmt(ctx.db, 'SELECT record_id, proposer, proposal_id, data FROM shared_proposals WHERE proposer <> ? ORDER BY submitted_at DESC, record_id').all(us) as SharedRow[];
  return rows.map((r) => toShared(ctx, r));
}

function save(ctx: AppContext, row: SharedRow, us: string, status: ProposalJoinData['status'], note: string): SharedProposal {
  const id = joinRecordId(us, row.proposer, row.proposal_id);
  const data = putRecord(ctx, proposalJoinKind, id, { proposer: row.proposer, proposal_id: row.proposal_id, status, note, updated_by: operatorName(ctx) });
  writeJoinRow(ctx.db, id, data, ctx.clock.now());
  return toShared(ctx, row);
}

/** "Aderisci": join another member's proposal with a note (again: a new note for the same join). */
export function joinProposal(ctx: AppContext, input: ParsedInput<'joins.join'>): SharedProposal {
  requireMunicipality(ctx);
  const us = requireInstallation(ctx.db).id;
  return ctx.db.transaction(() => {
    const row = sharedRow(ctx, input.id);
    const d = JSON.parse(row.data) as SharedProposalData;
    if (row.proposer === us) throw appError('joins.ownProposal', {}, { field: 'id' });
    if (d.status !== 'submitted') throw appError('joins.proposalWithdrawn', { title: d.title }, { field: 'id' });
    const current = toShared(ctx, row).mine;
    // The same note again changes nothing: no event (a double click writes once).
    if (current?.status === 'joined' && current.note === input.note) return toShared(ctx, row);
    return save(ctx, row, us, 'joined', input.note);
  })();
}

/** "Ritira l'adesione": the join's new state, `withdrawn` (the note stays, for the history). */
export function withdrawJoin(ctx: AppContext, input: ParsedInput<'joins.withdraw'>): SharedProposal {
  requireMunicipality(ctx);
  const us = requireInstallation(ctx.db).id;
  return ctx.db.transaction(() => {
    const row = sharedRow(ctx, input.id);
    const current = toShared(ctx, row).mine;
    if (current?.status !== 'joined') throw appError('joins.notJoined', {}, { field: 'id' });
    return save(ctx, row, us, 'withdrawn', current.note);
  })();
}

/** The proposer's view: who joined one of its own proposals (as the hub relayed it). */
export function joinersOfMine(ctx: AppContext, input: ParsedInput<'joins.ofProposal'>): Joiner[] {
  requireMunicipality(ctx);
  return joinersOf(ctx.db, input.proposalId, requireInstallation(ctx.db).id);
}
