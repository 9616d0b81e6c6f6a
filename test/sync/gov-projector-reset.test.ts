/**
 * The governance projectors forget only the HUB's stream when it is rewound (a fork accepted by
 * a member): on the hub, rewinding a member's stream must leave the hub's own evaluations alone.
 */
import { describe, expect, it } from 'vitest';
import { GOV_PROJECTORS } from '../../electron/core/governance/gov-projectors';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';

describe('governance projectors on a rewind', () => {
  it('reset empties the gov tables for the hub owner on a member, never on the hub for a member', async () => {
    const hub = await openHub();
    const urbino = await openTown(hub, '041067');
    const p = await urbino.must('proposals.create', { title: 'Sportello', problem: 'x', solution: 'y' });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    await hub.must('gov.proposals.act', { id: p.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'CT' } });
    await hub.must('report.publish', { year: 2026 });
    await hubToTown(hub, urbino, '041067');
    const count = (db: typeof hub.backend.ctx.db) => ['gov_proposal_status', 'gov_reports', 'gov_report_parts'].map((t) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);

    const hubDb = hub.backend.ctx.db;
    const before = count(hubDb);
    expect(before[0]).toBe(1);
    for (const pr of GOV_PROJECTORS) pr.reset?.(hubDb, '041067');
    expect(count(hubDb)).toEqual(before);

    const townDb = urbino.backend.ctx.db;
    expect(count(townDb)).toEqual(before);
    for (const pr of GOV_PROJECTORS) pr.reset?.(townDb, 'CST-PU');
    expect(count(townDb)).toEqual([0, 0, 0]);
  });
});
