/**
 * The hub's views one page at a time (issue 12), after real bundles from three members in two
 * regions: the totals the paged views read from the aggregates (migration 019, kept by triggers
 * while the bundles are applied) equal those the whole views sum from the cells; search,
 * province and region select the members; only the page's members come back.
 */
import { describe, expect, it } from 'vitest';
import { openHub, openTown, townToHub } from './hub-helpers';

describe('hub views, paged and filtered', () => {
  it('usage, members, training, proposals: pages of the members selected, totals over all of them', async () => {
    const hub = await openHub();
    await hub.must('members.add', { istat: '058091', memberSince: '2026-01-01' });
    const urbino = await openTown(hub, '041067');
    const cagli = await openTown(hub, '041007');
    const roma = await openTown(hub, '058091');
    const b = await urbino.must('usage.record', { service: 'PEC', date: '2026-10-20', quantity: '4' });
    await urbino.must('usage.update', { id: b.id, service: 'PEC', date: '2026-10-20', quantity: '6' });
    await urbino.must('usage.record', { service: 'SITO', date: '2026-10-02', quantity: '2' });
    await urbino.must('usage.record', { service: 'SITO', date: '2026-11-02', quantity: '4' });
    const gone = await urbino.must('usage.record', { service: 'SITO', date: '2026-09-03', quantity: '100' });
    await urbino.must('usage.delete', { id: gone.id });
    await cagli.must('usage.record', { service: 'PEC', date: '2026-10-07', quantity: '10' });
    await cagli.must('usage.record', { service: 'SITO', date: '2026-11-07', quantity: '1,5' });
    await roma.must('usage.record', { service: 'PEC', date: '2026-11-07', quantity: '700' });
    await roma.must('usage.record', { service: 'PEC', date: '2025-03-07', quantity: '5' });
    await roma.must('proposals.submit', { id: (await roma.must('proposals.create', { title: 'Sportello unico', problem: 'Code.', solution: 'Prenotazioni.' })).id });
    await urbino.must('proposals.submit', { id: (await urbino.must('proposals.create', { title: 'Wi-Fi', problem: 'Niente rete.', solution: 'Punti di accesso.' })).id });
    for (const town of [urbino, cagli, roma]) await townToHub(town, hub);

    // The aggregates equal the cells grouped again.
    const db = hub.backend.ctx.db;
    expect(db.prepare('SELECT service, month, quantity_milli, entries FROM received_usage_service_month ORDER BY service, month').all()).toEqual(
      db.prepare('SELECT service, month, sum(quantity_milli) AS quantity_milli, sum(entries) AS entries FROM received_usage_monthly GROUP BY service, month ORDER BY service, month').all(),
    );

    // Every member, one page: the same totals as the whole view, the page's members only.
    for (const period of [{ from: '2026-01', to: '2026-12' }, {}, { from: '2026-10', to: '2026-11' }]) {
      const whole = await hub.must('hub.usage.byMember', period);
      const paged = await hub.must('hub.usage.byMember', { ...period, page: 1, pageSize: 20 });
      expect(paged.byService).toEqual(whole.byService);
      expect(paged.byServiceMonth).toEqual(whole.byServiceMonth);
      expect(paged.months).toEqual(whole.months);
      expect(paged.services).toEqual(whole.services);
      expect(paged.page).toEqual({ page: 1, pageSize: 20, total: 51, pages: 3 });
      expect(paged.members).toHaveLength(20);
      expect(paged.members[0]).toEqual({ istat: '041001', name: 'Acqualagna' });
      // Cagli is among the first twenty by name, Roma and Urbino are not.
      expect(new Set(paged.byServiceMember.map((r) => r.member))).toEqual(new Set(['041007']));
    }
    // The SITO level: the sum of the members' averages (Urbino 3 GB, Cagli 1.5 GB), not 7.5.
    expect((await hub.must('hub.usage.byMember', { from: '2026-01', to: '2026-12', page: 1 })).byService.find((s) => s.service === 'SITO')).toMatchObject({ quantityMilli: 4500 });

    // A region, a province with a search (accents and case ignored), one member: totals over the selection.
    const lazio = await hub.must('hub.usage.byMember', { region: 'Lazio', page: 1 });
    expect(lazio.page?.total).toBe(1);
    expect(lazio.byService).toEqual((await hub.must('hub.usage.byMember', { member: '058091' })).byService);
    // PEC counts mailboxes held (a level): Roma's average of its two months.
    expect(lazio.byServiceMember).toEqual([{ service: 'PEC', member: '058091', quantityMilli: 352_500, quantity: '352.5', entries: 2 }]);
    // A province or region alone reads the provinces' totals (migration 020): the same totals
    // as grouping its members' cells (the ISTAT prefix 041 selects the same members, Pesaro e Urbino).
    for (const period of [{ from: '2026-01', to: '2026-12' }, {}, { from: '2026-10', to: '2026-11' }]) {
      const byCells = await hub.must('hub.usage.byMember', { ...period, search: '041', page: 1 });
      for (const place of [{ province: 'PU' }, { region: 'Marche' }, { region: 'Marche', province: 'PU' }]) {
        const byProvince = await hub.must('hub.usage.byMember', { ...period, ...place, page: 1 });
        expect(byProvince.page).toEqual(byCells.page);
        for (const k of ['services', 'months', 'byService', 'byServiceMonth', 'byServiceMember', 'cells'] as const) expect(byProvince[k]).toEqual(byCells[k]);
      }
      expect((await hub.must('hub.usage.byMember', { ...period, region: 'Lazio', province: 'PU', page: 1 })).byService).toEqual([]);
    }
    const urb = await hub.must('hub.usage.byMember', { province: 'PU', search: 'URBÌNO', page: 1, from: '2026-01', to: '2026-12' });
    expect(urb.members).toEqual([{ istat: '041067', name: 'Urbino' }]);
    expect(urb.byService).toEqual((await hub.must('hub.usage.byMember', { member: '041067', from: '2026-01', to: '2026-12' })).byService);
    expect((await hub.must('hub.usage.byMember', { member: '041067', page: 1, region: 'Lazio' })).members).toEqual([]);

    // Members overview: pages, search by ISTAT code, region; the region is named on each member.
    const second = await hub.must('hub.members.overview', { page: 2, pageSize: 20 });
    expect(second.page).toEqual({ page: 2, pageSize: 20, total: 51, pages: 3 });
    expect(second.members).toHaveLength(20);
    expect((await hub.must('hub.members.overview', { page: 1, search: '0580' })).members.map((m) => m.name)).toEqual(['Roma']);
    const marche = await hub.must('hub.members.overview', { page: 9, region: 'Marche' });
    expect(marche.page).toEqual({ page: 1, pageSize: 50, total: 50, pages: 1 });
    expect(marche.members[0]).toMatchObject({ region: 'Marche', province: 'PU' });
    expect((await hub.must('hub.members.overview', {})).members).toHaveLength(51);

    // Proposals and training, paged and filtered.
    const proposals = await hub.must('hub.proposals.page', { page: 1, pageSize: 1 });
    expect(proposals.page).toEqual({ page: 1, pageSize: 1, total: 2, pages: 2 });
    expect((await hub.must('hub.proposals.page', { page: 1, region: 'Lazio' })).proposals.map((p) => p.title)).toEqual(['Sportello unico']);
    const training = await hub.must('hub.training.page', { page: 1 });
    expect(training.totals).toEqual({ participations: 0, completed: 0, hoursMilli: 0, hours: '0' });
    expect(training.page.total).toBe(51);
  });
});
