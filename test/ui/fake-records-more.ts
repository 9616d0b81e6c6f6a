import type { CsvProblem } from '../../shared/domain/csv';
import type { Group, Meeting } from '../../shared/domain/groups';
import type { Proposal } from '../../shared/domain/proposals';
import { formatMilli, parseMilli } from '../../shared/domain/quantity';
import type { StaffMember } from '../../shared/domain/staff';
import { RecordFailure, SERVICES, NOW, type Handlers, type RecordState } from './fake-records';

export type Log = (kind: string, id: string, data: Record<string, unknown> | null) => void;
export type Get = <T>(map: Map<string, T>, id: string) => T;

/** Groups, meetings, proposals, attachments and CSV of the fake backend (UI tests only). */
export function groupAndProposalHandlers(st: RecordState, operator: () => string, log: Log, get: Get, member: (id: string) => StaffMember, uuid: () => string): Handlers {
  const meetingCount = (gid: string) => [...st.meetings.values()].filter((m) => m.groupId === gid).length;
  const groupOut = (g: Group): Group => ({ ...g, meetings: meetingCount(g.id) });
  const proposalData = (p: Proposal) => ({
    status: p.status,
    version: p.version,
    title: p.title,
    problem: p.problem,
    solution: p.solution,
    group_id: p.groupId,
    benefits: p.benefits,
    beneficiaries: p.beneficiaries,
    one_off_cents: p.oneOffCents,
    yearly_cents: p.yearlyCents,
    attachments: p.attachments,
    submitted_at: p.submittedAt,
    updated_by: p.updatedBy,
  });
  const saveProposal = (p: Proposal) => {
    st.proposals.set(p.id, p);
    log('proposal', p.id, proposalData(p));
    return p;
  };
  const meetingOut = (m: Omit<Meeting, 'groupName' | 'attendees'> & { attendeeIds: string[] }): Meeting => ({
    id: m.id,
    groupId: m.groupId,
    groupName: get(st.groups, m.groupId).name,
    date: m.date,
    hours: m.hours,
    hoursMilli: m.hoursMilli,
    topic: m.topic,
    attendees: m.attendeeIds.map((id) => ({ staffId: id, code: member(id).code, displayName: member(id).displayName })),
    updatedBy: m.updatedBy,
    updatedAt: m.updatedAt,
  });
  return {
    'groups.list': () => [...st.groups.values()].map(groupOut),
    'groups.create': (i) => {
      const g: Group = { id: uuid(), name: i.name, description: i.description, source: 'local', members: [], meetings: 0, updatedBy: operator(), updatedAt: NOW };
      st.groups.set(g.id, g);
      log('local_group', g.id, { name: g.name, description: g.description, updated_by: operator() });
      return g;
    },
    'groups.update': (i) => {
      const g = { ...get(st.groups, i.id), name: i.name, description: i.description };
      st.groups.set(g.id, g);
      return groupOut(g);
    },
    'groups.delete': ({ id }) => {
      st.groups.delete(id);
      return { id };
    },
    'groups.addMember': (i) => {
      const g = get(st.groups, i.groupId);
      const s = member(i.staffId);
      const next = { ...g, members: [...g.members, { membershipId: uuid(), staffId: s.id, code: s.code, displayName: s.displayName, since: i.since, until: i.until }] };
      st.groups.set(g.id, next);
      return groupOut(next);
    },
    'groups.updateMember': (i) => groupOut(get(st.groups, i.groupId)),
    'groups.removeMember': ({ id }) => {
      const g = [...st.groups.values()].find((x) => x.members.some((m) => m.membershipId === id));
      if (!g) throw new RecordFailure('E_NOT_FOUND', 'Dato non trovato.');
      const next = { ...g, members: g.members.filter((m) => m.membershipId !== id) };
      st.groups.set(g.id, next);
      return groupOut(next);
    },
    'meetings.list': (f) => [...st.meetings.values()].filter((m) => !f.groupId || m.groupId === f.groupId),
    'meetings.create': (i) => {
      const milli = parseMilli(i.hours) ?? 0;
      const m = meetingOut({ id: uuid(), groupId: i.groupId, date: i.date, hours: formatMilli(milli), hoursMilli: milli, topic: i.topic, attendeeIds: i.attendees, updatedBy: operator(), updatedAt: NOW });
      st.meetings.set(m.id, m);
      return m;
    },
    'meetings.update': (i) => {
      const milli = parseMilli(i.hours) ?? 0;
      const m = meetingOut({ id: i.id, groupId: i.groupId, date: i.date, hours: formatMilli(milli), hoursMilli: milli, topic: i.topic, attendeeIds: i.attendees, updatedBy: operator(), updatedAt: NOW });
      st.meetings.set(m.id, m);
      return m;
    },
    'meetings.delete': ({ id }) => {
      st.meetings.delete(id);
      return { id };
    },
    'proposals.create': (i) =>
      saveProposal({
        id: uuid(),
        status: 'draft',
        version: 0,
        title: i.title,
        problem: i.problem,
        solution: i.solution,
        groupId: i.groupId,
        benefits: i.benefits,
        beneficiaries: i.beneficiaries,
        oneOffCents: i.oneOffCents,
        yearlyCents: i.yearlyCents,
        attachments: [],
        submittedAt: null,
        createdAt: NOW,
        updatedAt: NOW,
        updatedBy: operator(),
      }),
    'proposals.update': (i) => {
      const p = get(st.proposals, i.id);
      if (p.status === 'withdrawn') throw new RecordFailure('E_VALIDATION', 'Una proposta ritirata non si può modificare.');
      const { id: _id, ...content } = i;
      return saveProposal({ ...p, ...content, version: p.status === 'submitted' ? p.version + 1 : p.version, updatedBy: operator() });
    },
    'proposals.submit': ({ id }) => {
      const p = get(st.proposals, id);
      if (!p.problem || !p.solution) throw new RecordFailure('E_VALIDATION', 'Per presentare la proposta descrivere il problema e la soluzione proposta.', p.problem ? 'solution' : 'problem');
      return saveProposal({ ...p, status: 'submitted', version: Math.max(1, p.version), submittedAt: NOW });
    },
    'proposals.withdraw': ({ id }) => saveProposal({ ...get(st.proposals, id), status: 'withdrawn' }),
    'proposals.delete': ({ id }) => {
      st.proposals.delete(id);
      return { id };
    },
    'proposals.list': (f) => [...st.proposals.values()].filter((p) => !f.status || p.status === f.status),
    'proposals.get': ({ id }) => {
      const p = get(st.proposals, id);
      const versions = (st.history.get(`proposal:${id}`) ?? []).map((v) => ({ seq: v.seq, at: v.at, who: v.who ?? '', data: v.data as never }));
      return { proposal: p, versions };
    },
    'attachments.add': (i) => {
      const p = get(st.proposals, i.proposalId);
      const bytes = Math.floor((i.contentBase64.length * 3) / 4);
      const sha256 = (String(st.seq + 1).padStart(2, '0') + 'a'.repeat(64)).slice(0, 64);
      return saveProposal({ ...p, attachments: [...p.attachments, { sha256, bytes, name: i.name, type: 'application/pdf' }] });
    },
    'attachments.remove': (i) => {
      const p = get(st.proposals, i.proposalId);
      return saveProposal({ ...p, attachments: p.attachments.filter((a) => a.sha256 !== i.sha256) });
    },
    'attachments.get': ({ sha256 }) => ({ sha256, type: 'application/pdf', bytes: 4, contentBase64: btoa('%PDF') }),
    'csv.preview': ({ kind, contentBase64 }) => {
      const lines = atob(contentBase64).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
      const columns = (lines[0] ?? '').split(';');
      const separator = ';' as const;
      // Codes and params as the backend sends them (shared/domain/csv.ts); the message is its Italian.
      const problems: CsvProblem[] = [];
      const seen = new Map<string, number>();
      const duplicateRows: number[] = [];
      lines.slice(1).forEach((line, i) => {
        const row = i + 2;
        const [service, date, quantity] = line.split(';');
        if (!SERVICES.some((s) => s.code === service)) problems.push({ row, column: 'servizio', code: 'CSV_SERVICE_UNKNOWN', params: { value: service ?? '' }, message: `il servizio "${service}" non è nel catalogo.` });
        if (!/^\d{2}\/\d{2}\/\d{4}$/.test(date ?? '')) problems.push({ row, column: 'data', code: 'CSV_DATE_INVALID', params: { value: date ?? '' }, message: `"${date}" non è una data.` });
        if (parseMilli(quantity ?? '') === null) problems.push({ row, column: 'quantità', code: 'CSV_QUANTITY_NOT_NUMBER', params: { value: quantity ?? '' }, message: `"${quantity}" non è un numero.` });
        const first = seen.get(line);
        if (first !== undefined) {
          duplicateRows.push(row);
          problems.push({ row, column: null, code: 'CSV_ROW_REPEATED', params: { firstRow: first }, message: `riga uguale alla riga ${first}.` });
        } else seen.set(line, row);
      });
      const invalidRows = [...new Set(problems.map((p) => p.row))].sort((a, b) => a - b);
      const rows = lines.length - 1;
      return { kind, encoding: 'utf-8', separator, columns, rows, validRows: rows - invalidRows.length - duplicateRows.filter((r) => !invalidRows.includes(r)).length, invalidRows, duplicateRows, problems, sample: lines.slice(1, 4).map((l) => l.split(';')) };
    },
    'csv.import': ({ kind, contentBase64, exclude }) => {
      const lines = atob(contentBase64).split(/\r?\n/).filter(Boolean).slice(1);
      return { kind, imported: lines.length - exclude.length, excluded: exclude };
    },
    'csv.export': ({ list }) => ({ fileName: `${list}.csv`, contentBase64: btoa('servizio;data;quantita\n'), rows: 0 }),
  };
}
