/**
 * What the backend writes in Italian also carries a catalogue key and its figures, so the English
 * page can say it: step notes, default criteria labels (kept unless renamed), governance errors.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CRITERIA } from '../../shared/governance/evaluation';
import { openHub, openTown, townToHub } from '../sync/hub-helpers';

describe('catalogue keys beside the Italian sentences', () => {
  it('default criteria keep their key until renamed; step notes and errors carry key and figures', async () => {
    const hub = await openHub();
    const settings = await hub.must('gov.settings.get', {});
    expect(settings.criteria.criteria.map((c) => c.label_key)).toEqual(DEFAULT_CRITERIA.criteria.map((c) => c.id));
    const renamed = settings.criteria.criteria.map((c, i) => (i === 0 ? { id: c.id, label: 'Utilità per i cittadini', weight: c.weight } : { id: c.id, label: c.label, weight: c.weight }));
    const saved = await hub.must('gov.settings.update', { criteria: { maxScore: 10, criteria: renamed } });
    expect(saved.criteria.criteria[0]).toEqual({ id: 'citizen_business_benefit', label: 'Utilità per i cittadini', weight: 30 });
    expect(saved.criteria.criteria[1]!.label_key).toBe('members_benefiting');

    const urbino = await openTown(hub, '041067');
    const p = await urbino.must('proposals.create', { title: 'Sportello', problem: 'x', solution: 'y' });
    await urbino.must('proposals.submit', { id: p.id });
    await townToHub(urbino, hub);
    const act = (action: Record<string, unknown>) => hub.must('gov.proposals.act', { id: p.id, action: { date: '2026-11-26', by: 'CT', ...action } as never });
    await act({ type: 'start_evaluation' });
    const scored = await act({ type: 'evaluate', scores: { citizen_business_benefit: 8, members_benefiting: 6, feasibility: 9, cost_benefit: 7, national_plan_fit: 8 } });
    expect(scored.steps.at(-1)).toMatchObject({ note: 'Punteggio totale 765 centesimi', note_key: 'score_total', note_params: { total: 765 } });
    expect(scored.criteria[0]).not.toHaveProperty('label_key');
    expect(scored.criteria[1]).toMatchObject({ label_key: 'members_benefiting' });

    const future = await hub.call('gov.proposals.act', { id: p.id, action: { type: 'admit', date: '2026-11-26', by: 'CT' } });
    expect(future.ok).toBe(true);
    const wrong = await hub.call('gov.proposals.act', { id: p.id, action: { type: 'complete', date: '2026-11-26', by: 'CT' } });
    expect(wrong.ok ? null : wrong.error.params).toMatchObject({ rule: 'PROPOSAL_TRANSITION', status: 'admitted', action: 'complete' });
    const noPlan = await hub.call('plan.get', { year: 2031 });
    expect(noPlan.ok ? null : noPlan.error.params).toMatchObject({ rule: 'PLAN_NOT_FOUND', year: 2031 });
    const town = await urbino.call('plan.create', { year: 2031, date: '2026-11-26' });
    expect(town.ok ? null : town.error.params).toMatchObject({ rule: 'GOV_HUB_ONLY' });
    const bench = await urbino.call('report.benchmark', { year: 2026 });
    expect(bench.ok ? null : bench.error.params).toMatchObject({ rule: 'REPORT_NOT_RECEIVED', year: 2026 });
  });
});
