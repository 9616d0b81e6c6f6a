/** Hub: proposals received from members, their versions and their attachments. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentContent } from '../../../../shared/domain/proposals';
import type { HubProposal, HubProposalDetail, HubProposalPage } from '../../../../shared/domain/hub-views';
import { DEFAULT_PAGE_SIZE, type MemberFilter } from '../../../../shared/domain/member-page';
import { narrows, selectMembers } from '../members/member-selection';
import type { AttachmentType, ProposalData, ProposalStatus } from '../../../../shared/records/proposals';
import type { ProposalStatusData } from '../../../../shared/records/gov-records';
import { proposalState, type ProposalStateView } from '../../../../shared/governance/proposal-state';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { notFound } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { eventKey } from '../../sync/inbox/event-at';
import { requireHub } from '../records/hub-guard';

interface Row {
  id: string;
  owner: string;
  peer_no: number;
  member_name: string | null;
  status: ProposalStatus;
  version: number;
  title: string;
  submitted_at: string | null;
  last_seq: number;
  updated_at: string;
  data: string;
  track: string | null;
}

// The hub's track (gov_proposal_status, kept by governance) is read here so that this list and
// governance's screens derive the state from the same two records through the same function.
const SELECT = `SELECT p.id, p.owner, p.peer_no, m.name AS member_name, p.status, p.version, p.title, p.submitted_at, p.last_seq, p.updated_at, p.data, s.data AS track
                FROM hub_proposals p LEFT JOIN members m ON m.istat = p.owner LEFT JOIN gov_proposal_status s ON s.proposal_id = p.id`;

/** The state of a received proposal (shared/governance/proposal-state.ts) from its row and the hub's track. */
export function hubProposalState(
  p: { owner: string; member_name: string | null; status: ProposalStatus; version: number; submitted_at: string | null; updated_at: string },
  track: Pick<ProposalStatusData, 'status' | 'steps'> | null,
): ProposalStateView {
  return proposalState({
    member: { status: p.status, version: p.version, submittedAt: p.submitted_at, changedAt: p.updated_at, name: p.member_name ?? p.owner },
    track,
    reader: 'hub',
  });
}

function toProposal(r: Row): HubProposal {
  const d = JSON.parse(r.data) as ProposalData;
  const track = r.track ? (JSON.parse(r.track) as ProposalStatusData) : null;
  return {
    id: r.id,
    member: r.owner,
    memberName: r.member_name,
    status: r.status,
    version: r.version,
    title: r.title,
    oneOffCents: d.one_off_cents,
    yearlyCents: d.yearly_cents,
    attachments: d.attachments.length,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    lastSeq: r.last_seq,
    state: hubProposalState(r, track),
  };
}

type ProposalFilter = { status?: ProposalStatus | undefined; member?: string | undefined; includeDrafts: boolean };

export function listHubProposals(ctx: AppContext, input: ProposalFilter): HubProposal[] {
  requireHub(ctx);
  const { where, params } = proposalWhere(input);
  const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY p.updated_at DESC, p.id`;
  return (stmt(ctx.db, sql).all(params) as Row[]).map(toProposal);
}

/**
 * One page of the list (most recent first) among the proposals of the members selected (search,
 * province, region): counted and cut in SQL, only the page's rows parsed.
 */
export function pageHubProposals(ctx: AppContext, input: ProposalFilter & MemberFilter): HubProposalPage {
  requireHub(ctx);
  const { where, params } = proposalWhere(input);
  if (narrows(input)) {
    where.push('p.owner IN (SELECT value FROM json_each(@owners))');
    params.owners = JSON.stringify(selectMembers(ctx.db, input).map((m) => m.istat));
  }
  const cond = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = stmt(ctx.db, `SELECT count(*) FROM hub_proposals p${cond}`).pluck().get(params) as number;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(input.page ?? 1, pages);
  // The page's ids sorted from the narrow index rows, then only those rows read whole (their JSON).
  const ids = stmt(ctx.db, `SELECT p.id FROM hub_proposals p${cond} ORDER BY p.updated_at DESC, p.id LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...params, limit: pageSize, offset: (page - 1) * pageSize }) as string[];
  const rows = stmt(ctx.db, `${SELECT} WHERE p.id IN (SELECT value FROM json_each(@ids)) ORDER BY p.updated_at DESC, p.id`).all({ ids: JSON.stringify(ids) }) as Row[];
  return { proposals: rows.map(toProposal), page: { page, pageSize, total, pages } };
}

function proposalWhere(input: ProposalFilter): { where: string[]; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (input.status) {
    where.push('p.status = @status');
    params.status = input.status;
  } else if (!input.includeDrafts) {
    where.push("p.status IN ('submitted', 'withdrawn')");
  }
  if (input.member) {
    where.push('p.owner = @member');
    params.member = input.member;
  }
  return { where, params };
}

export function getHubProposal(ctx: AppContext, input: { id: string }): HubProposalDetail {
  requireHub(ctx);
  const r = stmt(ctx.db, `${SELECT} WHERE p.id = ?`).get(input.id) as Row | undefined;
  if (!r) throw notFound('proposal', input.id);
  const events = stmt(ctx.db, 'SELECT seq, at FROM hub_proposal_events WHERE proposal_id = ? ORDER BY seq').all(input.id) as { seq: number; at: string }[];
  const line = stmt(ctx.db, 'SELECT line FROM inbox_events WHERE key = ?').pluck();
  const versions = events.map((e) => {
    const data = (JSON.parse((line.get(eventKey(r.peer_no, e.seq)) as Buffer).toString('utf8')) as { data: ProposalData }).data;
    return { seq: e.seq, at: e.at, status: data.status, version: data.version, data };
  });
  const data = JSON.parse(r.data) as ProposalData;
  return {
    proposal: toProposal(r),
    data,
    versions,
    attachments: data.attachments.map((a) => ({ ...a, available: existsSync(join(ctx.dataDir, 'attachments', a.sha256)) })),
  };
}

/**
 * The bytes of an attachment of a received proposal (stored by the bundle reader under
 * <data dir>/attachments/<sha256>); only files some received proposal lists are served, and
 * their hash is checked on every read.
 */
export function readHubAttachment(ctx: AppContext, input: { sha256: string }): AttachmentContent & { name: string } {
  requireHub(ctx);
  const ref = stmt(ctx.db, 'SELECT name, type FROM hub_proposal_attachments WHERE sha256 = ? LIMIT 1').get(input.sha256) as { name: string; type: AttachmentType } | undefined;
  const path = join(ctx.dataDir, 'attachments', input.sha256);
  if (!ref || !existsSync(path)) throw appError('hub.attachmentNotFound');
  const bytes = readFileSync(path);
  if (createHash('sha256').update(bytes).digest('hex') !== input.sha256) {
    throw appError('hub.attachmentAltered');
  }
  return { sha256: input.sha256, type: ref.type, bytes: bytes.length, name: ref.name, contentBase64: bytes.toString('base64') };
}
