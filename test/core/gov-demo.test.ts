/** `cst demo` on a hub: a consortium to try, built through the API and the real bundle path. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { openHub } from '../sync/hub-helpers';

describe('hub demo', () => {
  it('members, usage, proposals in every state, an approved plan with statements, the report', async () => {
    const hub = await openHub();
    const s = await hub.must('demo.hub', { seed: 7 });
    expect(s).toMatchObject({ towns: 4, proposals: 8, planYear: 2027, planState: 'approved_by_assembly', assemblyOutcome: 'approved' });
    const states = (await hub.must('gov.proposals.list', {})).map((p) => p.track?.status ?? 'received').sort();
    expect(states).toEqual(['approved', 'approved', 'completed', 'in_progress', 'not_admitted', 'received', 'returned', 'under_evaluation']);
    // Condivisione: two members joined the first member's second proposal, through real bundles.
    const joined = (await hub.must('gov.proposals.list', {})).find((p) => p.title.startsWith('Sportello telematico'))!;
    expect((await hub.must('gov.proposals.get', { id: joined.id })).joiners).toHaveLength(2);
    // The Technical Committee: three members designated a technician through real bundles, one
    // has nobody; the Technical Director coordinates; each group's coordinator is a designated technician.
    const roster = await hub.must('committee.roster', {});
    expect(roster).toMatchObject({ coordinator: 'Ing. Carla Ferri', designated: 3 });
    expect(roster.seats.filter((x) => x.status === 'designated').map((x) => x.technician!.name ?? x.technician!.code).sort()).toEqual(['Mario Rossi', 'TEC-1', 'TEC-1']);
    const choices = await hub.must('committee.coordinators', {});
    for (const g of await hub.must('hub.groups.list', {})) expect(choices.some((c) => c.istat === g.coordinator?.istat && c.person === g.coordinator.person)).toBe(true);
    const plan = await hub.must('plan.get', { year: 2027 });
    // The two admitted this year; the other two were approved with last year's plan.
    expect(plan.items.filter((i) => i.category === 'initiative')).toHaveLength(2);
    const alloc = await hub.must('plan.allocate', { year: 2027 });
    for (const i of alloc.items) expect(i.shares.reduce((a, x) => a + x.cents, 0)).toBe(i.cost_cents);
    const savings = await hub.must('plan.savings', { year: 2027 });
    expect(savings.savingsCents).toBeGreaterThan(0);
    const report = (await hub.must('report.get', { year: 2026 })).report!;
    expect(report.rows.length).toBe(s.members);
    expect(report.good_practices).toHaveLength(1);
    expect((await hub.must('log.verify', {})).ok).toBe(true);
    // Refused a second time: the consortium is no longer empty.
    expect((await hub.call('demo.hub', { seed: 7 })).ok).toBe(false);
  }, 120_000);

  it('cst demo dispatches on the role', async () => {
    const dir = tempDir();
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--data-dir', dir], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
      return { code, out, err };
    };
    expect((await run('init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU')).code).toBe(0);
    const r = await run('demo', '--seed', '3');
    expect(r.err).toEqual([]);
    expect(r.out.join('\n')).toMatch(/Consorzio dimostrativo .*piano 2027: approved_by_assembly/s);
  }, 120_000);
});
