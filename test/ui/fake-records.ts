import type { z } from 'zod';
import { api as contract, type MethodName, type Output } from '../../shared/api/contract';
import type { HistoryVersion } from '../../shared/domain/history';
import type { Proposal } from '../../shared/domain/proposals';
import { formatMilli, parseMilli } from '../../shared/domain/quantity';
import type { StaffMember } from '../../shared/domain/staff';
import type { Course, Participation } from '../../shared/domain/training';
import type { Group, Meeting } from '../../shared/domain/groups';
import type { Service, UsageEntry } from '../../shared/domain/usage';
import { PROVISIONAL_CATALOGUE, UNITS } from '../../shared/records/catalogue';
import { groupAndProposalHandlers } from './fake-records-more';

/**
 * The municipality records of the fake backend (UI tests only): in memory, simple, enough for
 * the screens to behave as with the core. Inputs were validated by the contract's schemas already.
 */
export type Handlers = { [M in MethodName]?: (input: z.output<(typeof contract)[M]['input']>) => Output<M> };

export const NOW = '2026-11-26T09:00:00.000Z';
export const SERVICES: Service[] = PROVISIONAL_CATALOGUE.map((s) => ({
  code: s.code,
  nameIt: s.name_it,
  nameEn: s.name_en,
  category: s.category,
  unit: s.unit,
  unitIt: UNITS[s.unit].it,
  unitEn: UNITS[s.unit].en,
  decimals: s.decimals,
  source: 'provisional',
}));

export class RecordFailure extends Error {
  constructor(readonly code: 'E_NOT_FOUND' | 'E_VALIDATION', message: string, readonly field?: string) {
    super(message);
  }
}

let counter = 0;
function uuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export interface RecordState {
  usage: Map<string, UsageEntry>;
  staff: Map<string, StaffMember>;
  courses: Map<string, Omit<Course, 'participants' | 'averageEvaluation'>>;
  participations: Map<string, Participation>;
  groups: Map<string, Group>;
  meetings: Map<string, Meeting>;
  proposals: Map<string, Proposal>;
  history: Map<string, HistoryVersion[]>;
  shareNames: boolean;
  seq: number;
}

export function createRecordHandlers(operator: () => string): { handlers: Handlers; state: RecordState } {
  const st: RecordState = {
    usage: new Map(),
    staff: new Map(),
    courses: new Map(),
    participations: new Map(),
    groups: new Map(),
    meetings: new Map(),
    proposals: new Map(),
    history: new Map(),
    shareNames: false,
    seq: 0,
  };
  const log = (kind: string, id: string, data: Record<string, unknown> | null) => {
    const key = `${kind}:${id}`;
    const list = st.history.get(key) ?? [];
    const prev = list[list.length - 1]?.data ?? null;
    const changed = data ? Object.keys(data).filter((k) => !prev || JSON.stringify(prev[k]) !== JSON.stringify(data[k])) : [];
    list.push({ seq: ++st.seq, at: NOW, who: data ? operator() : null, op: data ? 'put' : 'delete', data, changed });
    st.history.set(key, list);
  };
  const get = <T>(map: Map<string, T>, id: string): T => {
    const v = map.get(id);
    if (!v) throw new RecordFailure('E_NOT_FOUND', 'Dato non trovato.');
    return v;
  };
  const usageFrom = (id: string, i: { service: string; date: string; period: 'day' | 'month'; quantity: string; beneficiaries?: { citizens?: number | null | undefined; businesses?: number | null | undefined; offices?: number | null | undefined } | undefined; channel?: UsageEntry['channel'] | undefined; note: string }, version: number): UsageEntry => {
    if (!SERVICES.some((s) => s.code === i.service)) throw new RecordFailure('E_VALIDATION', 'Servizio sconosciuto.', 'service');
    const milli = parseMilli(i.quantity) ?? 0;
    if (milli === 0) throw new RecordFailure('E_VALIDATION', 'La quantità deve essere maggiore di zero.', 'quantity');
    const date = i.period === 'month' ? `${i.date.slice(0, 7)}-01` : i.date;
    const e: UsageEntry = {
      id,
      service: i.service,
      date,
      period: i.period,
      quantity: formatMilli(milli),
      quantityMilli: milli,
      beneficiaries: { citizens: i.beneficiaries?.citizens ?? null, businesses: i.beneficiaries?.businesses ?? null, offices: i.beneficiaries?.offices ?? null },
      channel: i.channel ?? null,
      note: i.note,
      version,
      updatedBy: operator(),
      updatedAt: NOW,
      createdAt: NOW,
    };
    log('usage', id, { service: e.service, date, period: e.period, quantity_milli: milli, beneficiaries: e.beneficiaries, channel: e.channel, note: e.note, updated_by: operator() });
    return e;
  };
  const filtered = (f: { service?: string | undefined; from?: string | undefined; to?: string | undefined; text?: string | undefined }) =>
    [...st.usage.values()]
      .filter((e) => (!f.service || e.service === f.service) && (!f.from || e.date >= f.from) && (!f.to || e.date <= f.to))
      .filter((e) => !f.text || f.text.toLowerCase().split(/\s+/).every((w) => e.note.toLowerCase().includes(w)))
      .sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
  const courseOut = (c: Omit<Course, 'participants' | 'averageEvaluation'>): Course => {
    const ps = [...st.participations.values()].filter((p) => p.courseId === c.id);
    const evals = ps.map((p) => p.evaluation).filter((e): e is number => e !== null);
    return { ...c, participants: ps.length, averageEvaluation: evals.length ? Math.round((evals.reduce((a, b) => a + b, 0) / evals.length) * 10) / 10 : null };
  };
  const staffOut = (s: StaffMember) => s;
  const member = (id: string) => get(st.staff, id);

  const handlers: Handlers = {
    'catalogue.list': () => SERVICES,
    'usage.record': (i) => {
      const e = usageFrom(uuid(), i, 1);
      st.usage.set(e.id, e);
      return e;
    },
    'usage.update': (i) => {
      const old = get(st.usage, i.id);
      const e = { ...usageFrom(i.id, i, old.version + 1), createdAt: old.createdAt };
      st.usage.set(e.id, e);
      return e;
    },
    'usage.delete': ({ id }) => {
      get(st.usage, id);
      st.usage.delete(id);
      log('usage', id, null);
      return { id };
    },
    'usage.get': ({ id }) => get(st.usage, id),
    'usage.list': (f) => {
      const all = filtered(f);
      const start = f.cursor ? Number(f.cursor) : 0;
      const rows = all.slice(start, start + f.limit);
      const units = new Map<string, { milli: number; entries: number }>();
      for (const e of all) {
        const unit = SERVICES.find((s) => s.code === e.service)?.unit ?? 'documents';
        const u = units.get(unit) ?? { milli: 0, entries: 0 };
        units.set(unit, { milli: u.milli + e.quantityMilli, entries: u.entries + 1 });
      }
      return {
        rows,
        total: all.length,
        totals: [...units].map(([unit, u]) => ({ unit: unit as Service['unit'], quantity: formatMilli(u.milli), quantityMilli: u.milli, entries: u.entries })),
        nextCursor: start + f.limit < all.length ? String(start + f.limit) : null,
      };
    },
    'usage.monthly': ({ year, service }) => {
      const rows = new Map<string, number[]>();
      for (const e of st.usage.values()) {
        if (!e.date.startsWith(String(year)) || (service && e.service !== service)) continue;
        const months = rows.get(e.service) ?? Array<number>(12).fill(0);
        months[Number(e.date.slice(5, 7)) - 1]! += e.quantityMilli;
        rows.set(e.service, months);
      }
      return {
        year,
        rows: [...rows].map(([code, monthsMilli]) => {
          const total = monthsMilli.reduce((a, b) => a + b, 0);
          return { service: code, unit: SERVICES.find((s) => s.code === code)!.unit, monthsMilli, months: monthsMilli.map((m) => formatMilli(m)), entries: 0, totalMilli: total, total: formatMilli(total) };
        }),
      };
    },
    'usage.trend': ({ months }) => {
      const list = Array.from({ length: months }, (_, i) => {
        const d = new Date(Date.UTC(2026, 10 - (months - 1 - i), 1));
        return d.toISOString().slice(0, 7);
      });
      const series = new Map<string, number[]>();
      for (const e of st.usage.values()) {
        const idx = list.indexOf(e.date.slice(0, 7));
        if (idx < 0) continue;
        const values = series.get(e.service) ?? Array<number>(months).fill(0);
        values[idx]! += e.quantityMilli;
        series.set(e.service, values);
      }
      return { months: list, series: [...series].map(([code, valuesMilli]) => ({ service: code, unit: SERVICES.find((s) => s.code === code)!.unit, valuesMilli })) };
    },
    'staff.create': (i) => {
      const id = uuid();
      const code = i.code ?? `P-${String(st.staff.size + 1).padStart(3, '0')}`;
      const s: StaffMember = { id, code, displayName: i.displayName || null, role: i.role, office: i.office, active: true, updatedBy: operator(), updatedAt: NOW };
      st.staff.set(id, s);
      log('staff', id, { code, role: s.role, office: s.office, active: true, updated_by: operator() });
      return s;
    },
    'staff.update': (i) => {
      get(st.staff, i.id);
      const s: StaffMember = { id: i.id, code: i.code, displayName: i.displayName || null, role: i.role, office: i.office, active: i.active, updatedBy: operator(), updatedAt: NOW };
      st.staff.set(i.id, s);
      log('staff', i.id, { code: s.code, role: s.role, office: s.office, active: s.active, updated_by: operator() });
      return s;
    },
    'staff.delete': ({ id }) => {
      get(st.staff, id);
      st.staff.delete(id);
      log('staff', id, null);
      return { id };
    },
    'staff.list': () => [...st.staff.values()].map(staffOut),
    'courses.create': (i) => {
      const id = uuid();
      const c = { id, title: i.title, area: i.area, startDate: i.startDate, endDate: i.endDate, hours: formatMilli(parseMilli(i.hours) ?? 0), hoursMilli: parseMilli(i.hours) ?? 0, mode: i.mode, provider: i.provider, consortium: i.consortium, updatedBy: operator(), updatedAt: NOW };
      st.courses.set(id, c);
      log('course', id, { title: c.title, hours_milli: c.hoursMilli, updated_by: operator() });
      return courseOut(c);
    },
    'courses.update': (i) => {
      get(st.courses, i.id);
      const c = { id: i.id, title: i.title, area: i.area, startDate: i.startDate, endDate: i.endDate, hours: formatMilli(parseMilli(i.hours) ?? 0), hoursMilli: parseMilli(i.hours) ?? 0, mode: i.mode, provider: i.provider, consortium: i.consortium, updatedBy: operator(), updatedAt: NOW };
      st.courses.set(i.id, c);
      log('course', i.id, { title: c.title, hours_milli: c.hoursMilli, updated_by: operator() });
      return courseOut(c);
    },
    'courses.delete': ({ id }) => {
      st.courses.delete(id);
      return { id };
    },
    'courses.list': () => [...st.courses.values()].map(courseOut),
    'participations.create': (i) => {
      const id = uuid();
      const s = member(i.staffId);
      const c = get(st.courses, i.courseId);
      const milli = i.hours ? (parseMilli(i.hours) ?? 0) : c.hoursMilli;
      const p: Participation = { id, staffId: s.id, staffCode: s.code, staffName: s.displayName, courseId: c.id, courseTitle: c.title, hours: formatMilli(milli), hoursMilli: milli, completed: i.completed, evaluation: i.evaluation, comment: i.comment, updatedBy: operator(), updatedAt: NOW };
      st.participations.set(id, p);
      log('participation', id, { staff_id: s.id, course_id: c.id, hours_milli: milli, completed: p.completed, evaluation: p.evaluation, comment: p.comment, updated_by: operator() });
      return p;
    },
    'participations.update': (i) => {
      get(st.participations, i.id);
      const s = member(i.staffId);
      const c = get(st.courses, i.courseId);
      const milli = i.hours ? (parseMilli(i.hours) ?? 0) : c.hoursMilli;
      const p: Participation = { id: i.id, staffId: s.id, staffCode: s.code, staffName: s.displayName, courseId: c.id, courseTitle: c.title, hours: formatMilli(milli), hoursMilli: milli, completed: i.completed, evaluation: i.evaluation, comment: i.comment, updatedBy: operator(), updatedAt: NOW };
      st.participations.set(i.id, p);
      return p;
    },
    'participations.delete': ({ id }) => {
      st.participations.delete(id);
      return { id };
    },
    'participations.list': (f) => [...st.participations.values()].filter((p) => (!f.courseId || p.courseId === f.courseId) && (!f.staffId || p.staffId === f.staffId)),
    'training.totals': ({ year }) => {
      const ps = [...st.participations.values()].filter((p) => get(st.courses, p.courseId).startDate.startsWith(String(year)));
      const sum = (xs: Participation[]) => xs.reduce((a, p) => a + p.hoursMilli, 0);
      const people = [...new Set(ps.map((p) => p.staffId))];
      const courses = [...new Set(ps.map((p) => p.courseId))];
      return {
        year,
        perPerson: people.map((id) => {
          const mine = ps.filter((p) => p.staffId === id);
          const s = member(id);
          return { staffId: id, code: s.code, displayName: s.displayName, courses: mine.length, completed: mine.filter((p) => p.completed).length, hoursMilli: sum(mine), hours: formatMilli(sum(mine)) };
        }),
        perCourse: courses.map((id) => {
          const mine = ps.filter((p) => p.courseId === id);
          return { courseId: id, title: get(st.courses, id).title, participants: mine.length, completed: mine.filter((p) => p.completed).length, hoursMilli: sum(mine), hours: formatMilli(sum(mine)), averageEvaluation: courseOut(get(st.courses, id)).averageEvaluation };
        }),
        total: { courses: courses.length, participations: ps.length, completed: ps.filter((p) => p.completed).length, hoursMilli: sum(ps), hours: formatMilli(sum(ps)) },
      };
    },
    'settings.get': () => ({ shareNames: st.shareNames, operator: operator() }),
    'settings.update': (i) => {
      if (i.shareNames !== undefined) st.shareNames = i.shareNames;
      return { shareNames: st.shareNames, operator: operator() };
    },
    'history.get': ({ kind, id }) => ({ kind, id, versions: st.history.get(`${kind}:${id}`) ?? [] }),
    'home.summary': () => {
      const month = '2026-11';
      const mine = [...st.usage.values()].filter((e) => e.date.startsWith(month));
      const byService = new Map<string, UsageEntry[]>();
      for (const e of mine) byService.set(e.service, [...(byService.get(e.service) ?? []), e]);
      const proposals = [...st.proposals.values()];
      return {
        month,
        usage: [...byService].map(([code, es]) => {
          const milli = es.reduce((a, e) => a + e.quantityMilli, 0);
          return { service: code, unit: SERVICES.find((s) => s.code === code)!.unit, entries: es.length, quantityMilli: milli, quantity: formatMilli(milli) };
        }),
        usageEntries: mine.length,
        trainingHoursMilli: [...st.participations.values()].reduce((a, p) => a + p.hoursMilli, 0),
        participations: st.participations.size,
        proposals: { draft: proposals.filter((p) => p.status === 'draft').length, submitted: proposals.filter((p) => p.status === 'submitted').length, withdrawn: proposals.filter((p) => p.status === 'withdrawn').length },
        unsentEvents: st.seq,
        lastExportAt: null,
      };
    },
  };
  Object.assign(handlers, groupAndProposalHandlers(st, operator, log, get, member, uuid));
  return { handlers, state: st };
}

