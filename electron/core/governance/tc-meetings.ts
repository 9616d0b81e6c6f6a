/**
 * Meetings of the Technical Committee (issue 15). The hub records each meeting as a `tc_meeting`
 * record (one event per change, in the change's transaction), so it travels to every member with
 * the hub's stream; attendance is per member and checked against the committee's rules
 * (gov.settings `technicalCommittee`), and the quorum is computed and written with the meeting.
 * A municipality reads the meetings as received, with its own member's attendance and its own
 * proposals examined. Evaluation steps name the meeting that decided them (evaluation-service).
 */
import { rosterSeats } from '../hub/committee/roster';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedInput } from '../../../shared/api/contract';
import type { AttachmentContent } from '../../../shared/domain/proposals';
import type { TcMeetingFormData, TcMeetingRow, TcMeetingView } from '../../../shared/domain/tc-meetings';
import { checkAttendance, computeQuorum } from '../../../shared/governance/tc-quorum';
import type { ProposalStatusData } from '../../../shared/records/gov-records';
import { tcMeetingKind, type TcMeetingData } from '../../../shared/records/tc-meetings';
import type { AppContext } from '../platform/context';
import { appError } from '../platform/errors';
import { readInstallation } from '../platform/installation/installation-store';
import { stmt } from '../platform/store/statements';
import { insertAttachmentRow, storeAttachment } from '../sync/attachments/attachment-store';
import { deleteRecord, notFound, operatorName, putRecord } from '../sync/records/record-events';
import { requireGovHub, withRules } from './gov-errors';
import { readGovSettings } from './gov-settings';
import { deleteTcMeeting, meetingExamined, readTcMeeting, readTcMeetings, writeTcMeeting } from './tc-meeting-store';
import { dateIt } from './report-format';

export function memberNameMap(ctx: AppContext): Record<string, string> {
  return Object.fromEntries((stmt(ctx.db, 'SELECT istat, name FROM members ORDER BY istat').all() as { istat: string; name: string }[]).map((m) => [m.istat, m.name]));
}

/** Title and proposer of a proposal as this installation knows it: the hub's received copy, else the member's own. */
function proposalTitle(ctx: AppContext, id: string): { title: string | null; owner: string | null } {
  const hub = stmt(ctx.db, 'SELECT title, owner FROM hub_proposals WHERE id = ?').get(id) as { title: string; owner: string } | undefined;
  if (hub) return hub;
  const own = stmt(ctx.db, "SELECT json_extract(data, '$.title') FROM proposals WHERE id = ?").pluck().get(id) as string | undefined;
  return { title: own ?? null, owner: own === undefined ? null : (readInstallation(ctx.db)?.id ?? null) };
}

function toView(ctx: AppContext, id: string, data: TcMeetingData, updatedAt: string): TcMeetingView {
  return { ...data, id, updatedAt, memberNames: memberNameMap(ctx), proposalTitles: data.proposals.map((p) => ({ id: p, ...proposalTitle(ctx, p) })) };
}

function requireMeeting(ctx: AppContext, id: string): { data: TcMeetingData; updatedAt: string } {
  const m = readTcMeeting(ctx.db, id);
  if (!m) throw notFound('meeting', id);
  return m;
}

export function getTcMeeting(ctx: AppContext, input: { id: string }): TcMeetingView {
  const m = requireMeeting(ctx, input.id);
  return toView(ctx, input.id, m.data, m.updatedAt);
}

/** Both roles; a municipality's rows say how its member took part and which of its proposals were examined. */
export function listTcMeetings(ctx: AppContext, input: ParsedInput<'tc.meetings.list'>): TcMeetingRow[] {
  const inst = readInstallation(ctx.db);
  const me = inst?.role === 'municipality' ? inst.id : null;
  const ownTitle = stmt(ctx.db, "SELECT json_extract(data, '$.title') FROM proposals WHERE id = ?").pluck();
  return readTcMeetings(ctx.db, input.year).map(({ id, data }) => ({
    id,
    date: data.date,
    place: data.place,
    online: data.online,
    agendaItems: data.agenda.length,
    proposals: data.proposals.length,
    quorum: data.quorum,
    hasMinutes: data.attachments.length > 0,
    files: data.attachments.map((a) => ({ sha256: a.sha256, name: a.name })),
    mine: me ? (data.attendance.find((a) => a.member === me)?.status ?? null) : null,
    myProposals: me
      ? data.proposals.flatMap((p) => {
          const title = ownTitle.get(p) as string | undefined;
          return title === undefined ? [] : [{ id: p, title }];
        })
      : [],
  }));
}

function activeMembers(ctx: AppContext): { istat: string; name: string }[] {
  return stmt(ctx.db, "SELECT istat, name FROM members WHERE membership = 'active' ORDER BY name, istat").all() as { istat: string; name: string }[];
}

/** The members with a technician designated on a date (the committee's roster, hub/committee/roster.ts). */
export function designatedOn(ctx: AppContext, date: string): Set<string> {
  return new Set(rosterSeats(ctx.db, date).filter((s) => s.status === 'designated').map((s) => s.istat));
}

/** How a member not marked starts: absent if it has a technician, else not designated. */
function defaultStatus(designated: Set<string>, istat: string): 'absent' | 'not_designated' {
  return designated.has(istat) ? 'absent' : 'not_designated';
}

export function tcMeetingForm(ctx: AppContext, input: ParsedInput<'tc.meetings.form'>): TcMeetingFormData {
  requireGovHub(ctx);
  const date = input.date ?? ctx.clock.now().slice(0, 10);
  const designated = designatedOn(ctx, date);
  const members = activeMembers(ctx).map((m) => ({ ...m, status: defaultStatus(designated, m.istat) }));
  const proposals = stmt(
    ctx.db,
    "SELECT p.id, p.title, p.owner, m.name AS ownerName FROM hub_proposals p LEFT JOIN members m ON m.istat = p.owner WHERE p.status <> 'draft' ORDER BY p.submitted_at DESC, p.id",
  ).all() as TcMeetingFormData['proposals'];
  return { members, proposals, rules: readGovSettings(ctx).technicalCommittee };
}

/** The evaluation steps that name a meeting, per proposal (a meeting examines a handful). */
function stepsNaming(ctx: AppContext, meetingId: string, proposals: readonly string[]): { proposalId: string; title: string }[] {
  const read = stmt(ctx.db, 'SELECT data FROM gov_proposal_status WHERE proposal_id = ?').pluck();
  return proposals.flatMap((p) => {
    const raw = read.get(p) as string | undefined;
    if (!raw) return [];
    const d = JSON.parse(raw) as ProposalStatusData;
    return d.steps.filter((s) => s.meeting?.id === meetingId).map(() => ({ proposalId: p, title: d.title }));
  });
}

function checkNotFuture(ctx: AppContext, date: string): void {
  const tomorrow = new Date(Date.parse(ctx.clock.now()) + 86_400_000).toISOString().slice(0, 10);
  if (date > tomorrow) throw appError('tc.dateFuture', {}, { field: 'date', params: { rule: 'TC_DATE_FUTURE' } });
}

export function saveTcMeeting(ctx: AppContext, input: ParsedInput<'tc.meetings.save'>): TcMeetingView {
  requireGovHub(ctx);
  checkNotFuture(ctx, input.date);
  const rules = readGovSettings(ctx).technicalCommittee;
  // Every active member has a line: one the office did not mark starts as the form shows it.
  const marked = new Set(input.attendance.map((a) => a.member));
  const designated = designatedOn(ctx, input.date);
  const attendance = [
    ...input.attendance.map((a) => ({ member: a.member, status: a.status, proxy_to: a.proxy_to })),
    ...activeMembers(ctx)
      .filter((m) => !marked.has(m.istat))
      .map((m) => ({ member: m.istat, status: defaultStatus(designated, m.istat), proxy_to: null })),
  ].sort((a, b) => a.member.localeCompare(b.member));
  withRules(() => checkAttendance(attendance, rules.proxies), 'attendance');
  const quorum = computeQuorum(attendance, rules.quorum);
  return ctx.db.transaction(() => {
    const known = stmt(ctx.db, 'SELECT 1 FROM members WHERE istat = ?');
    for (const a of attendance) {
      if (!known.get(a.member)) throw appError('tc.memberUnknown', { member: a.member }, { field: 'attendance', params: { rule: 'TC_MEMBER_UNKNOWN' } });
    }
    const received = stmt(ctx.db, "SELECT 1 FROM hub_proposals WHERE id = ? AND status <> 'draft'");
    const proposals = [...new Set(input.proposals)];
    for (const p of proposals) if (!received.get(p)) throw appError('tc.proposalUnknown', {}, { field: 'proposals', params: { rule: 'TC_PROPOSAL_UNKNOWN' } });
    const id = input.id ?? ctx.ids.uuid();
    const before = input.id ? requireMeeting(ctx, input.id).data : null;
    if (before) {
      // A step decided at this meeting keeps its proposal among those examined (tracciabilità).
      const named = stepsNaming(ctx, id, before.proposals.filter((p) => !proposals.includes(p)));
      if (named[0]) throw appError('tc.meetingStillNamed', { title: named[0].title }, { field: 'proposals', params: { rule: 'TC_MEETING_STILL_NAMED' } });
    }
    const operator = operatorName(ctx);
    const data = putRecord(ctx, tcMeetingKind, id, {
      date: input.date,
      place: input.place,
      online: input.online,
      link: input.online ? input.link : null,
      agenda: input.agenda,
      proposals,
      attendance,
      quorum,
      notes: input.notes,
      attachments: before?.attachments ?? [],
      created_by: before?.created_by ?? operator,
      updated_by: operator,
    });
    const at = ctx.clock.now();
    writeTcMeeting(ctx.db, id, data, at);
    return toView(ctx, id, data, at);
  })();
}

export function removeTcMeeting(ctx: AppContext, input: { id: string }): { id: string } {
  requireGovHub(ctx);
  return ctx.db.transaction(() => {
    const m = requireMeeting(ctx, input.id);
    const named = stepsNaming(ctx, input.id, m.data.proposals);
    if (named.length > 0) throw appError('tc.meetingInUse', { count: named.length }, { params: { rule: 'TC_MEETING_IN_USE' } });
    deleteRecord(ctx, tcMeetingKind, input.id);
    deleteTcMeeting(ctx.db, input.id);
    return { id: input.id };
  })();
}

/** Writes a changed meeting (attachments) as a new version of its record. */
function rewrite(ctx: AppContext, id: string, change: (d: TcMeetingData) => TcMeetingData): TcMeetingView {
  const m = requireMeeting(ctx, id);
  const data = putRecord(ctx, tcMeetingKind, id, { ...change(m.data), updated_by: operatorName(ctx) });
  const at = ctx.clock.now();
  writeTcMeeting(ctx.db, id, data, at);
  return toView(ctx, id, data, at);
}

export function attachToTcMeeting(ctx: AppContext, input: ParsedInput<'tc.meetings.attach'>): TcMeetingView {
  requireGovHub(ctx);
  requireMeeting(ctx, input.id);
  // The file is checked and stored before the transaction (never file work inside one).
  const ref = storeAttachment(ctx, input);
  return ctx.db.transaction(() => {
    insertAttachmentRow(ctx, ref);
    return rewrite(ctx, input.id, (d) => ({ ...d, attachments: [...d.attachments.filter((a) => a.sha256 !== ref.sha256), ref] }));
  })();
}

export function detachFromTcMeeting(ctx: AppContext, input: ParsedInput<'tc.meetings.detach'>): TcMeetingView {
  requireGovHub(ctx);
  return ctx.db.transaction(() => rewrite(ctx, input.id, (d) => ({ ...d, attachments: d.attachments.filter((a) => a.sha256 !== input.sha256) })))();
}

/** Both roles: a file of a meeting, from the content-addressed store, checked against its name. */
export function readTcMeetingFile(ctx: AppContext, input: ParsedInput<'tc.meetings.file'>): AttachmentContent & { name: string } {
  const ref = requireMeeting(ctx, input.id).data.attachments.find((a) => a.sha256 === input.sha256);
  const path = join(ctx.dataDir, 'attachments', input.sha256);
  if (!ref || !existsSync(path)) throw appError('hub.attachmentNotFound');
  const bytes = readFileSync(path);
  if (createHash('sha256').update(bytes).digest('hex') !== input.sha256) throw appError('hub.attachmentAltered');
  return { sha256: ref.sha256, type: ref.type, bytes: bytes.length, name: ref.name, contentBase64: bytes.toString('base64') };
}

/**
 * The meeting an evaluation step names, checked: it exists, it examined the proposal, and it
 * took place on or before the step's date. Returns what the step records.
 */
export function stepMeeting(ctx: AppContext, meetingId: string, proposal: { id: string; title: string }, stepDate: string): { id: string; date: string } {
  const m = readTcMeeting(ctx.db, meetingId);
  if (!m) throw appError('tc.meetingUnknown', {}, { field: 'meetingId', params: { rule: 'TC_MEETING_UNKNOWN' } });
  if (!meetingExamined(ctx.db, meetingId, proposal.id)) {
    throw appError('tc.meetingDidNotExamine', { date: dateIt(m.data.date), dateEn: dateIt(m.data.date), title: proposal.title }, { field: 'meetingId', params: { rule: 'TC_MEETING_DID_NOT_EXAMINE' } });
  }
  if (m.data.date > stepDate) {
    throw appError('tc.meetingAfterStep', { date: dateIt(m.data.date), dateEn: dateIt(m.data.date) }, { field: 'meetingId', params: { rule: 'TC_MEETING_AFTER_STEP' } });
  }
  return { id: meetingId, date: m.data.date };
}
