/**
 * Governance situations for the UI tests, made by the real core (test/ui/real-backend.ts): a hub
 * whose registry is five of the province's municipalities, a 2027 plan with one PEC item brought
 * to a given state through the same plan.* calls the screens make, and a member's usage received
 * in a real bundle so that the plan's suggestion comes from last year's usage.
 */
import type { Input } from '../../shared/api/contract';
import type { PlanView } from '../../shared/domain/gov-plan';

type ItemInput = Input<'plan.saveItems'>['items'][number];
import { exportBundles, openUiBackend, pair, type UiBackend } from './real-backend';

/** Fano, Pesaro, Sant'Angelo in Vado, Urbania, Urbino: 181.708 inhabitants in all. */
export const FIVE = ['041013', '041044', '041057', '041066', '041067'];

/** The registry down to FIVE: the others never exchanged identities, so they can be removed. */
export async function fiveMembers(hub: UiBackend): Promise<void> {
  for (const m of await hub.must('members.list', {})) if (!FIVE.includes(m.istat)) await hub.must('members.remove', { istat: m.istat });
}

/** Urbino records 110 PEC mailboxes in 2026 and sends them to the hub in a real bundle. */
export async function receiveUsage(hub: UiBackend): Promise<void> {
  const town = await openUiBackend({ as: 'municipality' });
  await pair(hub, town);
  await town.must('usage.record', { service: 'PEC', date: '2026-03-10', quantity: '110' });
  await sendTo(hub, town);
}

const DAY = '2026-11-26';
const ELECTORATE = ['Presidente', 'Vicepresidente', 'Direttore tecnico'];

/**
 * A hub (five members) with the 2027 plan in `state`: one PEC item, 1.000,00 € a year plus
 * 12,50 € for each of 120 mailboxes (2.500,00 €), shared half in equal parts, half by population.
 */
export async function hubWithPlan(state: PlanView['state'], options: PlanOptions = {}): Promise<UiBackend> {
  const hub = await openUiBackend({ as: 'hub' });
  await fiveMembers(hub);
  if (options.usage) await receiveUsage(hub);
  await makePlan(hub, state, options);
  return hub;
}

type PlanOptions = { usage?: boolean; exempt?: string[]; item?: Partial<ItemInput>; more?: ItemInput[] };

/** On `hub`, the 2027 plan described above, brought to `state`. */
export async function makePlan(hub: UiBackend, state: PlanView['state'], options: PlanOptions = {}): Promise<void> {
  await hub.must('plan.create', { year: 2027, date: DAY, by: 'Direttore tecnico' });
  await hub.must('plan.saveItems', {
    year: 2027,
    version: 1,
    items: [
      {
        code: 'PEC',
        description: 'Posta elettronica certificata',
        category: 'service',
        service: 'PEC',
        fixedCents: 100_000,
        unitCents: 1_250,
        quantityMilli: 120_000,
        oneOffCents: 0,
        key: { equal: 50, population: 50, usage: 0 },
        usageBasis: 'last_year',
        exempt: options.exempt ?? [],
        reference: null,
        ...options.item,
      },
      ...(options.more ?? []),
    ],
  });
  if (state === 'draft') return;
  await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: DAY, by: 'Comitato esecutivo' });
  if (state === 'proposed_by_executive') return;
  await hub.must('plan.approve', {
    year: 2027,
    version: 1,
    body: 'executive_committee',
    date: DAY,
    minutesRef: 'CE 4/2026',
    electorate: ELECTORATE.map((id) => ({ id })),
    present: ELECTORATE,
    ballots: ELECTORATE.map((member) => ({ member, vote: 'for' as const })),
  });
  if (state === 'approved_by_executive') return;
  await hub.must('plan.step', { year: 2027, version: 1, step: 'submit', date: DAY, by: 'Presidente' });
  if (state === 'submitted_to_assembly') return;
  await hub.must('plan.approve', {
    year: 2027,
    version: 1,
    body: 'assembly',
    date: DAY,
    minutesRef: 'Assemblea 2/2026',
    present: FIVE,
    ballots: FIVE.map((member) => ({ member, vote: 'for' as const })),
  });
  if (state !== 'approved_by_assembly') throw new Error(`hubWithPlan: no way to ${state} here`);
  return;
}

/**
 * Urbino's proposal «Wi-Fi pubblico nelle frazioni» (18.000,00 € once, 2.400,00 € a year, with a
 * quote attached), submitted and received by the hub in a real bundle; the hub has started its
 * evaluation when `evaluating`. Returns the hub, the municipality and the proposal's id.
 */
export async function hubWithProposal(options: { evaluating?: boolean } = {}): Promise<{ hub: UiBackend; town: UiBackend; id: string }> {
  const hub = await openUiBackend({ as: 'hub' });
  const town = await openUiBackend({ as: 'municipality' });
  await pair(hub, town);
  const p = await town.must('proposals.create', {
    title: 'Wi-Fi pubblico nelle frazioni',
    problem: 'Le frazioni non hanno accesso a internet.',
    solution: 'Punti di accesso nelle piazze.',
    benefits: 'Servizi migliori.',
    oneOffCents: 1_800_000,
    yearlyCents: 240_000,
  });
  await town.must('attachments.add', { proposalId: p.id, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: btoa('%PDF-1.4 preventivo') });
  await town.must('proposals.submit', { id: p.id });
  await sendTo(hub, town);
  if (options.evaluating) await hub.must('gov.proposals.act', { id: p.id, action: { type: 'start_evaluation', date: DAY, by: 'Comitato tecnico' } });
  return { hub, town, id: p.id };
}

/** `from`'s pending changes, exported and imported by `to` as real bundles. */
export async function sendTo(to: UiBackend, from: UiBackend): Promise<void> {
  const files = await exportBundles(from);
  for (const r of await to.must('bundle.import', { files: files.map((f) => ({ name: f.name, contentBase64: f.contentBase64 })) })) {
    if (r.code) throw new Error(`bundle not applied: ${r.message}`);
  }
}
