/**
 * `cst demo` on a hub (issue 5): a consortium to try. The members are the hub's registry (the
 * municipalities of its province); a year of their usage and training is written into the
 * hub's received aggregates exactly as the projectors leave them after importing their bundles
 * (`received_usage_monthly`, `hub_training_yearly`, `hub_staff_counts`); a few members are real
 * installations in temporary folders that exchange identities with the hub and send their
 * proposals in real bundles (the apply path). The hub then evaluates the proposals (one in every
 * state), builds next year's plan with costs and reference prices, records the Executive
 * Committee's and the Assembly's votes (statements published), and publishes the report.
 * Seeded: the same seed gives the same figures.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Input, MethodName, Output } from '../../../../shared/api/contract';
import type { HubDemoSummary } from '../../../../shared/domain/gov-plan';
import { toItemInput } from '../../../../shared/domain/gov-plan';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { stmt } from '../../platform/store/statements';
import { requireGovHub } from '../../governance/gov-errors';
import { activeMembers } from '../../governance/plan-items';

type Call = <M extends MethodName>(method: M, input: Input<M>) => Promise<Output<M>>;

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yearly fixed cost and unit cost (cents) of the catalogue's services, and stand-alone prices per size class. */
const COSTS: Record<string, { fixed: number; unit: number; perMember: number }> = {
  PROTOCOLLO: { fixed: 1_800_000, unit: 0, perMember: 0 },
  PEC: { fixed: 250_000, unit: 1_800, perMember: 0 },
  PAGOPA: { fixed: 600_000, unit: 35, perMember: 0 },
  SPID: { fixed: 300_000, unit: 0, perMember: 0 },
  WIFI: { fixed: 900_000, unit: 0, perMember: 0 },
};
const SIZE_REFERENCE = [150_000, 220_000, 320_000, 450_000, 700_000, 1_100_000];

/** The technicians the demo's towns designate (names shared by the first town only). */
const DESIGNATIONS = [
  { technicianName: 'Mario Rossi', substituteName: 'Anna Verdi', role: 'Responsabile dei servizi informativi', officePhone: '0721 387111' },
  { technicianName: 'Giulia Bianchi', substituteName: 'Luca Neri', role: 'Istruttore informatico', officePhone: '0722 309111' },
  { technicianName: 'Stefano Marini', substituteName: '', role: 'Responsabile dell’ufficio tecnico', officePhone: '' },
] as const;

function dispatcherCall(dispatch: (m: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string; code: string } }>): Call {
  return async (method, input) => {
    const r = await dispatch(method, input);
    if (!r.ok) throw appError('demo.stepRefused', { method, detail: r.error?.message ?? '' });
    return r.value as never;
  };
}

/**
 * The whole demo is ONE transaction, opened here and held across its awaits: every call it
 * dispatches runs its own `db.transaction`, which inside an open one is a savepoint. A kill at
 * any moment therefore leaves the hub as it was (SQLite rolls the WAL back at the next open),
 * and a demo that fails halfway is rolled back whole, so no event reaches the hub's permanent
 * stream unless the demo is complete. Only `cst demo` and the tests call it, on a hub just
 * configured, while nothing else uses the store (the CLI holds the data folder alone).
 */
export async function fillHubDemo(ctx: AppContext, input: { seed: number }): Promise<HubDemoSummary> {
  requireGovHub(ctx);
  if (ctx.db.inTransaction) throw appError('demo.notAlone');
  ctx.db.exec('BEGIN IMMEDIATE');
  try {
    const summary = await buildHubDemo(ctx, input);
    ctx.db.exec('COMMIT');
    return summary;
  } catch (err) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    throw err;
  }
}

async function buildHubDemo(ctx: AppContext, input: { seed: number }): Promise<HubDemoSummary> {
  if (stmt(ctx.db, 'SELECT 1 FROM gov_plan_versions LIMIT 1').get() || stmt(ctx.db, 'SELECT 1 FROM hub_proposals LIMIT 1').get()) {
    throw appError('demo.hubNotEmpty');
  }
  const call = dispatcherCall(ctx.api);
  const rand = rng(input.seed);
  const today = ctx.clock.now().slice(0, 10);
  const thisYear = Number(today.slice(0, 4));
  const planYear = thisYear + 1;
  const members = activeMembers(ctx);
  if (members.length < 4) throw appError('demo.fewMembers');
  const eventsBefore = stmt(ctx.db, 'SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number;

  // Catalogue costs and two thematic groups (hub events).
  const services = await call('hub.services.list', {});
  for (const s of services) {
    const c = COSTS[s.code];
    if (!c) continue;
    await call('hub.services.save', { code: s.code, nameIt: s.nameIt, nameEn: s.nameEn, category: s.category, unit: s.unit, active: s.active, fixedYearlyCents: c.fixed, unitCostCents: c.unit });
  }
  const groups = [
    await call('hub.groups.save', { name: 'Transizione digitale', description: 'Piano triennale per l’informatica nella PA, servizi online' }),
    await call('hub.groups.save', { name: 'Sicurezza informatica', description: 'Backup, continuità operativa, formazione del personale' }),
  ];

  // A year of usage and training as the projectors would have left it after the members' bundles.
  const months = Number(today.slice(5, 7)) - 1 || 1;
  let usageRows = 0;
  ctx.db.transaction(() => {
    for (const m of members) {
      const scale = Math.max(1, Math.round(m.population / 1000));
      for (const s of services.filter((x) => COSTS[x.code])) {
        const base = s.code === 'PAGOPA' ? 40 * scale : s.code === 'PEC' ? 2 + Math.round(scale / 3) : 10 * scale;
        for (let month = 1; month <= months; month++) {
          const q = Math.max(1, Math.round(base * (0.6 + rand() * 0.8))) * 1000;
          // An upsert, not OR REPLACE: the replaced row's delete would not reach the totals' triggers (018).
          stmt(
            ctx.db,
            'INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner, service, month) DO UPDATE SET quantity_milli = excluded.quantity_milli, entries = excluded.entries',
          ).run(
            m.istat,
            s.code,
            `${thisYear}-${String(month).padStart(2, '0')}`,
            q,
            1 + Math.floor(rand() * 4),
          );
          usageRows++;
        }
      }
      const staff = 3 + Math.round(m.population / 800 + rand() * 4);
      const participations = Math.round(staff * (0.5 + rand()));
      stmt(ctx.db, 'INSERT OR REPLACE INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, ?, ?, ?, ?)').run(
        m.istat,
        thisYear,
        participations,
        Math.round(participations * 0.8),
        participations * (4 + Math.floor(rand() * 8)) * 1000,
      );
      stmt(ctx.db, 'INSERT OR REPLACE INTO hub_staff_counts (owner, staff, active_staff) VALUES (?, ?, ?)').run(m.istat, staff, staff);
    }
  })();

  // Four members as real installations: identities exchanged, proposals sent in bundles.
  const towns = [...members].sort((a, b) => b.population - a.population).slice(0, 4);
  const tmp = mkdtempSync(join(tmpdir(), 'cst-hub-demo-'));
  mkdirSync(join(tmp, 'out'));
  const proposalIds: string[] = [];
  const titles = [
    ['Wi-Fi pubblico nelle frazioni', 'Le frazioni non hanno accesso a internet nei luoghi pubblici.', 'Punti di accesso nelle piazze e nelle biblioteche.', 1_800_000, 240_000],
    ['Sportello telematico unico per le pratiche edilizie', 'Pratiche edilizie su carta, tempi lunghi.', 'Sportello online condiviso con firma e pagamento pagoPA.', 2_500_000, 600_000],
    ['Backup in cloud qualificato ACN', 'Copie di sicurezza su dischi esterni negli uffici.', 'Backup quotidiano su cloud qualificato con ripristino provato.', 900_000, 450_000],
    ['App per le segnalazioni dei cittadini', 'Segnalazioni per telefono, senza seguito.', 'App e pannello per gli uffici tecnici.', 1_200_000, 180_000],
    ['Digitalizzazione dell’archivio storico', 'Archivio cartaceo che si deteriora.', 'Scansione e indicizzazione dei fascicoli.', 3_000_000, 0],
    ['Corsi sulla sicurezza per gli amministratori', 'Poca consapevolezza dei rischi.', 'Ciclo di corsi e simulazioni di phishing.', 200_000, 150_000],
    ['Centralino VoIP consortile', 'Centralini obsoleti e costosi.', 'Centralino VoIP unico con numeri dei comuni.', 1_500_000, 360_000],
    ['Open data dei bilanci comunali', 'Dati pubblicati solo in PDF.', 'Pubblicazione in formato aperto sul portale del consorzio.', 400_000, 60_000],
  ] as const;
  try {
    const hubId = await call('identity.export', {});
    for (let t = 0; t < towns.length; t++) {
      const m = towns[t]!;
      const town = ctx.openInstallation(join(tmp, m.istat));
      try {
        const tc = dispatcherCall(town.dispatch);
        await tc('setup.municipality', { istat: m.istat, operator: `Referente tecnico di ${m.name}` });
        const tid = await tc('identity.export', {});
        const peer = await call('identity.import', { contentBase64: tid.contentBase64 });
        await call('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
        const hp = await tc('identity.import', { contentBase64: hubId.contentBase64 });
        await tc('identity.confirm', { id: hp.id, fingerprint: hp.fingerprint });
        if (t === 1 || t === 2) {
          // Condivisione: the hub's bundle brings the first member's proposals; this member joins one.
          const [hb] = await call('bundle.export', { dir: join(tmp, 'out'), for: m.istat });
          await tc('bundle.import', { files: [{ path: hb!.path }] });
          const shared = (await tc('joins.list', {})).find((x) => x.title === titles[1][0]);
          if (shared) await tc('joins.join', { id: shared.id, note: t === 1 ? 'Le stesse pratiche edilizie arrivano anche ai nostri uffici: aderiamo.' : '' });
        }
        for (const [title, problem, solution, oneOff, yearly] of titles.slice(t * 2, t * 2 + 2)) {
          const others = members.filter((x) => x.istat !== m.istat).map((x) => x.istat);
          const beneficiaries = others.filter(() => rand() < 0.5).slice(0, 12);
          const p = await tc('proposals.create', { title, problem, solution, benefits: 'Servizi migliori e costi condivisi.', beneficiaries, oneOffCents: oneOff, yearlyCents: yearly });
          await tc('proposals.submit', { id: p.id });
          proposalIds.push(p.id);
        }
        // The Technical Committee: three of the four designate a technician (the last one has
        // nobody yet, as happens); one of them had another technician before, so its history shows it.
        if (t < 3) {
          const d = DESIGNATIONS[t]!;
          if (t === 0) await tc('settings.update', { shareNames: true });
          if (t === 1) await tc('committee.designation.save', { technicianName: 'Paolo Gialli', role: d.role, from: `${thisYear - 2}-01-01` });
          await tc('committee.designation.save', { ...d, officeEmail: `ced@comune.${m.name.toLowerCase().replace(/[^a-z]/g, '')}.pu.it`, from: `${thisYear - 1}-0${t + 1}-01` });
        }
        const [exp] = await tc('bundle.export', { dir: join(tmp, 'out') });
        const [res] = await call('bundle.import', { files: [{ path: exp!.path }] });
        if (res?.code) throw appError('demo.bundleNotApplied', { name: m.name, detail: res.message });
      } finally {
        town.close();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // The Technical Director coordinates the Technical Committee; each group has a designated technician as coordinator.
  const gov = await call('gov.settings.get', {});
  if (!gov.executiveCommittee.technicalDirector) {
    await call('gov.settings.update', { executiveCommittee: { members: gov.executiveCommittee.members, technicalDirector: 'Ing. Carla Ferri' } });
  }
  const coordinators = (await call('committee.coordinators', {})).filter((c) => c.role === 'technician');
  for (const [i, g] of groups.entries()) {
    const c = coordinators[i % Math.max(1, coordinators.length)];
    if (c) await call('hub.groups.save', { id: g.id, name: g.name, description: g.description, coordinator: { istat: c.istat, person: c.person }, active: g.active });
  }

  // Evaluation: one proposal in every state.
  const by = 'Comitato tecnico';
  // The steps below are decided at two Technical Committee meetings (issue 15), named on each step.
  const meetingOf = new Map<string, string>();
  const act = (id: string, action: Input<'gov.proposals.act'>['action']) => {
    const meetingId = meetingOf.get(id);
    return call('gov.proposals.act', { id, action, ...(meetingId && action.by === by ? { meetingId } : {}) });
  };
  const score = () => Object.fromEntries(['citizen_business_benefit', 'members_benefiting', 'feasibility', 'cost_benefit', 'national_plan_fit'].map((c) => [c, 4 + Math.floor(rand() * 7)]));
  const evaluate = async (id: string) => {
    await call('gov.proposals.assign', { id, groupId: groups[proposalIds.indexOf(id) % 2]!.id });
    await act(id, { type: 'start_evaluation', date: today, by });
    await act(id, { type: 'evaluate', date: today, by, scores: score() });
  };
  const [pReceived, pUnder, pReturned, pNot, pAdm1, pAdm2, pProgress, pDone] = proposalIds as [string, string, string, string, string, string, string, string];
  const meetings = await demoMeetings(call, members, towns, today, rand, [
    { place: 'Sede del consorzio', online: false, proposals: [pUnder, pReturned, pNot, pAdm1, pAdm2], agenda: ['Esame delle proposte ricevute', 'Assegnazione ai gruppi tematici', 'Varie ed eventuali'] },
    { place: '', online: true, proposals: [pProgress, pDone], agenda: ['Proposte da ammettere al piano', 'Avanzamento delle iniziative in corso'] },
  ]);
  meetings.forEach((m) => m.proposals.forEach((p) => meetingOf.set(p, m.id)));
  await call('gov.proposals.assign', { id: pReceived, groupId: groups[0]!.id });
  await act(pUnder, { type: 'start_evaluation', date: today, by });
  await evaluate(pReturned);
  await act(pReturned, { type: 'return', date: today, by, notes: 'Indicare il numero di sportelli e un preventivo aggiornato.' });
  await evaluate(pNot);
  await act(pNot, { type: 'not_admit', date: today, by, reason: 'Già coperta dal servizio di protocollo del consorzio.' });
  for (const id of [pAdm1, pAdm2, pProgress, pDone]) {
    await evaluate(id);
    await act(id, { type: 'admit', date: today, by });
  }
  // Two initiatives of last year's plan, already under way or completed.
  for (const id of [pProgress, pDone]) {
    await act(id, { type: 'approve_with_plan', date: today, by: 'Assemblea', planYear: thisYear, planVersion: 1 });
    await act(id, { type: 'start', date: today, by: 'Direttore tecnico', expectedEndDate: `${planYear}-06-30`, progress: 10 });
  }
  await act(pProgress, { type: 'report_progress', date: today, by: 'Direttore tecnico', progress: 45 });
  await act(pDone, { type: 'complete', date: today, by: 'Direttore tecnico', note: 'Collaudo superato; buona pratica da estendere.' });

  // Next year's plan: suggested items, the quota and reference prices, then the approval flow.
  const draft = await call('plan.create', { year: planYear, date: today, by: 'Direttore tecnico' });
  const items = draft.items.map((i) => ({
    ...toItemInput(i),
    fixedCents: i.category === 'quota' ? 150 * members.length * 10_000 : i.fixed_cents,
    reference: i.category === 'service' ? ({ kind: 'size_class', cents: SIZE_REFERENCE.map((c) => Math.round((c * (COSTS[i.code]?.fixed ?? 500_000)) / 1_000_000)) } as const) : null,
  }));
  await call('plan.saveItems', { year: planYear, version: 1, items });
  await call('plan.step', { year: planYear, version: 1, step: 'propose', date: today, by: 'Comitato esecutivo' });
  const ec = ['Presidente', 'Vicepresidente', 'Direttore tecnico', 'Consigliere 1', 'Consigliere 2'];
  await call('plan.approve', {
    year: planYear,
    version: 1,
    body: 'executive_committee',
    date: today,
    minutesRef: `Verbale del Comitato esecutivo n. 9/${thisYear}`,
    electorate: ec.map((id) => ({ id })),
    present: ec.slice(0, 4),
    ballots: ec.slice(0, 4).map((member, i) => ({ member, vote: i === 3 ? 'abstain' : 'for' })),
  });
  await call('plan.step', { year: planYear, version: 1, step: 'submit', date: today, by: 'Presidente' });
  const present = members.filter(() => rand() < 0.8).map((m) => m.istat);
  const approval = await call('plan.approve', {
    year: planYear,
    version: 1,
    body: 'assembly',
    date: today,
    minutesRef: `Verbale dell'Assemblea n. 4/${thisYear}`,
    present,
    ballots: present.map((member) => ({ member, vote: rand() < 0.85 ? 'for' : rand() < 0.5 ? 'against' : 'abstain' })),
  });
  await call('gov.settings.update', { reportNamed: true });
  await call('report.publish', { year: thisYear });
  const events = (stmt(ctx.db, 'SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number) - eventsBefore;
  return {
    seed: input.seed,
    members: members.length,
    usageRows,
    towns: towns.length,
    proposals: proposalIds.length,
    planYear,
    planState: approval.plan.state,
    planTotalCents: approval.plan.totalCents,
    assemblyOutcome: approval.outcome,
    meetings: meetings.length,
    events,
  };
}

type DemoCall = ReturnType<typeof dispatcherCall>;

/**
 * Technical Committee meetings with their attendance: the four towns run as installations and
 * a few more members have a technician (present, substitute, by proxy, absent); the rest none.
 */
async function demoMeetings(
  call: DemoCall,
  members: readonly { istat: string }[],
  towns: readonly { istat: string }[],
  date: string,
  rand: () => number,
  plans: { place: string; online: boolean; proposals: string[]; agenda: string[] }[],
): Promise<{ id: string; proposals: string[] }[]> {
  const designated = [...new Set([...towns.map((t) => t.istat), ...members.slice(0, 8).map((m) => m.istat)])];
  const out: { id: string; proposals: string[] }[] = [];
  for (const plan of plans) {
    const attendance: { member: string; status: 'titular' | 'substitute' | 'proxy' | 'absent' | 'not_designated'; proxy_to?: string }[] = [];
    for (const istat of designated) {
      const r = rand();
      attendance.push({ member: istat, status: r < 0.6 ? 'titular' : r < 0.8 ? 'substitute' : 'absent' });
    }
    // One absent member gives its proxy to the first present (one proxy per member present by default).
    const holder = attendance.find((a) => a.status === 'titular' || a.status === 'substitute');
    const giver = attendance.find((a) => a.status === 'absent');
    if (holder && giver) Object.assign(giver, { status: 'proxy', proxy_to: holder.member });
    for (const m of members) if (!designated.includes(m.istat)) attendance.push({ member: m.istat, status: 'not_designated' });
    const m = await call('tc.meetings.save', {
      date,
      place: plan.place,
      online: plan.online,
      ...(plan.online ? { link: 'https://riunioni.example.org/comitato-tecnico' } : {}),
      agenda: plan.agenda,
      proposals: plan.proposals,
      attendance,
      notes: '',
    });
    out.push({ id: m.id, proposals: plan.proposals });
  }
  return out;
}
