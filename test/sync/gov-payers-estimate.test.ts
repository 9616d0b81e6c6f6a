/**
 * Issue 13, items 3 and 4, on real SQLite files, exact to the cent:
 * - a proposal with no beneficiaries becomes an initiative paid by its proposer alone (the
 *   participants pre-fill "only these members"), never by every member; the payers show in
 *   the plan, its CSV, the printed plan, and the member's statement after it travels;
 * - a new year's plan (the previous year had no usage) estimates each quantity from the last
 *   twelve months received — a level (mailboxes) averaged, a count summed —, keeps the
 *   previous plan's sharing key, and computes no savings from a missing quantity.
 */
import { describe, expect, it } from 'vitest';
import { toItemInput } from '../../shared/domain/gov-plan';
import type { TestBackend } from '../helpers/backend';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

const URBINO = '041067';
const PESARO = '041044';
const FANO = '041013';

function csvText(file: { contentBase64: string }): string {
  return Buffer.from(file.contentBase64, 'base64').toString('utf8');
}

async function admit(hub: TestBackend, id: string) {
  await hub.must('gov.proposals.act', { id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'Comitato tecnico' } });
  const scores = { citizen_business_benefit: 8, members_benefiting: 6, feasibility: 9, cost_benefit: 7, national_plan_fit: 8 };
  await hub.must('gov.proposals.act', { id, action: { type: 'evaluate', date: '2026-11-26', by: 'Comitato tecnico', scores } });
  await hub.must('gov.proposals.act', { id, action: { type: 'admit', date: '2026-11-26', by: 'Comitato tecnico' } });
}

async function approve(hub: TestBackend, year: number) {
  const members = (await hub.must('members.list', {})).map((m) => m.istat);
  await hub.must('plan.step', { year, version: 1, step: 'propose', date: '2026-11-26', by: 'Comitato esecutivo' });
  const ec = ['EC1', 'EC2', 'EC3'];
  await hub.must('plan.approve', { year, version: 1, body: 'executive_committee', date: '2026-11-26', minutesRef: 'CE 1', electorate: ec.map((id) => ({ id })), present: ec, ballots: ec.map((member) => ({ member, vote: 'for' as const })) });
  await hub.must('plan.step', { year, version: 1, step: 'submit', date: '2026-11-26', by: 'Presidente' });
  const present = members.slice(0, Math.ceil(members.length * 0.6));
  const r = await hub.must('plan.approve', { year, version: 1, body: 'assembly', date: '2026-11-26', minutesRef: 'Assemblea 1', present, ballots: present.map((member) => ({ member, vote: 'for' as const })) });
  expect(r.outcome).toBe('approved');
}

describe('who pays for an initiative (issue 13, item 3)', () => {
  it('a proposal without beneficiaries is paid by its proposer alone, to the cent, on every document', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, URBINO);
    const p = await urbino.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Niente rete.', solution: 'Punti di accesso.', oneOffCents: 1_250_000, yearlyCents: 180_000, beneficiaries: [] });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    await admit(hub, p.id);

    const plan = await hub.must('plan.create', { year: 2027, date: '2026-11-26', by: 'Direttore tecnico' });
    const init = plan.items.find((i) => i.category === 'initiative')!;
    expect(init).toMatchObject({ proposal_id: p.id, cost_cents: 1_430_000, exempt: [], payers: { kind: 'only', members: [URBINO] } });
    await hub.must('plan.saveItems', { year: 2027, version: 1, items: plan.items.map((i) => ({ ...toItemInput(i), fixedCents: i.category === 'quota' ? 5_000_000 : i.fixed_cents })) });

    const alloc = await hub.must('plan.allocate', { year: 2027 });
    const shares = alloc.items.find((i) => i.code === init.code)!.shares;
    const members = await hub.must('members.list', {});
    expect(members.length).toBeGreaterThan(40);
    expect(shares.find((s) => s.istat === URBINO)!.cents).toBe(1_430_000);
    expect(shares.filter((s) => s.istat !== URBINO).every((s) => s.cents === 0)).toBe(true);
    expect(shares).toHaveLength(members.length);

    // The CSV and the printed plan say who pays, by name.
    const csv = csvText(await hub.must('gov.csv', { table: 'plan', year: 2027 }));
    expect(csv).toMatch(/Chi paga;Comuni che pagano \(ISTAT\)/);
    expect(csv).toMatch(new RegExp(`${init.code};Wi-Fi nelle frazioni;.*;solo il comune: Urbino;${URBINO}`));
    expect(csv).toMatch(/QUOTA;.*;tutti i membri;tutti/);
    const doc = await hub.must('report.document', { doc: 'plan', year: 2027 });
    const rows = doc.sections[0]!.table!.rows.map((r) => r.cells.map((c) => c.text));
    expect(rows.find((r) => r[0] === init.code)!.at(-1)).toBe('solo il comune: Urbino');
    expect(doc.sections[0]!.table!.columns.at(-1)!.label).toBe('Chi paga');

    // Approved and sent: each member's statement carries its share; Pesaro's says it does not pay and who does.
    await approve(hub, 2027);
    const pesaro = await openTown(hub, PESARO);
    await hubToTown(hub, urbino, URBINO);
    await hubToTown(hub, pesaro, PESARO);
    const mine = await urbino.must('plan.myShare', {});
    expect(mine.statement!.lines.find((l) => l.code === init.code)).toMatchObject({ cents: 1_430_000, exempt: false });
    expect(mine.plan!.items.find((i) => i.code === init.code)!.payers).toEqual({ kind: 'only', members: [URBINO] });
    const theirs = await pesaro.must('plan.myShare', {});
    expect(theirs.statement!.lines.find((l) => l.code === init.code)).toMatchObject({ cents: 0, exempt: true });
    const st = await pesaro.must('report.document', { doc: 'statement', year: 2027, istat: PESARO });
    expect(st.sections[0]!.table!.rows.find((r) => r.cells[0]!.text === init.code)!.cells[2]!.text).toBe('non paga (solo il comune: Urbino)');
  });

  it('the members that joined the proposal pay with its proposer and beneficiaries', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, URBINO);
    const pesaro = await openTown(hub, PESARO);
    const p = await urbino.must('proposals.create', { title: 'Sportello telematico unico', problem: 'Pratiche su carta.', solution: 'Un portale comune.', oneOffCents: 0, yearlyCents: 300_001, beneficiaries: [FANO] });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    await hubToTown(hub, pesaro, PESARO);
    const [shared] = await pesaro.must('joins.list', {});
    await pesaro.must('joins.join', { id: shared!.id, note: 'Anche per noi.' });
    await townToHub(pesaro, hub);
    await admit(hub, p.id);
    const plan = await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    const init = plan.items.find((i) => i.category === 'initiative')!;
    expect(init.payers).toEqual({ kind: 'only', members: [FANO, PESARO, URBINO] });
    // 3.000,01 € in equal parts: 100.000 cents each and one cent more for one of them; nobody else pays.
    await hub.must('plan.saveItems', { year: 2027, version: 1, items: plan.items.map((i) => ({ ...toItemInput(i), ...(i.category === 'initiative' ? { key: { equal: 100, population: 0, usage: 0 } } : {}), ...(i.category === 'quota' ? { fixedCents: 1_000_000 } : {}) })) });
    const shares = (await hub.must('plan.allocate', { year: 2027 })).items.find((i) => i.code === init.code)!.shares.filter((s) => s.cents > 0);
    expect(shares.map((s) => s.istat)).toEqual([FANO, PESARO, URBINO]);
    expect(shares.map((s) => s.cents).sort()).toEqual([100_000, 100_000, 100_001]);
  });

  it('"only these members" is kept as chosen, refuses a non-member, and a record without payers keeps its old meaning', async () => {
    const hub = await openHub();
    await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    const item = { code: 'INIZ-X', description: 'Iniziativa di tre comuni', category: 'initiative' as const, fixedCents: 100_001, key: { equal: 100, population: 0, usage: 0 } };
    await hub.must('plan.saveItems', { year: 2027, version: 1, items: [{ ...item, payers: { kind: 'only', members: [URBINO, PESARO, FANO] } }] });
    const shares = (await hub.must('plan.allocate', { year: 2027 })).items[0]!.shares.filter((s) => s.cents > 0);
    // 100.001 cents in three equal parts: the remainder cent goes by the allocation's rule.
    expect(shares.map((s) => s.istat)).toEqual([FANO, PESARO, URBINO]);
    expect(shares.reduce((a, s) => a + s.cents, 0)).toBe(100_001);
    expect(shares.map((s) => s.cents).sort()).toEqual([33_333, 33_334, 33_334]);

    const bad = await hub.call('plan.saveItems', { year: 2027, version: 1, items: [{ ...item, payers: { kind: 'only', members: ['099999'] } }] });
    expect(bad.ok ? null : [bad.error.code, bad.error.message]).toEqual(['E_VALIDATION', expect.stringMatching(/Voce INIZ-X: il comune 099999 indicato fra chi paga non è un membro attivo/)]);

    // A plan item stored before issue 13 has no `payers`: every member but `exempt` pays, as it was approved.
    const db = hub.backend.ctx.db;
    const raw = JSON.parse(db.prepare('SELECT data FROM gov_plan_versions WHERE year = 2027').pluck().get() as string);
    delete raw.items[0].payers;
    raw.items[0].exempt = [URBINO];
    db.prepare('UPDATE gov_plan_versions SET data = ? WHERE year = 2027').run(JSON.stringify(raw));
    const old = (await hub.must('plan.allocate', { year: 2027 })).items[0]!;
    expect(old.exempt).toEqual([URBINO]);
    expect(old.shares.filter((s) => s.cents > 0)).toHaveLength((await hub.must('members.list', {})).length - 1);
    expect((await hub.must('plan.get', { year: 2027 })).items[0]!.payers).toBeUndefined();
  });
});

describe('who pays, from the plan CSV', () => {
  it('takes a paganti column (tutti, or the ISTAT codes of the only members who pay) and refuses a bad code by its line', async () => {
    const hub = await openHub();
    const csv = (rows: string) => Buffer.from(`codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti;paganti\r\n${rows}`).toString('base64');
    const plan = await hub.must('plan.import', { year: 2027, contentBase64: csv(`INIZ;Wi-Fi;1.000,01;100;0;0;;${URBINO}, ${PESARO}\r\nQUOTA;Quota;5.000,00;100;0;0;;tutti\r\n`) });
    expect(plan.items.map((i) => [i.code, i.payers])).toEqual([
      ['INIZ', { kind: 'only', members: [PESARO, URBINO] }],
      ['QUOTA', { kind: 'all' }],
    ]);
    const shares = (await hub.must('plan.allocate', { year: 2027 })).items[0]!.shares.filter((s) => s.cents > 0);
    expect(shares.map((s) => [s.istat, s.cents])).toEqual([
      [PESARO, 50_001],
      [URBINO, 50_000],
    ]);
    const bad = await hub.call('plan.import', { year: 2027, contentBase64: csv('INIZ;Wi-Fi;10;100;0;0;;Urbino\r\n') });
    expect(bad.ok ? null : bad.error.message).toBe('Riga 2: voce INIZ: «Urbino» nella colonna paganti non è un codice ISTAT di 6 cifre: scrivere «tutti» oppure i codici ISTAT dei comuni che pagano, separati da virgola.');
  });
});

describe("a new year's quantities and key (issue 13, item 4)", () => {
  it('estimates from the last twelve months received (levels averaged), keeps the key, refuses savings and proposal without a quantity', async () => {
    const hub = await openHub();
    await hub.must('hub.services.save', { code: 'PEC', nameIt: 'PEC istituzionale', nameEn: 'Certified e-mail', category: 'communication', unit: 'mailboxes', fixedYearlyCents: 250_000, unitCostCents: 1_800 });
    await hub.must('hub.services.save', { code: 'PAGOPA', nameIt: 'pagoPA', nameEn: 'pagoPA', category: 'citizens', unit: 'requests', fixedYearlyCents: 0, unitCostCents: 35 });
    await hub.must('hub.services.save', { code: 'BACKUP', nameIt: 'Backup in cloud', nameEn: 'Cloud backup', category: 'archive', unit: 'gb', fixedYearlyCents: 10_000, unitCostCents: 500 });
    // Eleven months of 2026 received, as the projectors leave them: Urbino holds 10 mailboxes, Pesaro 30.
    const put = hub.backend.ctx.db.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, 1)');
    for (let m = 1; m <= 11; m++) {
      const month = `2026-${String(m).padStart(2, '0')}`;
      put.run(URBINO, 'PEC', month, 10_000);
      put.run(PESARO, 'PEC', month, 30_000);
      put.run(URBINO, 'PAGOPA', month, 100_000);
      put.run(PESARO, 'PAGOPA', month, 300_000);
    }
    // Last year's plan: PEC shared by usage alone, with a stand-alone price per size class.
    const first = await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
    const reference = { kind: 'size_class' as const, cents: [90_000, 120_000, 150_000, 200_000, 260_000, 400_000] };
    await hub.must('plan.saveItems', {
      year: 2027,
      version: 1,
      items: first.items
        .filter((i) => i.code !== 'BACKUP')
        .map((i) => ({ ...toItemInput(i), ...(i.code === 'PEC' ? { key: { equal: 0, population: 0, usage: 100 }, reference } : {}), ...(i.code === 'QUOTA' ? { fixedCents: 1_000_000 } : {}) })),
    });

    // The next year: 2027 has no usage yet.
    const plan = await hub.must('plan.create', { year: 2028, date: '2026-11-30' });
    const pec = plan.items.find((i) => i.code === 'PEC')!;
    const window = { from: '2025-12', to: '2026-11', months: 11 };
    // A level: each member's months averaged (10 + 30 mailboxes), never 11 months added (440).
    expect(pec).toMatchObject({ quantity_milli: 40_000, suggested_milli: 40_000, estimate: { ...window, measure: 'level' }, key: { equal: 0, population: 0, usage: 100 }, usage_basis: 'projected' });
    expect(pec.cost_cents).toBe(250_000 + 40 * 1_800);
    expect(pec.reference).toEqual(reference);
    // A count: the months added.
    expect(plan.items.find((i) => i.code === 'PAGOPA')).toMatchObject({ quantity_milli: 4_400_000, estimate: { ...window, measure: 'count' }, cost_cents: 4400 * 35 });
    // No usage received: unknown, not zero.
    const backup = plan.items.find((i) => i.code === 'BACKUP')!;
    expect(backup).toMatchObject({ quantity_milli: null, suggested_milli: null, estimate: { ...window, months: 0 }, cost_cents: 10_000 });

    // Shares to the cent: 322.000 cents by usage 1 : 3.
    const alloc = await hub.must('plan.allocate', { year: 2028 });
    const pecShares = alloc.items.find((i) => i.code === 'PEC')!.shares.filter((s) => s.cents > 0);
    expect(pecShares.map((s) => [s.istat, s.cents])).toEqual([
      [PESARO, 241_500],
      [URBINO, 80_500],
    ]);

    // Savings from a missing quantity are not computed, and say why; the plan cannot be proposed so.
    await hub.must('plan.saveItems', { year: 2028, version: 1, items: plan.items.map((i) => ({ ...toItemInput(i), ...(i.code === 'BACKUP' ? { reference } : {}) })) });
    const savings = await hub.must('plan.savings', { year: 2028 });
    expect(savings.services.map((s) => s.code)).toEqual(['PEC']);
    expect(savings.notComputed).toEqual([{ code: 'BACKUP', reason: 'quantity_missing' }]);
    // The printed plan and the CSV say it too: the quantity is unknown (empty, never 0), the savings not computed.
    const doc = await hub.must('report.document', { doc: 'plan', year: 2028 });
    expect(doc.sections[0]!.table!.rows.find((r) => r.cells[0]!.text === 'BACKUP')!.cells[5]!.text).toBe('non nota');
    expect(doc.sections[0]!.table!.rows.find((r) => r.cells[0]!.text === 'PEC')!.cells[5]!.text).toBe('40 (stima 12/2025–11/2026)');
    expect(doc.sections.find((x) => x.heading === 'Economie di scala')!.paragraphs).toEqual([expect.stringMatching(/^Risparmio non calcolato per BACKUP: manca la quantità prevista/)]);
    expect(csvText(await hub.must('gov.csv', { table: 'plan', year: 2028 }))).toMatch(/BACKUP;Backup in cloud;service;BACKUP;100,00;5,00;;;0,00;100,00;/);
    const refused = await hub.call('plan.step', { year: 2028, version: 1, step: 'propose', date: '2026-11-30', by: 'Comitato esecutivo' });
    expect(refused.ok ? null : refused.error.message).toMatch(/Voce BACKUP: manca la quantità prevista \(nessun utilizzo ricevuto negli ultimi 12 mesi\)/);
    // Typed in, the quantity counts and the plan goes on.
    const typed = (await hub.must('plan.get', { year: 2028 })).items.map((i) => ({ ...toItemInput(i), ...(i.code === 'BACKUP' ? { quantityMilli: 120_000 } : {}) }));
    const saved = await hub.must('plan.saveItems', { year: 2028, version: 1, items: typed });
    expect(saved.items.find((i) => i.code === 'BACKUP')).toMatchObject({ quantity_milli: 120_000, cost_cents: 10_000 + 120 * 500 });
    await hub.must('plan.step', { year: 2028, version: 1, step: 'propose', date: '2026-11-30', by: 'Comitato esecutivo' });
  });
});
