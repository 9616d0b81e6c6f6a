import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCriteria, DEFAULT_CRITERIA, EvaluationError, rankProposals, scoreProposal, type CriteriaConfig } from '../../shared/governance/evaluation';
import { receiveProposal, transitionProposal, type ProposalAction, type ProposalTrack } from '../../shared/governance/proposal-track';

const refuse = (fn: () => unknown, code: string, text?: RegExp) => {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${code}`).toBeInstanceOf(EvaluationError);
  expect((err as EvaluationError).code).toBe(code);
  if (text) expect((err as Error).message).toMatch(text);
};

const all = (s: number) => Object.fromEntries(DEFAULT_CRITERIA.criteria.map((c) => [c.id, s]));
const scores = (a: number, b: number, c: number, d: number, e: number) => ({
  citizen_business_benefit: a,
  members_benefiting: b,
  feasibility: c,
  cost_benefit: d,
  national_plan_fit: e,
});

describe('evaluation: totals', () => {
  it('the default criteria weigh 100 and the total is Σ weight × score in hundredths', () => {
    expect(() => checkCriteria(DEFAULT_CRITERIA)).not.toThrow();
    expect(DEFAULT_CRITERIA.criteria.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(scoreProposal(DEFAULT_CRITERIA, all(7)).totalHundredths).toBe(700);
    // 30×9 + 20×6 + 20×8 + 15×5 + 15×7 = 270 + 120 + 160 + 75 + 105 = 730 → 7,30 / 10.
    expect(scoreProposal(DEFAULT_CRITERIA, scores(9, 6, 8, 5, 7))).toEqual({ scores: scores(9, 6, 8, 5, 7), totalHundredths: 730 });
    expect(scoreProposal(DEFAULT_CRITERIA, all(0)).totalHundredths).toBe(0);
    expect(scoreProposal(DEFAULT_CRITERIA, all(10)).totalHundredths).toBe(1000);
  });

  it('the total is an exact integer between 0 and 100 × maxScore for any weights and scores', () => {
    const config = fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
      .map((ws) => {
        const total = ws.reduce((a, b) => a + b, 0) || 1;
        const weights = ws.map((w) => Math.floor((w * 100) / total));
        weights[0]! += 100 - weights.reduce((a, b) => a + b, 0);
        return { maxScore: 10, criteria: weights.map((w, i) => ({ id: `c${i}`, label: `Criterio ${i}`, weight: w })) } satisfies CriteriaConfig;
      });
    fc.assert(
      fc.property(config, fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 8, maxLength: 8 }), (cfg, ss) => {
        const ev = scoreProposal(cfg, Object.fromEntries(cfg.criteria.map((c, i) => [c.id, ss[i]!])));
        expect(Number.isInteger(ev.totalHundredths)).toBe(true);
        expect(ev.totalHundredths).toBeGreaterThanOrEqual(0);
        expect(ev.totalHundredths).toBeLessThanOrEqual(1000);
      }),
    );
  });

  it('bad input: weights not summing to 100, bad weights, bad or missing scores', () => {
    const bad = { maxScore: 10, criteria: DEFAULT_CRITERIA.criteria.map((c, i) => (i === 0 ? { ...c, weight: 25 } : c)) };
    refuse(() => checkCriteria(bad), 'EVAL_WEIGHTS_SUM', /sommano a 95, non a 100/);
    refuse(() => scoreProposal(bad, all(5)), 'EVAL_WEIGHTS_SUM');
    refuse(() => checkCriteria({ maxScore: 10, criteria: [{ id: 'a', label: 'A', weight: 110 }, { id: 'b', label: 'B', weight: -10 }] }), 'EVAL_WEIGHT_INVALID');
    refuse(() => checkCriteria({ maxScore: 10, criteria: [{ id: 'a', label: 'A', weight: 50.5 }, { id: 'b', label: 'B', weight: 49.5 }] }), 'EVAL_WEIGHT_INVALID');
    refuse(() => checkCriteria({ maxScore: 10, criteria: [{ id: 'a', label: 'A', weight: 50 }, { id: 'a', label: 'B', weight: 50 }] }), 'EVAL_CRITERIA_INVALID');
    refuse(() => checkCriteria({ maxScore: 10, criteria: [] }), 'EVAL_CRITERIA_INVALID');
    refuse(() => checkCriteria({ ...DEFAULT_CRITERIA, maxScore: 0 }), 'EVAL_CRITERIA_INVALID');
    refuse(() => scoreProposal(DEFAULT_CRITERIA, { ...all(5), feasibility: 11 }), 'EVAL_SCORE_INVALID', /da 0 a 10/);
    refuse(() => scoreProposal(DEFAULT_CRITERIA, { ...all(5), feasibility: -1 }), 'EVAL_SCORE_INVALID');
    refuse(() => scoreProposal(DEFAULT_CRITERIA, { ...all(5), feasibility: 7.5 }), 'EVAL_SCORE_INVALID');
    const { feasibility: _omit, ...missing } = all(5);
    refuse(() => scoreProposal(DEFAULT_CRITERIA, missing), 'EVAL_SCORE_MISSING', /Fattibilità/);
    refuse(() => scoreProposal(DEFAULT_CRITERIA, { ...all(5), beauty: 10 }), 'EVAL_SCORE_UNKNOWN');
  });
});

describe('evaluation: ranking', () => {
  it('orders by total, then by the heaviest criterion, then by date received, then by id', () => {
    const ranked = rankProposals(DEFAULT_CRITERIA, [
      { id: 'p-low', receivedAt: '2027-01-01', scores: all(3) }, // 300
      // p-a and p-b both total 690; p-b scores higher on the heaviest criterion (benefit, weight 30).
      { id: 'p-a', receivedAt: '2027-01-01', scores: scores(6, 8, 7, 7, 7) },
      { id: 'p-b', receivedAt: '2027-03-01', scores: scores(8, 5, 7, 7, 7) },
      { id: 'p-top', receivedAt: '2027-05-01', scores: all(9) }, // 900
      // p-c and p-d: identical scores; p-d was received earlier.
      { id: 'p-c', receivedAt: '2027-02-02', scores: all(5) },
      { id: 'p-d', receivedAt: '2027-02-01', scores: all(5) },
      // p-f and p-e: identical scores and date: by id.
      { id: 'p-f', receivedAt: '2027-02-01', scores: all(4) },
      { id: 'p-e', receivedAt: '2027-02-01', scores: all(4) },
    ]);
    const totals = Object.fromEntries(ranked.map((r) => [r.id, r.totalHundredths]));
    expect(totals['p-a']).toBe(30 * 6 + 20 * 8 + 20 * 7 + 15 * 7 + 15 * 7);
    expect(totals['p-b']).toBe(30 * 8 + 20 * 5 + 20 * 7 + 15 * 7 + 15 * 7);
    expect(totals['p-a']).toBe(totals['p-b']);
    expect(ranked.map((r) => r.id)).toEqual(['p-top', 'p-b', 'p-a', 'p-d', 'p-c', 'p-e', 'p-f', 'p-low']);
    expect(ranked.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ranked.map((r) => r.totalRank)).toEqual([1, 2, 2, 4, 4, 6, 6, 8]);
  });

  it('does not depend on the input order, refuses duplicates', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, receivedAt: `2027-01-0${(i % 3) + 1}`, scores: all(i % 4) }));
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: 12, maxLength: 12 }), (shuffled) => {
        expect(rankProposals(DEFAULT_CRITERIA, shuffled)).toEqual(rankProposals(DEFAULT_CRITERIA, entries));
      }),
    );
    refuse(() => rankProposals(DEFAULT_CRITERIA, [entries[0]!, entries[0]!]), 'EVAL_DUPLICATE');
  });
});

const by = 'Comitato tecnico';
const step = (t: ProposalTrack, a: ProposalAction) => transitionProposal(t, a);

describe('proposal states', () => {
  it('received → under evaluation → admitted → approved with the plan → in progress → completed', () => {
    let t = receiveProposal('2027-01-10', 'Ufficio del consorzio');
    t = step(t, { type: 'start_evaluation', date: '2027-01-12', by });
    t = step(t, { type: 'evaluate', date: '2027-01-20', by, criteria: DEFAULT_CRITERIA, scores: all(8) });
    expect(t.evaluation?.totalHundredths).toBe(800);
    t = step(t, { type: 'admit', date: '2027-01-21', by });
    t = step(t, { type: 'approve_with_plan', date: '2027-02-10', by: 'Assemblea', planYear: 2027, planVersion: 1 });
    t = step(t, { type: 'start', date: '2027-03-01', by: 'Direttore tecnico', expectedEndDate: '2027-09-30' });
    expect(t).toMatchObject({ status: 'in_progress', progress: 0, startDate: '2027-03-01', expectedEndDate: '2027-09-30' });
    t = step(t, { type: 'report_progress', date: '2027-05-01', by: 'Direttore tecnico', progress: 40 });
    t = step(t, { type: 'report_progress', date: '2027-07-01', by: 'Direttore tecnico', progress: 75 });
    expect(t.progress).toBe(75);
    t = step(t, { type: 'complete', date: '2027-09-15', by: 'Direttore tecnico' });
    expect(t).toMatchObject({ status: 'completed', progress: 100, completedDate: '2027-09-15', plan: { year: 2027, version: 1 } });
    expect(t.steps.map((s) => s.to)).toEqual([
      'received',
      'under_evaluation',
      'under_evaluation',
      'admitted',
      'approved',
      'in_progress',
      'in_progress',
      'in_progress',
      'completed',
    ]);
  });

  it('not admitted needs a reason and is final; returned needs notes and can be resubmitted', () => {
    const evaluating = step(receiveProposal('2027-01-10', 'Ufficio'), { type: 'start_evaluation', date: '2027-01-12', by });
    refuse(() => step(evaluating, { type: 'not_admit', date: '2027-01-13', by, reason: '  ' }), 'PROPOSAL_REASON_REQUIRED', /motivo/);
    const no = step(evaluating, { type: 'not_admit', date: '2027-01-13', by, reason: 'Già coperta dal servizio PagoPA del consorzio' });
    expect(no).toMatchObject({ status: 'not_admitted', reason: 'Già coperta dal servizio PagoPA del consorzio' });
    refuse(() => step(no, { type: 'admit', date: '2027-01-14', by }), 'PROPOSAL_TRANSITION', /stato finale/);
    refuse(() => step(evaluating, { type: 'return', date: '2027-01-13', by, notes: '' }), 'PROPOSAL_NOTES_REQUIRED', /modifiche/);
    const back = step(evaluating, { type: 'return', date: '2027-01-13', by, notes: 'Indicare i costi annuali' });
    expect(back).toMatchObject({ status: 'returned', notes: 'Indicare i costi annuali' });
    expect(step(back, { type: 'resubmit', date: '2027-01-20', by: 'Comune di Urbino' }).status).toBe('received');
  });

  it('refuses illegal transitions with clear Italian messages, changing nothing', () => {
    const received = receiveProposal('2027-01-10', 'Ufficio');
    refuse(() => step(received, { type: 'admit', date: '2027-01-11', by }), 'PROPOSAL_TRANSITION', /la proposta è «ricevuta» e ora si può solo avviare la valutazione/);
    refuse(() => step(received, { type: 'complete', date: '2027-01-11', by }), 'PROPOSAL_TRANSITION');
    const evaluating = step(received, { type: 'start_evaluation', date: '2027-01-12', by });
    refuse(() => step(evaluating, { type: 'admit', date: '2027-01-13', by }), 'PROPOSAL_NOT_EVALUATED');
    refuse(() => step(evaluating, { type: 'approve_with_plan', date: '2027-01-13', by, planYear: 2027, planVersion: 1 }), 'PROPOSAL_TRANSITION', /in valutazione/);
    refuse(() => step(evaluating, { type: 'evaluate', date: '2027-01-13', by, criteria: DEFAULT_CRITERIA, scores: { ...all(5), feasibility: 12 } }), 'EVAL_SCORE_INVALID');
    refuse(() => step(evaluating, { type: 'start_evaluation', date: '2027-01-01', by }), 'PROPOSAL_TRANSITION');
    refuse(() => step(evaluating, { type: 'return', date: '2027-01-01', by, notes: 'x' }), 'PROPOSAL_DATE_INVALID', /precede/);
    refuse(() => step(evaluating, { type: 'return', date: '2027-13-01', by, notes: 'x' }), 'PROPOSAL_DATE_INVALID');
    let t = step(evaluating, { type: 'evaluate', date: '2027-01-20', by, criteria: DEFAULT_CRITERIA, scores: all(8) });
    t = step(t, { type: 'admit', date: '2027-01-21', by });
    refuse(() => step(t, { type: 'start', date: '2027-01-22', by }), 'PROPOSAL_TRANSITION', /approvare con il piano/);
    refuse(() => step(t, { type: 'approve_with_plan', date: '2027-01-22', by, planYear: 27, planVersion: 1 }), 'PROPOSAL_PLAN_INVALID');
    t = step(t, { type: 'approve_with_plan', date: '2027-02-10', by, planYear: 2027, planVersion: 2 });
    refuse(() => step(t, { type: 'start', date: '2027-03-01', by, progress: 101 }), 'PROPOSAL_PROGRESS_INVALID', /da 0 a 100/);
    refuse(() => step(t, { type: 'start', date: '2027-03-01', by, expectedEndDate: '2027-02-01' }), 'PROPOSAL_DATE_INVALID', /precede/);
    t = step(t, { type: 'start', date: '2027-03-01', by, progress: 10 });
    refuse(() => step(t, { type: 'report_progress', date: '2027-04-01', by, progress: -5 }), 'PROPOSAL_PROGRESS_INVALID');
    refuse(() => step(t, { type: 'report_progress', date: '2027-04-01', by, progress: 33.3 }), 'PROPOSAL_PROGRESS_INVALID');
    refuse(() => step(t, { type: 'report_progress', date: '2027-04-01', by: '', progress: 30 }), 'PROPOSAL_TRANSITION', /chi compie il passo/);
    expect(t.progress).toBe(10);
  });
});
