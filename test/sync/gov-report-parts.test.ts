/**
 * The consortium report with every municipality of Italy (7,896 members): published as a summary
 * and parts, every event line far below BUNDLE-FORMAT's 1 MiB; a member imports the hub's bundle
 * and sees where it stands among members of its size; a shorter re-publication replaces the
 * parts and deletes the ones left over.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_LIMITS } from '../../electron/core/format/bundle/limits';
import { packReport, REPORT_PART_BYTES } from '../../electron/core/governance/report-service';
import { outboxEvents } from '../helpers/municipality';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';
import type { TestBackend } from '../helpers/backend';

const ITALY = 7896;
const SERVICES = ['PEC', 'PROTOCOLLO', 'ANPR', 'PAGOPA', 'SITO-WEB', 'CONSERVAZIONE', 'SUAP', 'FIRMA-DIGITALE'];

/** Members beyond the province's 50 up to 7,896, each with usage of every service, training and staff. */
function fillItaly(hub: TestBackend): void {
  const db = hub.backend.ctx.db;
  const have = db.prepare('SELECT count(*) FROM members').pluck().get() as number;
  const member = db.prepare("INSERT INTO members (istat, name, province, population, population_year, status, added_at, membership) VALUES (?, ?, 'XX', ?, 2025, 'confirmed', '2026-01-01T00:00:00.000Z', 'active')");
  const usage = db.prepare('INSERT INTO received_usage_monthly (owner, service, month, quantity_milli, entries) VALUES (?, ?, ?, ?, 1)');
  const training = db.prepare('INSERT INTO hub_training_yearly (owner, year, participations, completed, hours_milli) VALUES (?, 2026, 3, 3, ?)');
  const staff = db.prepare('INSERT INTO hub_staff_counts (owner, staff, active_staff) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < ITALY - have; i++) {
      const istat = `9${String(i).padStart(5, '0')}`;
      member.run(istat, `Comune sintetico ${i}`, 300 + ((i * 7919) % 60_000));
      for (const [k, s] of SERVICES.entries()) usage.run(istat, s, '2026-06', 1000 * (1 + ((i + k * 31) % 997)));
      training.run(istat, 1000 * (i % 40));
      staff.run(istat, 5 + (i % 30), 5 + (i % 30));
    }
  })();
  expect(db.prepare("SELECT count(*) FROM members WHERE membership = 'active'").pluck().get()).toBe(ITALY);
}

describe('consortium report in parts', () => {
  it('7,896 members: every line far below 1 MiB, the member sees its benchmark, a shorter re-publication deletes the parts left over', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    await hubToTown(hub, urbino, '041067');
    await urbino.must('usage.record', { service: 'PEC', date: '2026-10-02', quantity: '5000' });
    await townToHub(urbino, hub);
    fillItaly(hub);

    const before = outboxEvents(hub).length;
    const cpu = process.cpuUsage();
    const published = await hub.must('report.publish', { year: 2026 });
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    expect(published.rows).toHaveLength(ITALY);
    const events = outboxEvents(hub).slice(before);
    const parts = events.filter((e) => e.kind === 'consortium_report_part');
    expect(events.filter((e) => e.kind === 'consortium_report')).toHaveLength(1);
    expect(parts.length).toBeGreaterThan(5);
    const lines = hub.backend.ctx.db.prepare('SELECT length(line) FROM outbox WHERE seq > ?').pluck().all(before) as number[];
    const largest = Math.max(...lines);
    // Far below the limit: a part holds at most REPORT_PART_BYTES of rows plus its envelope.
    expect(largest).toBeLessThan(REPORT_PART_BYTES + 4096);
    expect(largest).toBeLessThan(FORMAT_LIMITS.lineBytes / 4);
    console.log(JSON.stringify({ figure: 'report_publish_7896', events: events.length, parts: parts.length, largestLineBytes: largest, cpuMs: Math.round(cpuMs) }));

    await hubToTown(hub, urbino, '041067');
    const got = (await urbino.must('report.get', { year: 2026 })).report!;
    expect(got.rows).toHaveLength(ITALY);
    expect(got.revision).toBe(1);
    const bench = await urbino.must('report.benchmark', { year: 2026 });
    expect(bench.sizeLabel).toBe('da 10.001 a 20.000 abitanti');
    expect(bench.sizeRange).toEqual({ from: 10_001, to: 20_000 });
    expect(bench.measures.find((m) => m.measure === 'usage:PEC')).toMatchObject({ labelKey: 'usage', service: 'PEC', milli: true });
    expect(bench.measures.find((m) => m.measure === 'groups')).toMatchObject({ labelKey: 'groups', service: null, milli: false });
    expect(bench.peers).toBeGreaterThan(500);
    expect(bench.measures.find((m) => m.measure === 'usage:PEC')).toMatchObject({ value: 5_000_000, position: 1 });

    // Most members withdraw: the next publication has fewer parts; the member drops the others.
    hub.backend.ctx.db.prepare("UPDATE members SET membership = 'withdrawn' WHERE istat LIKE '9%' AND istat > '900100'").run();
    const again = await hub.must('report.publish', { year: 2026 });
    expect(again.revision).toBe(2);
    const deletes = outboxEvents(hub).filter((e) => e.kind === 'consortium_report_part' && e.op === 'delete');
    expect(deletes.length).toBe(parts.length - 1);
    await hubToTown(hub, urbino, '041067');
    const shorter = (await urbino.must('report.get', { year: 2026 })).report!;
    expect(shorter.rows).toHaveLength(again.rows.length);
    expect(urbino.backend.ctx.db.prepare('SELECT count(*) FROM gov_report_parts').pluck().get()).toBe(1);
    expect((await urbino.must('report.benchmark', { year: 2026 })).measures.find((m) => m.measure === 'usage:PEC')).toMatchObject({ value: 5_000_000 });
  }, 120_000);

  it('parts are cut by bytes, keep the order of rows then practices, and an empty report has none', () => {
    const row = (i: number) => ({ istat: null, name: null, size_class: 1, size_label: 'x', usage: { PEC: i }, training_hours_milli: 0, staff: 0, hours_per_employee_milli: 0, groups: 0 });
    const rows = Array.from({ length: 1000 }, (_, i) => row(i));
    const practices = [{ proposal_id: '00000000-0000-4000-8000-000000000001', title: 'T', member: 'M', completed_date: null }];
    const parts = packReport(2026, 3, rows, practices, 4096);
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(JSON.stringify(p.rows).length + JSON.stringify(p.good_practices).length).toBeLessThanOrEqual(4096 + 4);
    expect(parts.flatMap((p) => p.rows)).toEqual(rows);
    expect(parts.flatMap((p) => p.good_practices)).toEqual(practices);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i));
    expect(packReport(2026, 1, [], [])).toEqual([]);
  });
});
