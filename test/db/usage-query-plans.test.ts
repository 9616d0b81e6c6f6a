import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openMunicipality } from '../helpers/municipality';
import type { TestBackend } from '../helpers/backend';
import { preparedBy } from '../helpers/prepared-by';

/** EXPLAIN QUERY PLAN of a statement, with plausible values for its parameters. */
function plan(db: Database.Database, sql: string): string {
  const count = (sql.match(/\?/g) ?? []).length;
  const values = Array.from({ length: count }, (_, i) => (i === count - 1 && /LIMIT \?$/.test(sql.trim()) ? 51 : '2026-01-01'));
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

async function seeded(): Promise<TestBackend> {
  const t = await openMunicipality();
  for (let d = 1; d <= 28; d++) {
    await t.must('usage.record', { service: d % 2 ? 'PEC' : 'SITO', date: `2026-10-${String(d).padStart(2, '0')}`, quantity: '1', note: d % 3 ? '' : 'Prefettura' });
  }
  t.backend.ctx.db.exec('ANALYZE');
  return t;
}

describe('query plans of the hot usage queries', () => {
  it.each([
    ['the first page', {}, /SCAN usage USING INDEX usage_by_date/],
    ['a service', { service: 'PEC' }, /SEARCH usage USING INDEX usage_by_service_date \(service=\?\)/],
    ['a service and a period', { service: 'PEC', from: '2026-10-03', to: '2026-10-20' }, /SEARCH usage USING INDEX usage_by_service_date \(service=\? AND date>\? AND date<\?\)/],
    ['a period', { from: '2026-10-03', to: '2026-10-20' }, /SEARCH usage USING INDEX usage_by_date \(date>\? AND date<\?\)/],
    ['a later page', { cursor: '2026-10-15|15' }, /SEARCH usage USING INDEX usage_by_date \(date<\?\)/],
  ])('pages %s through an index, in index order, and sums from the aggregates', async (_what, filters, expected) => {
    const t = await seeded();
    const sqls = await preparedBy(t, () => t.must('usage.list', { limit: 50, ...filters }));
    const db = t.backend.ctx.db;
    const pageSql = sqls.find((s) => /FROM usage\b(?! JOIN)/.test(s) && /ORDER BY date DESC, n DESC/.test(s))!;
    const pagePlan = plan(db, pageSql);
    expect(pagePlan).toMatch(expected);
    expect(pagePlan).not.toMatch(/TEMP B-TREE/);
    // Totals read the aggregates: by month range (or all of them, ~11 services × 12 rows a year, when unbounded).
    for (const sql of sqls.filter((s) => /usage_monthly|usage_daily/.test(s))) {
      expect(plan(db, sql)).toMatch(Object.keys(filters).some((k) => k === 'from' || k === 'to') ? /SEARCH usage_(monthly|daily) USING/ : /(SEARCH|SCAN) usage_monthly/);
    }
    // Never a full scan of the entries for totals.
    for (const sql of sqls) expect(plan(db, sql)).not.toMatch(/SCAN usage(?![_ ]\w)(?! USING)/);
  });

  it('serves a text filter from the FTS index and reads only the page’s rows by rowid', async () => {
    const t = await seeded();
    const sqls = await preparedBy(t, () => t.must('usage.list', { text: 'prefettura', service: 'PEC' }));
    const db = t.backend.ctx.db;
    const plans = sqls.map((s) => plan(db, s.replace(/usage_fts MATCH \?/, "usage_fts MATCH '\"prefettura\"*'")));
    expect(plans.some((p) => /SCAN usage_fts VIRTUAL TABLE INDEX/.test(p))).toBe(true);
    expect(plans.find((_p, i) => /FROM usage WHERE n = \?/.test(sqls[i]!))).toMatch(/SEARCH usage USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect((await t.must('usage.list', { text: 'prefettura', service: 'PEC' })).total).toBe(5);
  });

  it('reads a record’s history by (kind, id) and the CSV duplicate check by (service, date)', async () => {
    const t = await seeded();
    const db = t.backend.ctx.db;
    expect(plan(db, 'SELECT line FROM outbox WHERE kind = ? AND record_id = ? ORDER BY seq')).toMatch(/SEARCH outbox USING INDEX outbox_by_record \(kind=\? AND record_id=\?\)/);
    const csv = Buffer.from('servizio;data;quantità\nPEC;01/10/2026;1\n').toString('base64');
    const sqls = await preparedBy(t, () => t.must('csv.preview', { kind: 'usage', contentBase64: csv }));
    const dup = sqls.find((s) => /FROM usage WHERE service = \? AND date = \?/.test(s))!;
    expect(plan(db, dup)).toMatch(/SEARCH usage USING INDEX usage_by_service_date \(service=\? AND date=\?\)/);
  });
});
