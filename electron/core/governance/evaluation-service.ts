/**
 * Evaluation of members' proposals on the hub (issue 5): assignment to a thematic group, the
 * Technical Committee's scores on the configured criteria, the decision and the follow-up, each
 * step through the pure state machine (shared/governance/proposal-track.ts). Every change writes
 * the proposal's `proposal_status` record and appends its event in ONE transaction, so it
 * travels to the proposing member (and the outbox keeps who, when, why).
 */
import type { ParsedInput } from '../../../shared/api/contract';
import type { GovProposalDetail, GovProposalRow, ProposalTrackView, RankingRow } from '../../../shared/domain/gov-plan';
import { getHubProposal } from '../hub/proposals/hub-proposals';
import { joinersOf } from '../hub/proposals/proposal-joiners';
import { rankProposals, withLabelKeys, type CriteriaConfig } from '../../../shared/governance/evaluation';
import { receiveProposal, transitionProposal, type ProposalAction, type ProposalTrack } from '../../../shared/governance/proposal-track';
import { proposalStatusKind, type ProposalStatusData } from '../../../shared/records/gov-records';
import type { ProposalData, ProposalStatus } from '../../../shared/records/proposals';
import { hubProposalState } from '../hub/proposals/hub-proposals';
import type { AppContext } from '../platform/context';
import { appError } from '../platform/errors';
import { notFound, operatorName, putRecord } from '../sync/records/record-events';
import { stmt } from '../platform/store/statements';
import { requireGovHub, withRules } from './gov-errors';
import { govRecordId } from './gov-ids';
import { readGovSettings } from './gov-settings';
import { readProposalStatus, writeProposalStatus } from './gov-store';
import { stepMeeting } from './tc-meetings';
import { meetingsOfProposal } from './tc-meeting-store';

interface HubProposalRow {
  id: string;
  owner: string;
  member_name: string | null;
  status: ProposalStatus;
  version: number;
  title: string;
  submitted_at: string | null;
  updated_at: string;
  data: string;
}

function hubProposal(ctx: Pick<AppContext, 'db'>, id: string): HubProposalRow {
  const row = stmt(
    ctx.db,
    'SELECT p.id, p.owner, m.name AS member_name, p.status, p.version, p.title, p.submitted_at, p.updated_at, p.data FROM hub_proposals p LEFT JOIN members m ON m.istat = p.owner WHERE p.id = ?',
  ).get(id) as HubProposalRow | undefined;
  if (!row) throw notFound('proposal', id);
  return row;
}

/**
 * Refuses a step the proposal's state does not allow (the same list the screen offers): above
 * all any step on a proposal its member withdrew before the decision (issue 13).
 */
function requireNotWithdrawn(ctx: AppContext, p: HubProposalRow): void {
  const state = hubProposalState(p, readProposalStatus(ctx.db, p.id)?.data ?? null);
  if (state.stage === 'withdrawn') {
    throw appError('eval.withdrawn', { title: p.title, date: state.withdrawnOn ?? '' }, { field: 'id', params: { rule: 'PROPOSAL_WITHDRAWN' } });
  }
  // Other illegal steps are refused by the state machine with its own message (naming the allowed ones).
}

export function toTrack(d: ProposalStatusData): ProposalTrack {
  return {
    status: d.status,
    evaluation: d.evaluation ? { scores: { ...d.evaluation.scores }, totalHundredths: d.evaluation.total_hundredths } : null,
    reason: d.reason,
    notes: d.notes,
    plan: d.plan,
    progress: d.progress,
    startDate: d.start_date,
    expectedEndDate: d.expected_end_date,
    completedDate: d.completed_date,
    steps: d.steps.map((s) => ({ ...s })),
  };
}

function toData(ctx: AppContext, p: HubProposalRow, t: ProposalTrack, groupId: string | null, criteria: CriteriaConfig): ProposalStatusData {
  return {
    proposal_id: p.id,
    owner: p.owner,
    title: p.title,
    group_id: groupId,
    status: t.status,
    evaluation: t.evaluation ? { scores: t.evaluation.scores, total_hundredths: t.evaluation.totalHundredths } : null,
    criteria: criteria.criteria.map((c) => ({ ...c })),
    max_score: criteria.maxScore,
    reason: t.reason,
    notes: t.notes,
    plan: t.plan,
    progress: t.progress,
    start_date: t.startDate,
    expected_end_date: t.expectedEndDate,
    completed_date: t.completedDate,
    steps: t.steps,
    updated_by: operatorName(ctx),
  };
}

export function toTrackView(data: ProposalStatusData, recordId: string, updatedAt: string): ProposalTrackView {
  return { ...data, id: recordId, updatedAt };
}

/**
 * Loads the track of a proposal, or starts one ("received") if the hub has none yet: a
 * proposal enters evaluation only once submitted by its member.
 */
function loadTrack(ctx: AppContext, p: HubProposalRow): { track: ProposalTrack; groupId: string | null; criteria: CriteriaConfig } {
  const saved = readProposalStatus(ctx.db, p.id);
  if (saved) return { track: toTrack(saved.data), groupId: saved.data.group_id, criteria: { criteria: saved.data.criteria, maxScore: saved.data.max_score } };
  if (p.status !== 'submitted') {
    throw appError(
      'eval.notSubmitted',
      { title: p.title, state: p.status === 'withdrawn' ? 'ritirata' : 'bozza', stateEn: p.status === 'withdrawn' ? 'withdrawn' : 'draft' },
      { field: 'id', params: { rule: 'PROPOSAL_NOT_SUBMITTED' } },
    );
  }
  const date = (p.submitted_at ?? p.updated_at ?? ctx.clock.now()).slice(0, 10);
  const criteria = readGovSettings(ctx).criteria;
  return { track: withRules(() => receiveProposal(date, 'Ufficio del consorzio')), groupId: null, criteria };
}

/** What writing a hub record needs: the database and the time (a bundle's application has no full context). */
type WriteContext = Pick<AppContext, 'db' | 'clock'>;

function save(ctx: WriteContext, p: HubProposalRow, track: ProposalTrack, groupId: string | null, criteria: CriteriaConfig): ProposalTrackView {
  // putRecord and requireGovHub read only the database and the clock.
  const full = ctx as AppContext;
  const hub = requireGovHub(full);
  const recordId = govRecordId(hub.id, 'proposal_status', p.id);
  const data = putRecord(full, proposalStatusKind, recordId, toData(full, p, track, groupId, criteria));
  const at = ctx.clock.now();
  writeProposalStatus(ctx.db, recordId, data, at);
  return toTrackView(data, recordId, at);
}

export function assignProposal(ctx: AppContext, input: ParsedInput<'gov.proposals.assign'>): ProposalTrackView {
  requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const p = hubProposal(ctx, input.id);
    if (input.groupId !== null && !stmt(ctx.db, 'SELECT 1 FROM hub_groups WHERE id = ?').get(input.groupId)) {
      throw appError('eval.groupUnknown', {}, { field: 'groupId', params: { rule: 'GROUP_UNKNOWN' } });
    }
    requireNotWithdrawn(ctx, p);
    const { track, criteria } = loadTrack(ctx, p);
    return save(ctx, p, track, input.groupId, criteria);
  })();
}

export function actOnProposal(ctx: AppContext, input: ParsedInput<'gov.proposals.act'>): ProposalTrackView {
  requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const p = hubProposal(ctx, input.id);
    requireNotWithdrawn(ctx, p);
    const loaded = loadTrack(ctx, p);
    let criteria = loaded.criteria;
    let action: ProposalAction;
    if (input.action.type === 'evaluate') {
      // Scores are given on the configured criteria (or those sent with the action).
      criteria = withLabelKeys('criteria' in input.action ? input.action.criteria : readGovSettings(ctx).criteria);
      action = { type: 'evaluate', date: input.action.date, by: input.action.by, scores: input.action.scores, criteria };
    } else action = input.action as ProposalAction;
    if (action.type === 'start' || action.type === 'complete' || action.type === 'report_progress') checkNotFuture(ctx, action.date);
    const next = withRules(() => transitionProposal(loaded.track, action), 'action');
    if (input.meetingId !== undefined) {
      // The meeting that decided the step (issue 15): checked, then recorded on the step itself.
      const meeting = stepMeeting(ctx, input.meetingId, p, action.date);
      next.steps = next.steps.map((s, i) => (i === next.steps.length - 1 ? { ...s, meeting } : s));
    }
    return save(ctx, p, next, loaded.groupId, criteria);
  })();
}

function checkNotFuture(ctx: AppContext, date: string): void {
  const tomorrow = new Date(Date.parse(ctx.clock.now()) + 86_400_000).toISOString().slice(0, 10);
  if (date > tomorrow) throw appError('eval.dateFuture', {}, { field: 'action.date', params: { rule: 'DATE_FUTURE' } });
}

/** Approves every admitted proposal with the plan (called when the Assembly approves it). */
export function approveAdmittedWithPlan(ctx: AppContext, year: number, version: number, date: string, proposalIds: readonly string[]): number {
  let n = 0;
  for (const id of proposalIds) {
    const saved = readProposalStatus(ctx.db, id);
    if (!saved || saved.data.status !== 'admitted') continue;
    const p = hubProposal(ctx, id);
    const track = withRules(() => transitionProposal(toTrack(saved.data), { type: 'approve_with_plan', date, by: 'Assemblea', planYear: year, planVersion: version }));
    save(ctx, p, track, saved.data.group_id, { criteria: saved.data.criteria, maxScore: saved.data.max_score });
    n++;
  }
  return n;
}

export function listGovProposals(ctx: AppContext, input: ParsedInput<'gov.proposals.list'>): GovProposalRow[] {
  requireGovHub(ctx);
  const rows = stmt(
    ctx.db,
    `SELECT p.id, p.owner, p.status, p.version, p.title, p.submitted_at, p.updated_at, p.data, m.name AS member_name, s.record_id, s.data AS track, s.updated_at AS track_at
     FROM hub_proposals p LEFT JOIN gov_proposal_status s ON s.proposal_id = p.id LEFT JOIN members m ON m.istat = p.owner
     WHERE p.status <> 'draft' ORDER BY p.submitted_at DESC, p.id`,
  ).all() as (HubProposalRow & { record_id: string | null; track: string | null; track_at: string | null })[];
  return rows
    .map((r) => {
      const d = JSON.parse(r.data) as ProposalData;
      const track = r.track ? toTrackView(JSON.parse(r.track) as ProposalStatusData, r.record_id!, r.track_at!) : null;
      const state = hubProposalState(r, track);
      return { id: r.id, owner: r.owner, ownerName: r.member_name, title: r.title, memberStatus: r.status, oneOffCents: d.one_off_cents, yearlyCents: d.yearly_cents, track, state };
    })
    .filter((r) => !input.status || r.state.stage === input.status);
}

/** The ranking of every evaluated proposal on the configured criteria (ties broken as documented in evaluation.ts). */
export function proposalRanking(ctx: AppContext): RankingRow[] {
  const criteria = readGovSettings(ctx).criteria;
  const ids = new Set(criteria.criteria.map((c) => c.id));
  // A proposal its member withdrew before the decision no longer competes: it leaves the ranking.
  const rows = (
    stmt(
      ctx.db,
      `SELECT s.data AS track, p.id, p.owner, m.name AS member_name, p.status, p.version, p.title, p.submitted_at, p.updated_at, p.data
       FROM gov_proposal_status s JOIN hub_proposals p ON p.id = s.proposal_id LEFT JOIN members m ON m.istat = p.owner WHERE s.total_hundredths IS NOT NULL`,
    ).all() as (HubProposalRow & { track: string })[]
  )
    .map((r) => ({ track: JSON.parse(r.track) as ProposalStatusData, row: r }))
    .filter((x) => hubProposalState(x.row, x.track).stage !== 'withdrawn')
    .map((x) => x.track);
  // Only the evaluations made on the current criteria are comparable.
  const comparable = rows.filter((r) => r.evaluation && Object.keys(r.evaluation.scores).every((k) => ids.has(k)) && Object.keys(r.evaluation.scores).length === ids.size);
  const byId = new Map(comparable.map((r) => [r.proposal_id, r]));
  const ranked = withRules(() =>
    rankProposals(
      criteria,
      comparable.map((r) => ({ id: r.proposal_id, receivedAt: r.steps[0]?.date ?? '0000-00-00', scores: r.evaluation!.scores })),
    ),
  );
  return ranked.map((x) => {
    const r = byId.get(x.id)!;
    return { id: x.id, title: r.title, owner: r.owner, totalHundredths: x.totalHundredths, position: x.position, totalRank: x.totalRank, status: r.status };
  });
}

/** Both roles: the state and timeline of a proposal (on a municipality, as the hub sent it). */
export function proposalTimeline(ctx: AppContext, input: { id: string }): ProposalTrackView | null {
  const saved = readProposalStatus(ctx.db, input.id);
  return saved ? toTrackView(saved.data, saved.recordId, saved.updatedAt) : null;
}

/**
 * Hub, inside the transaction applying a member's bundle: a proposal returned for changes whose
 * member sent a new version goes back to "received" by itself (a hub event, the step dated the
 * day of the reception and naming the version), so the operator need not re-enter it. Other
 * states are left alone: a new version of a proposal under evaluation is simply read as is.
 */
export function resubmitOnNewVersion(ctx: WriteContext, proposalId: string, version: number): ProposalTrackView | null {
  const saved = readProposalStatus(ctx.db, proposalId);
  if (!saved || saved.data.status !== 'returned') return null;
  const p = hubProposal(ctx, proposalId);
  if (p.status !== 'submitted') return null;
  const last = saved.data.steps[saved.data.steps.length - 1]?.date ?? '0000-00-00';
  const today = ctx.clock.now().slice(0, 10);
  const by = (stmt(ctx.db, 'SELECT name FROM members WHERE istat = ?').pluck().get(p.owner) as string | undefined) ?? p.owner;
  const track = withRules(() => transitionProposal(toTrack(saved.data), { type: 'resubmit', date: today < last ? last : today, by, version }));
  return save(ctx, p, track, saved.data.group_id, { criteria: saved.data.criteria, maxScore: saved.data.max_score });
}

/** Hub: one received proposal with its content, attachments, versions, and its evaluation track and timeline. */
export function getGovProposal(ctx: AppContext, input: { id: string }): GovProposalDetail {
  requireGovHub(ctx);
  const detail = getHubProposal(ctx, input);
  const saved = readProposalStatus(ctx.db, input.id);
  const track = saved ? toTrackView(saved.data, saved.recordId, saved.updatedAt) : null;
  const criteria = track?.evaluation ? { criteria: track.criteria, maxScore: track.max_score } : readGovSettings(ctx).criteria;
  const groupName = track?.group_id ? ((stmt(ctx.db, 'SELECT name FROM hub_groups WHERE id = ?').pluck().get(track.group_id) as string | undefined) ?? null) : null;
  // The members that joined it (condivisione): the Committee weighs them on the criterion of members benefiting.
  return { ...detail, track, criteria, groupName, joiners: joinersOf(ctx.db, input.id, detail.proposal.member), meetings: meetingsOfProposal(ctx.db, input.id) };
}
