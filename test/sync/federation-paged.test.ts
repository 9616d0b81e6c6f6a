/**
 * The regional hub's window reads (issue 12): a province's roster and its municipalities' usage
 * one page at a time, searched by name or ISTAT code on the server, and a municipality's usage
 * by month; the totals of the region and of the province stay whole whatever the page; a page
 * reads only its municipalities' cells (by the primary key), never the region's.
 */
import { describe, expect, it } from 'vitest';
import type { TestBackend } from '../helpers/backend';
import { preparedBy } from '../helpers/prepared-by';
import { openRegionWithData } from './federation-helpers';

/** The region of the test (its backends are closed after each test by the helpers). */
async function regionOf62(): Promise<TestBackend> {
  return (await openRegionWithData({ enrolled: 60 })).region;
}

const pec = (t: { byService: { service: string; quantityMilli: number }[] }) => t.byService.find((s) => s.service === 'PEC')?.quantityMilli ?? 0;

describe('the regional hub, one page at a time', () => {
  it('a province’s roster: pages by name, search by name (accents ignored) or ISTAT code', { timeout: 180_000 }, async () => {
    const region = await regionOf62();
    const first = await region.must('federation.roster.page', { province: 'CST-PU', page: 1, pageSize: 25 });
    expect(first.page).toEqual({ page: 1, pageSize: 25, total: 62, pages: 3 });
    expect(first.members).toHaveLength(25);
    expect(first.province).toMatchObject({ id: 'CST-PU', status: 'confirmed', members: 62, membersWithData: 2 });
    const names = first.members.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'it', { sensitivity: 'base' })));
    // Past the end: the last page.
    expect((await region.must('federation.roster.page', { province: 'CST-PU', page: 9, pageSize: 25 })).page).toMatchObject({ page: 3, total: 62 });

    const urbino = await region.must('federation.roster.page', { province: 'CST-PU', search: 'URBÌNO', page: 1 });
    expect(urbino.members.map((m) => m.istat)).toEqual(['041067']);
    expect(urbino.members[0]).toMatchObject({ vouched: true, eventsReceived: expect.any(Number) });
    expect(urbino.members[0]!.fingerprint).toMatch(/^\d{5}( \d{5})+$/);
    const byCode = await region.must('federation.roster.page', { province: 'CST-PU', search: '04104', page: 1 });
    expect(byCode.members.map((m) => m.istat)).toContain('041044');
    expect(byCode.members.every((m) => m.istat.startsWith('04104'))).toBe(true);

    const unknown = await region.call('federation.roster.page', { province: 'CST-XX', page: 1 });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('CST-XX') });
  });

  it('a province’s usage: one page of its municipalities (with data or not), the totals whole; a municipality by month; read by key', { timeout: 180_000 }, async () => {
    const region = await regionOf62();
    const whole = await region.must('federation.usage', { year: 2026 });
    const one = await region.must('federation.usage', { year: 2026, province: 'CST-PU', page: 1, pageSize: 20 });
    expect(one.region).toEqual(whole.region);
    expect(one.provinces.map((p) => p.id)).toEqual(['CST-PU']);
    expect(one.provinces[0]!.totals).toEqual(whole.provinces.find((p) => p.id === 'CST-PU')!.totals);
    expect(one.page).toEqual({ page: 1, pageSize: 20, total: 62, pages: 4 });
    expect(one.provinces[0]!.municipalities).toHaveLength(20);

    // Every page together: each municipality once, and their totals add up to the province's.
    let sum = 0;
    const seen = new Set<string>();
    for (let page = 1; page <= 4; page++) {
      const p = await region.must('federation.usage', { year: 2026, province: 'CST-PU', page, pageSize: 20 });
      for (const m of p.provinces[0]!.municipalities) {
        seen.add(m.istat);
        sum += pec(m.totals);
      }
    }
    expect(seen.size).toBe(62);
    expect(sum).toBe(pec(one.provinces[0]!.totals));
    // PEC is a level (mailboxes held): each municipality's average of its months with a figure,
    // added up over the municipalities (Urbino 2 and 10, Pesaro 3 and 20), never the months' sum.
    expect(sum).toBe(((2 + 10) / 2 + (3 + 20) / 2) * 1000);

    const found = await region.must('federation.usage', { year: 2026, province: 'CST-PU', search: 'pesaro', page: 1 });
    expect(found.provinces[0]!.municipalities).toEqual([{ istat: '041044', name: 'Pesaro', totals: { entries: 3, byService: [{ service: 'PEC', measure: 'level', entries: 2, quantityMilli: 11_500 }, { service: 'SITO', measure: 'level', entries: 1, quantityMilli: 1500 }] } }]);
    // The totals alone (the window's first screen): no municipality listed.
    const totalsOnly = await region.must('federation.usage', { year: 2026, totalsOnly: true });
    expect(totalsOnly.region).toEqual(whole.region);
    expect(totalsOnly.provinces.flatMap((p) => p.municipalities)).toEqual([]);
    // Without a page: as before, only municipalities with data (the CLI's table).
    expect(whole.provinces.find((p) => p.id === 'CST-PU')!.municipalities.map((m) => m.istat).sort()).toEqual(['041044', '041067']);
    expect(whole.page).toBeUndefined();

    // A municipality: by service and by month, within the year.
    const u = await region.must('federation.usage', { year: 2026, municipality: '041067' });
    expect(u.municipality).toMatchObject({ istat: '041067', name: 'Urbino', province: { id: 'CST-PU' } });
    expect(u.municipality!.byMonth).toEqual([
      { month: '2026-03', service: 'PEC', entries: 1, quantityMilli: 2000 },
      { month: '2026-10', service: 'PEC', entries: 1, quantityMilli: 10_000 },
      { month: '2026-10', service: 'SITO', entries: 1, quantityMilli: 1500 },
    ]);
    expect(pec(u.municipality!.totals)).toBe(6000);
    const always = await region.must('federation.usage', { municipality: '041067' });
    // Every year: 2, 10 and 7 (2025) mailboxes, on average 6.333.
    expect(pec(always.municipality!.totals)).toBe(6333);
    const unknown = await region.call('federation.usage', { municipality: '058091' });
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('058091') });

    // A page reads its municipalities' yearly totals by owner (statements are cached: a province not read yet).
    const sqls = await preparedBy(region, () => region.must('federation.usage', { year: 2026, province: 'CST-AN', page: 1, pageSize: 50, search: 'anc' }));
    const db = region.backend.ctx.db;
    const plan = (sql: string, values: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...values) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const pageSql = sqls.find((s) => /json_each/.test(s))!;
    expect(plan(pageSql, ['["042002"]', 2026])).toMatch(/SEARCH a USING (COVERING )?INDEX received_usage_member_year_by_owner \(owner=\? AND year=\?\)/);
    expect(plan(pageSql, ['["042002"]', 2026])).not.toMatch(/received_usage_monthly/);
    // Every year: each municipality's totals over all years (migration 024), one row a service.
    const allYears = (await preparedBy(region, () => region.must('federation.usage', { province: 'CST-AN', page: 1, pageSize: 50, search: 'anc' }))).find((s) => /json_each/.test(s))!;
    expect(plan(allYears, ['["042002"]'])).toMatch(/SEARCH a USING PRIMARY KEY \(owner=\?\)/);
    expect(allYears).toMatch(/received_usage_member_total/);
    const membersSql = sqls.find((s) => /FROM federation_members\s+WHERE/.test(s))!;
    expect(plan(membersSql, ['CST-AN', 'CST-AN'])).toMatch(/federation_members/);
    // The totals: every member's yearly totals, by owner and year (never the monthly cells).
    const totalsSql = sqls.find((s) => /CROSS JOIN received_usage_member_year a ON a.owner = f.istat AND a.year = \?/.test(s))!;
    expect(plan(totalsSql, [2026])).toMatch(/SEARCH a USING (COVERING )?INDEX received_usage_member_year_by_owner \(owner=\? AND year=\?\)/);
    const monthSql = (await preparedBy(region, () => region.must('federation.usage', { year: 2026, municipality: '042002' }))).find((s) => /WHERE u.owner = \?/.test(s))!;
    expect(plan(monthSql, ['042002', 2026, '2026-01', '2027-01'])).toMatch(/SEARCH u USING PRIMARY KEY \(owner=\?/);
  });
});
