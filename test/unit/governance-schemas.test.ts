import { describe, expect, it } from 'vitest';
import { allocatePlan } from '../../shared/governance/allocation';
import { DEFAULT_CRITERIA } from '../../shared/governance/evaluation';
import {
  AllocatePlanInputSchema,
  ApprovalInputSchema,
  CriteriaConfigSchema,
  ProposalActionSchema,
  SharingKeySchema,
  StandAloneReferenceSchema,
  VoteInputSchema,
} from '../../shared/governance/schemas';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('governance input schemas (Italian messages)', () => {
  it('sharing key: percentages summing to 100, integers, not negative', () => {
    expect(SharingKeySchema.safeParse({ equal: 30, population: 70, usage: 0 }).success).toBe(true);
    expect(messages(SharingKeySchema.safeParse({ equal: 30, population: 60, usage: 0 }))).toEqual([
      'Le percentuali della chiave di riparto (parti uguali, popolazione, utilizzo) devono sommare a 100.',
    ]);
    expect(messages(SharingKeySchema.safeParse({ equal: 110, population: -10, usage: 0 }))).toContain('La percentuale non può essere negativa.');
    expect(messages(SharingKeySchema.safeParse({ equal: 50.5, population: 49.5, usage: 0 }))).toContain('La percentuale deve essere un numero intero (per esempio 40).');
  });

  it('plan allocation input: negative cost, bad ISTAT, duplicates; a valid input feeds allocatePlan', () => {
    const good = {
      year: 2027,
      items: [{ code: 'PEC', costCents: 1000, key: { equal: 50, population: 50, usage: 0 }, exempt: ['041002'] }],
      members: [
        { istat: '041001', population: 100 },
        { istat: '041002', population: 200 },
      ],
    };
    const parsed = AllocatePlanInputSchema.parse(good);
    expect(allocatePlan(parsed.year, parsed.items, parsed.members).items[0]!.shares.map((s) => s.cents)).toEqual([1000, 0]);
    expect(messages(AllocatePlanInputSchema.safeParse({ ...good, items: [{ ...good.items[0], costCents: -5 }] }))).toContain("L'importo non può essere negativo.");
    expect(messages(AllocatePlanInputSchema.safeParse({ ...good, items: [{ ...good.items[0], costCents: 10.5 }] }))).toContain(
      "L'importo va espresso in centesimi interi (per esempio 1.234,56 € = 123456).",
    );
    expect(messages(AllocatePlanInputSchema.safeParse({ ...good, members: [{ istat: '41001', population: 1 }] })).join()).toMatch(/6 cifre/);
    expect(messages(AllocatePlanInputSchema.safeParse({ ...good, items: [good.items[0], good.items[0]] }))).toContain('Ogni voce del piano deve avere un codice diverso.');
    expect(messages(AllocatePlanInputSchema.safeParse({ ...good, members: [good.members[0], good.members[0]] }))).toContain('Ogni comune va indicato una sola volta fra i membri.');
  });

  it('votes: more ballots than members present is refused', () => {
    const v = {
      electorate: [{ id: 'a' }, { id: 'b' }],
      present: ['a'],
      ballots: [
        { member: 'a', vote: 'for' },
        { member: 'b', vote: 'for' },
      ],
      rules: { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } },
    };
    expect(messages(VoteInputSchema.safeParse(v))).toEqual(['I voti espressi sono più dei membri presenti.']);
    expect(VoteInputSchema.safeParse({ ...v, present: ['a', 'b'] }).success).toBe(true);
    expect(messages(VoteInputSchema.safeParse({ ...v, present: ['a', 'b'], rules: { ...v.rules, majority: { kind: 'qualified', numerator: 3, denominator: 2, of: 'cast' } } }))).toEqual([
      'Maggioranza qualificata: la frazione non può superare 1 (per esempio 2/3).',
    ]);
    const approval = { version: 1, body: 'assembly', date: '2027-02-30', minutesRef: 'Verbale 1', ...v, present: ['a', 'b'] };
    expect(messages(ApprovalInputSchema.safeParse(approval)).join()).toMatch(/Data non valida/);
    expect(ApprovalInputSchema.safeParse({ ...approval, date: '2027-02-28' }).success).toBe(true);
  });

  it('criteria: weights summing to 100; proposal actions: reason and notes required', () => {
    expect(CriteriaConfigSchema.safeParse(DEFAULT_CRITERIA).success).toBe(true);
    expect(messages(CriteriaConfigSchema.safeParse({ ...DEFAULT_CRITERIA, criteria: DEFAULT_CRITERIA.criteria.slice(1) }))).toEqual(['I pesi dei criteri devono sommare a 100.']);
    expect(messages(ProposalActionSchema.safeParse({ type: 'not_admit', date: '2027-01-10', by: 'CT', reason: '   ' }))).toEqual(['Indicare il motivo della non ammissione.']);
    expect(messages(ProposalActionSchema.safeParse({ type: 'return', date: '2027-01-10', by: 'CT', notes: '' }))).toEqual(['Indicare le modifiche richieste.']);
    expect(messages(ProposalActionSchema.safeParse({ type: 'report_progress', date: '2027-01-10', by: 'DT', progress: 120 }))).toEqual(["L'avanzamento non supera 100%."]);
    expect(ProposalActionSchema.safeParse({ type: 'approve_with_plan', date: '2027-01-10', by: 'Assemblea', planYear: 2027, planVersion: 1 }).success).toBe(true);
  });

  it('stand-alone references', () => {
    expect(StandAloneReferenceSchema.safeParse({ kind: 'per_unit', unitCents: 500 }).success).toBe(true);
    expect(StandAloneReferenceSchema.safeParse({ kind: 'size_class', bounds: [1000, null], cents: [1, 2] }).success).toBe(true);
    expect(messages(StandAloneReferenceSchema.safeParse({ kind: 'size_class', bounds: [1000, 500, null], cents: [1, 2, 3] }))).toEqual([
      "Limiti superiori delle classi crescenti, l'ultima classe senza limite.",
    ]);
    expect(messages(StandAloneReferenceSchema.safeParse({ kind: 'per_unit', unitCents: -1 }))).toEqual(["L'importo non può essere negativo."]);
  });
});
