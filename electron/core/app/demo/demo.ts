import type { ParsedInput } from '../../../../shared/api/contract';
import type { DemoSummary } from '../../../../shared/domain/demo';
import { formatMilli } from '../../../../shared/domain/quantity';
import type { AppContext, IdSource } from '../../platform/context';
import { appError } from '../../platform/errors';
import { createGroup, addMember, createMeeting } from '../../municipality/groups/groups-service';
import { readInstallation } from '../../platform/installation/installation-store';
import { addAttachment, createProposal, submitProposal, updateProposal, withdrawProposal } from '../../municipality/proposals/proposals-service';
import { operatorName, requireMunicipality } from '../../sync/records/record-events';
import { stmt } from '../../platform/store/statements';
import { findMunicipality } from '../../platform/reference/municipalities';
import { createStaff } from '../../municipality/staff/staff-service';
import { saveDesignation } from '../../municipality/committee/designation-service';
import { createCourse, createParticipation } from '../../municipality/training/training-service';
import { recordUsageInTransaction } from '../../municipality/usage/usage-service';
import { COURSE_COMMENTS, COURSES, FIRST_NAMES, GROUPS, HOLIDAYS, LAST_NAMES, PROPOSALS, SEASON, STAFF_ROLES, SUMMER, USAGE_NOTES } from './demo-data';

export const DEMO_TASK = 'demo.fill';

/** mulberry32: a small seeded generator, so the same seed gives the same municipality. */
function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
    sample: <T>(xs: readonly T[], n: number): T[] => [...xs].map((x) => [next(), x] as const).sort((p, q) => p[0] - q[0]).slice(0, n).map(([, x]) => x),
  };
}
type Rng = ReturnType<typeof seeded>;

function seededIds(rng: Rng): IdSource {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join('');
  return { uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(0, 3)]}${hex(3)}-${hex(12)}` };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const isWorkday = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !HOLIDAYS.has(isoDay(d).slice(5));
/** A positive decimal quantity as text with at most `decimals` digits (thousandths). */
const qty = (value: number, decimals: boolean) => (decimals ? formatMilli(Math.max(1, Math.round(value * 1000))) : String(Math.max(1, Math.round(value))));

/**
 * Fills an EMPTY municipality with a realistic period: daily and monthly usage with seasons
 * and quantities scaled to the population, staff, courses with evaluations, groups with
 * meetings, and proposals in every state. Refused once the outbox holds anything: demo events
 * would otherwise travel to the consortium mixed with real ones. Called directly (not through
 * the contract, which caps `months` at 36) by the national demo with ten years and its own ids.
 */
export function fillDemo(ctx: AppContext, input: ParsedInput<'demo.fill'>, ids?: IdSource): DemoSummary {
  requireMunicipality(ctx);
  if ((stmt(ctx.db, 'SELECT count(*) FROM outbox').pluck().get() as number) > 0) {
    throw appError('demo.notEmpty');
  }
  const rng = seeded(input.seed);
  // `ids`: the national demo gives each simulated member ids of its own (app/national/national-seeds.ts).
  const dctx: AppContext = { ...ctx, ids: ids ?? seededIds(rng) };
  const inst = readInstallation(ctx.db)!;
  const k = Math.max(0.5, (findMunicipality(inst.id)?.population ?? 3000) / 1000);
  const today = new Date(`${ctx.clock.now().slice(0, 10)}T00:00:00Z`);
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - input.months + 1, 1));
  const summary: DemoSummary = { months: input.months, seed: input.seed, usageEntries: 0, staff: 0, courses: 0, participations: 0, groups: 0, memberships: 0, meetings: 0, proposals: 0, events: 0 };
  let attachTo: string | null = null;
  const operator = operatorName(ctx);

  // Progress in steps: each day of the period, each month, then staff and courses, groups,
  // proposals. Emitted from inside the one transaction (see csv-service.ts on delivery).
  const days = Math.floor((today.getTime() - start.getTime()) / 86_400_000) + 1;
  const months = (today.getUTCFullYear() - start.getUTCFullYear()) * 12 + today.getUTCMonth() - start.getUTCMonth() + 1;
  const progress = { done: 0, total: days + months + 3 };
  const step = (n = 1, every = 1) => {
    progress.done += n;
    if (progress.done % every === 0 || progress.done === progress.total) ctx.emit('task.progress', { taskId: DEMO_TASK, label: 'Dati dimostrativi', ...progress });
  };
  step(0);

  ctx.db.transaction(() => {
    const record = (service: string, date: string, quantity: string, extra: Partial<ParsedInput<'usage.record'>> = {}) => {
      recordUsageInTransaction(dctx, { service, date, period: 'day', quantity, note: rng.chance(0.06) ? rng.pick(USAGE_NOTES) : '', ...extra }, operator);
      summary.usageEntries += 1;
    };
    // Daily services, on working days.
    for (let d = new Date(start); d <= today; d = new Date(d.getTime() + 86_400_000)) {
      step(1, 10);
      if (!isWorkday(d)) continue;
      const day = isoDay(d);
      const s = SEASON[d.getUTCMonth()]!;
      record('PROTOCOLLO', day, qty(6 * k * s * (0.7 + rng.next() * 0.6), false), { channel: rng.chance(0.7) ? 'counter' : 'online' });
      if (rng.chance(0.8)) {
        const n = Math.max(1, Math.round(2 * k * s * (0.5 + rng.next())));
        record('DEMOGRAFICI', day, String(n), { channel: rng.chance(0.8) ? 'counter' : 'online', beneficiaries: { citizens: n } });
      }
      if (rng.chance(0.5)) record('HELPDESK', day, String(rng.int(1, 4)), { channel: 'phone', beneficiaries: { offices: rng.int(1, 3) } });
      if (rng.chance(Math.min(0.9, 0.08 * k))) {
        const n = rng.int(1, 2);
        record('SUAP', day, String(n), { channel: 'online', beneficiaries: { businesses: n } });
      }
      if (rng.chance(0.7)) record('ALBO', day, String(rng.int(1, 5)), { channel: 'online' });
    }
    // Monthly services, on the first of each month up to this one.
    for (let m = new Date(start), i = 0; m <= today; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)), i++) {
      const month = isoDay(m);
      const s = SEASON[m.getUTCMonth()]!;
      step(1, 10);
      const monthly = (service: string, quantity: string) => {
        recordUsageInTransaction(dctx, { service, date: month, period: 'month', quantity, note: '' }, operator);
        summary.usageEntries += 1;
      };
      monthly('PEC', String(Math.round(3 + k * 0.8)));
      monthly('SITO', qty(2 + k * 0.3 + i * 0.05 + rng.next() * 0.2, true));
      monthly('CONSERVAZIONE', qty(0.5 + k * 0.2 + i * 0.08, true));
      monthly('GIS', qty(20 * k * s * (0.8 + rng.next() * 0.4), false));
      monthly('WIFI', qty(150 * k * SUMMER[m.getUTCMonth()]! * (0.8 + rng.next() * 0.4), false));
      if (rng.chance(0.6)) monthly('FORMAZIONE', qty(rng.int(2, 16) / 2, true));
    }

    const staffIds: string[] = [];
    for (let i = rng.int(8, 15); i > 0; i--) {
      const [role, office] = rng.pick(STAFF_ROLES);
      staffIds.push(createStaff(dctx, { displayName: `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, role, office }).id);
    }
    summary.staff = staffIds.length;
    step(1, 10);

    const spanDays = Math.max(1, Math.floor((today.getTime() - start.getTime()) / 86_400_000));
    const dayIn = (from = 0) => isoDay(new Date(start.getTime() + (from + Math.floor(rng.next() * (spanDays - from))) * 86_400_000));
    for (const c of rng.sample(COURSES, Math.min(COURSES.length, Math.max(2, Math.round(input.months * 0.6))))) {
      const date = dayIn();
      const course = createCourse(dctx, { ...c, startDate: date, endDate: date });
      summary.courses += 1;
      for (const staffId of rng.sample(staffIds, rng.int(2, 5))) {
        const completed = rng.chance(0.85);
        createParticipation(dctx, { staffId, courseId: course.id, completed, evaluation: rng.chance(0.9) ? rng.pick([3, 4, 4, 5, 5]) : null, comment: rng.pick(COURSE_COMMENTS) });
        summary.participations += 1;
      }
    }

    step(1, 10);
    for (const g of GROUPS) {
      const group = createGroup(dctx, { name: g.name, description: g.description });
      summary.groups += 1;
      const members = rng.sample(staffIds, rng.int(2, 4));
      for (const staffId of members) addMember(dctx, { groupId: group.id, staffId, since: isoDay(start), until: null });
      summary.memberships += members.length;
      for (let i = Math.max(1, Math.round(input.months / 2)); i > 0; i--) {
        createMeeting(dctx, { groupId: group.id, date: dayIn(), hours: rng.pick(['2', '2,5', '3']), topic: rng.pick(g.topics), attendees: rng.sample(members, rng.int(1, members.length)) });
        summary.meetings += 1;
      }
    }

    // The municipality's technician in the Technical Committee, with a substitute, designated at the start.
    const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    saveDesignation(dctx, {
      technicianName: person(),
      technicianCode: '',
      substituteName: person(),
      substituteCode: '',
      role: 'Responsabile dei servizi informativi',
      officeEmail: `ced@comune.${(findMunicipality(inst.id)?.name ?? 'comune').toLowerCase().replace(/[^a-z]/g, '')}.it`,
      officePhone: '',
      from: isoDay(start),
      until: null,
    });

    const states = ['submitted', 'draft', 'withdrawn', 'submitted', 'draft'] as const;
    const groupIds = stmt(ctx.db, 'SELECT id FROM thematic_groups ORDER BY name').pluck().all() as string[];
    rng.sample(PROPOSALS, rng.int(3, 5)).forEach((p, i) => {
      const content = {
        title: p.title,
        problem: p.problem,
        solution: p.solution,
        benefits: p.benefits,
        groupId: rng.pick(groupIds),
        beneficiaries: [],
        oneOffCents: p.oneOff,
        yearlyCents: p.yearly,
      };
      const created = createProposal(dctx, content);
      summary.proposals += 1;
      const state = states[i]!;
      if (state === 'draft') return;
      submitProposal(dctx, { id: created.id });
      if (i === 0) {
        updateProposal(dctx, { id: created.id, ...content, yearlyCents: Math.round(p.yearly * 1.1) });
        attachTo = created.id;
      }
      if (state === 'withdrawn') withdrawProposal(dctx, { id: created.id });
    });
    step(1, 10);
  })();

  // The attachment's file is written outside the transaction above (never file work inside one).
  if (attachTo) {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    addAttachment(dctx, { proposalId: attachTo, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') });
  }
  summary.events = stmt(ctx.db, 'SELECT count(*) FROM outbox').pluck().get() as number;
  return summary;
}
