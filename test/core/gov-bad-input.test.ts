/**
 * Governance bad input through the API: each refused with a clear Italian message, and nothing
 * changed (the hub's outbox has no new event, the plan is as before).
 */
import { describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/contract';
import { openHub } from '../sync/hub-helpers';
import type { TestBackend } from '../helpers/backend';

async function refused(hub: TestBackend, method: Parameters<TestBackend['call']>[0], input: unknown): Promise<{ code: string; message: string; params?: Record<string, unknown> }> {
  const before = (await hub.must('log.verify', {})).events;
  const r = await hub.call(method, input as never);
  expect(r.ok).toBe(false);
  expect((await hub.must('log.verify', {})).events).toBe(before);
  return (r as { ok: false; error: { code: string; message: string; params?: Record<string, unknown> } }).error;
}

const item = (over: Partial<Input<'plan.saveItems'>['items'][number]> = {}) => ({
  code: 'QUOTA',
  description: 'Quota associativa',
  category: 'quota' as const,
  fixedCents: 1_000_000,
  key: { equal: 50, population: 50, usage: 0 },
  ...over,
});

async function planWith(hub: TestBackend) {
  await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
  await hub.must('plan.saveItems', { year: 2027, version: 1, items: [item()] });
}

describe('governance bad input changes nothing', () => {
  it('refuses a key whose percentages do not sum to 100', async () => {
    const hub = await openHub();
    await planWith(hub);
    const e = await refused(hub, 'plan.saveItems', { year: 2027, version: 1, items: [item({ key: { equal: 50, population: 40, usage: 0 } })] });
    expect(e.code).toBe('E_VALIDATION');
    expect(e.message).toMatch(/sommare a 100/);
    expect((await hub.must('plan.get', { year: 2027 })).items[0]!.key).toEqual({ equal: 50, population: 50, usage: 0 });
  });

  it('refuses criteria weights that do not sum to 100', async () => {
    const hub = await openHub();
    const e = await refused(hub, 'gov.settings.update', { criteria: { maxScore: 10, criteria: [{ id: 'a', label: 'A', weight: 60 }, { id: 'b', label: 'B', weight: 30 }] } });
    expect(e.message).toMatch(/sommare a 100/);
    expect((await hub.must('gov.settings.get', {})).criteria.criteria).toHaveLength(5);
  });

  it('refuses a negative cost, in the API and in the CSV', async () => {
    const hub = await openHub();
    await planWith(hub);
    const e = await refused(hub, 'plan.saveItems', { year: 2027, version: 1, items: [item({ fixedCents: -5 })] });
    expect(e.message).toMatch(/negativ/);
    const csv = 'codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti\r\nQUOTA;Quota;-1.000,00;100;0;0;\r\n';
    const e2 = await refused(hub, 'plan.import', { year: 2027, contentBase64: Buffer.from(csv).toString('base64') });
    expect(e2.message).toMatch(/Riga 2: voce QUOTA: il costo -1\.000,00 è negativo/);
  });

  it('refuses a plan CSV with malformed quotes as a validation error naming line and column', async () => {
    const hub = await openHub();
    await planWith(hub);
    const csv = 'codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti\r\nQUOTA;"Quota" annua;1.000,00;100;0;0;\r\n';
    const e = await refused(hub, 'plan.import', { year: 2027, contentBase64: Buffer.from(csv).toString('base64') });
    expect([e.code, e.message]).toEqual(['E_VALIDATION', expect.stringMatching(/^Alla riga 2, colonna 2, dopo le virgolette di chiusura/)]);
  });

  it('refuses an item with every member exempt', async () => {
    const hub = await openHub();
    await planWith(hub);
    const members = (await hub.must('members.list', {})).map((m) => m.istat);
    const e = await refused(hub, 'plan.saveItems', { year: 2027, version: 1, items: [item({ exempt: members })] });
    expect(e.params?.rule).toBe('ALLOC_ALL_EXEMPT');
    expect(e.message).toMatch(/esent/);
  });

  it('refuses more votes than members present, approving out of order and a locked version', async () => {
    const hub = await openHub();
    await planWith(hub);
    const ec = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
    const vote = (over: Record<string, unknown> = {}) => ({
      year: 2027,
      version: 1,
      body: 'executive_committee',
      date: '2026-11-26',
      minutesRef: 'Verbale 1',
      electorate: ec,
      present: ['A', 'B', 'C'],
      ballots: [{ member: 'A', vote: 'for' }, { member: 'B', vote: 'for' }, { member: 'C', vote: 'for' }],
      ...over,
    });
    // Out of order: a draft must be proposed first.
    const e1 = await refused(hub, 'plan.approve', vote());
    expect(e1.params?.rule).toBe('PLAN_OUT_OF_ORDER');
    expect(e1.message).toMatch(/il passo successivo è la proposta del Comitato esecutivo/);
    await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'CE' });
    const e2 = await refused(hub, 'plan.approve', vote({ present: ['A', 'B'] }));
    expect(e2.params?.rule).toBe('VOTE_TOO_MANY');
    expect(e2.message).toMatch(/I voti espressi \(3\) sono più dei membri presenti \(2\)/);
    await hub.must('plan.approve', vote() as Input<'plan.approve'>);
    // Approved by the Executive Committee: locked for edits.
    const e3 = await refused(hub, 'plan.saveItems', { year: 2027, version: 1, items: [item({ fixedCents: 5 })] });
    expect(e3.params?.rule).toBe('PLAN_LOCKED');
    const e4 = await refused(hub, 'plan.approve', vote());
    expect(e4.params?.rule).toBe('PLAN_OUT_OF_ORDER');
    // A change makes a new version; the old one is locked for good.
    const v2 = await hub.must('plan.newVersion', { year: 2027, date: '2026-11-26', by: 'Direttore tecnico', reason: 'Nuovo servizio' });
    expect(v2).toMatchObject({ version: 2, state: 'draft', editable: true });
    expect(v2.versions).toEqual([
      { version: 1, state: 'approved_by_executive', supersededBy: 2 },
      { version: 2, state: 'draft', supersededBy: null },
    ]);
    const e5 = await refused(hub, 'plan.step', { year: 2027, version: 1, step: 'submit', date: '2026-11-26', by: 'CE' });
    expect(e5.params?.rule).toBe('PLAN_LOCKED');
  });

  it('a rejected vote is recorded and leaves the state where it was; no quorum likewise', async () => {
    const hub = await openHub();
    await planWith(hub);
    await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'CE' });
    const base = { year: 2027, version: 1, body: 'executive_committee' as const, date: '2026-11-26', minutesRef: 'V', electorate: [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }] };
    const no = await hub.must('plan.approve', { ...base, present: ['A', 'B', 'C'], ballots: [{ member: 'A', vote: 'for' }, { member: 'B', vote: 'against' }, { member: 'C', vote: 'against' }] });
    expect(no.outcome).toBe('rejected');
    const nq = await hub.must('plan.approve', { ...base, present: ['A'], ballots: [{ member: 'A', vote: 'for' }] });
    expect(nq.outcome).toBe('no_quorum');
    expect(nq.plan).toMatchObject({ state: 'proposed_by_executive' });
    expect(nq.plan.approvals).toHaveLength(2);
  });

  it('refuses a proposal step out of order and a not-admitted without reason', async () => {
    const hub = await openHub();
    const e = await refused(hub, 'gov.proposals.act', { id: '00000000-0000-4000-8000-000000000000', action: { type: 'admit', date: '2026-11-26', by: 'CT' } });
    expect(e.code).toBe('E_NOT_FOUND');
  });

  it('a municipality cannot plan', async () => {
    const { openTestBackend } = await import('../helpers/backend');
    const town = openTestBackend();
    await town.must('setup.municipality', { istat: '041067', operator: 'Mario' });
    const r = await town.call('plan.create', { year: 2027, date: '2026-11-26' });
    expect(r.ok ? null : r.error.message).toMatch(/Questa installazione è un comune/);
  });
});
