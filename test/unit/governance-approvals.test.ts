import { describe, expect, it } from 'vitest';
import {
  ApprovalError,
  assertEditable,
  createPlan,
  currentVersion,
  isLocked,
  newVersion,
  proposeByExecutive,
  recordApproval,
  submitToAssembly,
  type ApprovalInput,
  type PlanWorkflow,
} from '../../shared/governance/approvals';
import { computeVote, VoteError, type Ballot, type Elector, type VoteInput, type VotingRules } from '../../shared/governance/voting';

const simple: VotingRules = { weighting: 'one_member_one_vote', majority: { kind: 'simple' }, quorum: { of: 'members', numerator: 1, denominator: 2 } };

/** Five municipalities with their populations and quotas (thousandths of the fund). */
const assembly: Elector[] = [
  { id: '041001', population: 500, quota: 100 },
  { id: '041002', population: 1500, quota: 150 },
  { id: '041003', population: 3000, quota: 200 },
  { id: '041004', population: 10000, quota: 250 },
  { id: '041005', population: 40000, quota: 300 },
];
const ids = assembly.map((e) => e.id);
const ballots = (votes: Record<string, Ballot['vote']>): Ballot[] => Object.entries(votes).map(([member, vote]) => ({ member, vote }));

const refuse = (fn: () => unknown, code: string, text?: RegExp) => {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${code}`).toBeDefined();
  expect((err as { code: string }).code).toBe(code);
  if (text) expect((err as Error).message).toMatch(text);
};

describe('votes: quorum and majority with each weighting', () => {
  // 041005 (the big town) votes for, the four small ones against.
  const split = ballots({ '041001': 'against', '041002': 'against', '041003': 'against', '041004': 'against', '041005': 'for' });
  const vote = (rules: VotingRules, b: Ballot[] = split, present: string[] = ids): VoteInput => ({ electorate: assembly, present, ballots: b, rules });

  it('one member one vote: 1 for, 4 against → rejected', () => {
    const t = computeVote(vote(simple));
    expect(t).toMatchObject({ forWeight: 1, againstWeight: 4, totalWeight: 5, presentWeight: 5, quorumReached: true, outcome: 'rejected' });
  });
  it('by population: 40,000 for, 15,000 against → approved', () => {
    const t = computeVote(vote({ ...simple, weighting: 'population' }));
    expect(t).toMatchObject({ forWeight: 40000, againstWeight: 15000, totalWeight: 55000, outcome: 'approved' });
  });
  it('by quota: 300 for, 700 against → rejected; absolute majority and two thirds', () => {
    expect(computeVote(vote({ ...simple, weighting: 'quota' }))).toMatchObject({ forWeight: 300, againstWeight: 700, outcome: 'rejected' });
    const big = ballots({ '041001': 'against', '041003': 'for', '041004': 'for', '041005': 'for' });
    // quotas for 750 of 1000: absolute yes (750 > 500), two thirds of all yes (750 ≥ 666.7), three quarters of all yes (750 ≥ 750, at least).
    expect(computeVote(vote({ ...simple, weighting: 'quota', majority: { kind: 'absolute' } }, big)).outcome).toBe('approved');
    expect(computeVote(vote({ ...simple, weighting: 'quota', majority: { kind: 'qualified', numerator: 2, denominator: 3, of: 'all' } }, big)).outcome).toBe('approved');
    expect(computeVote(vote({ ...simple, weighting: 'quota', majority: { kind: 'qualified', numerator: 3, denominator: 4, of: 'all' } }, big)).outcome).toBe('approved');
    expect(computeVote(vote({ ...simple, weighting: 'quota', majority: { kind: 'qualified', numerator: 4, denominator: 5, of: 'all' } }, big)).outcome).toBe('rejected');
  });
  it('exact thresholds: two thirds of votes cast reached exactly (no floating point)', () => {
    const six: Elector[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id }));
    const b = ballots({ a: 'for', b: 'for', c: 'for', d: 'for', e: 'against', f: 'against' });
    const rules: VotingRules = { ...simple, majority: { kind: 'qualified', numerator: 2, denominator: 3, of: 'cast' } };
    expect(computeVote({ electorate: six, present: six.map((e) => e.id), ballots: b, rules }).outcome).toBe('approved'); // 4/6 = 2/3
    const b2 = ballots({ a: 'for', b: 'for', c: 'for', d: 'against', e: 'against', f: 'abstain' });
    expect(computeVote({ electorate: six, present: six.map((e) => e.id), ballots: b2, rules }).outcome).toBe('rejected'); // 3/5 < 2/3
    // Abstentions count as present, not as cast: 3 for, 2 against is a simple majority.
    expect(computeVote({ electorate: six, present: six.map((e) => e.id), ballots: b2, rules: simple })).toMatchObject({ outcome: 'approved', abstainWeight: 1 });
    // Absolute majority: 3 of 6 is not more than half of all members.
    expect(computeVote({ electorate: six, present: six.map((e) => e.id), ballots: b2, rules: { ...simple, majority: { kind: 'absolute' } } }).outcome).toBe('rejected');
  });
  it('quorum by head count or by weight; a tie and an all-abstain vote approve nothing', () => {
    const twoSmall = ['041001', '041002'];
    const b = ballots({ '041001': 'for', '041002': 'for' });
    expect(computeVote(vote(simple, b, twoSmall)).outcome).toBe('no_quorum'); // 2 of 5 < 1/2
    expect(computeVote(vote({ ...simple, quorum: { of: 'members', numerator: 2, denominator: 5 } }, b, twoSmall)).outcome).toBe('approved'); // 2/5 exactly
    // 041005 alone holds 40,000 of 55,000 inhabitants: a quorum of half the weight with 1 of 5 members.
    const rules: VotingRules = { weighting: 'population', majority: { kind: 'simple' }, quorum: { of: 'weight', numerator: 1, denominator: 2 } };
    expect(computeVote(vote(rules, ballots({ '041005': 'for' }), ['041005']))).toMatchObject({ quorumReached: true, outcome: 'approved', presentMembers: 1 });
    expect(computeVote(vote(rules, ballots({ '041001': 'for' }), ['041001', '041004'])).outcome).toBe('no_quorum');
    expect(computeVote(vote(simple, ballots({ '041001': 'for', '041002': 'against' }), ['041001', '041002', '041003'])).outcome).toBe('rejected');
    expect(computeVote(vote({ ...simple, majority: { kind: 'qualified', numerator: 1, denominator: 2, of: 'cast' } }, ballots({ '041001': 'abstain' }), ['041001', '041002', '041003'])).outcome).toBe('rejected');
    // Present but not voting.
    expect(computeVote(vote(simple, ballots({ '041001': 'for' }), ['041001', '041002', '041003'])).notVotingWeight).toBe(2);
  });

  it('bad input: more votes than present, voter not present, voting twice, negatives, bad rules', () => {
    const three = ['041001', '041002', '041003'];
    refuse(() => computeVote(vote(simple, split, three)), 'VOTE_TOO_MANY', /voti espressi \(5\) sono più dei membri presenti \(3\)/);
    refuse(() => computeVote(vote(simple, ballots({ '041001': 'for', '041004': 'for' }), three)), 'VOTE_NOT_PRESENT', /041004 ha votato ma non risulta presente/);
    refuse(() => computeVote(vote(simple, [{ member: '041001', vote: 'for' }, { member: '041001', vote: 'against' }], three)), 'VOTE_TWICE', /due volte/);
    refuse(() => computeVote(vote(simple, [], ['041001', '041001'])), 'VOTE_PRESENT_TWICE');
    refuse(() => computeVote(vote(simple, [], ['099999'])), 'VOTE_UNKNOWN_MEMBER');
    refuse(() => computeVote({ electorate: [{ id: 'a', population: -5 }], present: ['a'], ballots: [], rules: { ...simple, weighting: 'population' } }), 'VOTE_WEIGHT_INVALID', /non negativo/);
    refuse(() => computeVote({ electorate: [{ id: 'a', quota: 1.5 }], present: ['a'], ballots: [], rules: { ...simple, weighting: 'quota' } }), 'VOTE_WEIGHT_INVALID');
    refuse(() => computeVote({ electorate: [{ id: 'a' }], present: ['a'], ballots: [], rules: { ...simple, weighting: 'population' } }), 'VOTE_WEIGHT_INVALID');
    refuse(() => computeVote(vote({ ...simple, quorum: { of: 'members', numerator: -1, denominator: 2 } })), 'VOTE_RULE_INVALID');
    refuse(() => computeVote(vote({ ...simple, majority: { kind: 'qualified', numerator: 3, denominator: 2, of: 'cast' } })), 'VOTE_RULE_INVALID');
    refuse(() => computeVote({ electorate: [], present: [], ballots: [], rules: simple }), 'VOTE_ELECTORATE');
    refuse(() => computeVote(vote(simple, [{ member: '041001', vote: 'maybe' as never }], three)), 'VOTE_CHOICE_INVALID');
    expect(() => computeVote(vote(simple, split, three))).toThrow(VoteError);
  });
});

const committee: Elector[] = [{ id: 'Rossi' }, { id: 'Bianchi' }, { id: 'Verdi' }];
const ecYes = (version: number, date = '2027-01-20'): ApprovalInput => ({
  version,
  body: 'executive_committee',
  date,
  minutesRef: 'Verbale CE n. 3/2027',
  electorate: committee,
  present: ['Rossi', 'Bianchi', 'Verdi'],
  ballots: ballots({ Rossi: 'for', Bianchi: 'for', Verdi: 'against' }),
  rules: simple,
});
const assemblyYes = (version: number, date = '2027-02-10'): ApprovalInput => ({
  version,
  body: 'assembly',
  date,
  minutesRef: 'Verbale Assemblea n. 1/2027',
  electorate: assembly,
  present: ids,
  ballots: ballots({ '041001': 'for', '041002': 'for', '041003': 'abstain', '041004': 'for', '041005': 'against' }),
  rules: { weighting: 'quota', majority: { kind: 'simple' }, quorum: { of: 'weight', numerator: 1, denominator: 2 } },
});

function approvedPlan(): PlanWorkflow {
  let wf = createPlan(2027, '2027-01-05', 'Direttore tecnico');
  wf = proposeByExecutive(wf, { version: 1, date: '2027-01-10', by: 'Comitato esecutivo' });
  wf = recordApproval(wf, ecYes(1)).workflow;
  wf = submitToAssembly(wf, { version: 1, date: '2027-01-25', by: 'Presidente' });
  return recordApproval(wf, assemblyYes(1)).workflow;
}

describe('plan versions and approvals', () => {
  it('goes draft → proposed → approved by the Executive Committee → submitted → approved by the Assembly', () => {
    const wf = approvedPlan();
    const v = currentVersion(wf);
    expect(v.state).toBe('approved_by_assembly');
    expect(v.steps.map((s) => s.to)).toEqual(['draft', 'proposed_by_executive', 'approved_by_executive', 'submitted_to_assembly', 'approved_by_assembly']);
    expect(v.approvals.map((a) => [a.body, a.tally.outcome])).toEqual([
      ['executive_committee', 'approved'],
      ['assembly', 'approved'],
    ]);
    // Quota weighting: for 100+150+250 = 500, against 300 → approved; abstention 200 present.
    expect(v.approvals[1]!.tally).toMatchObject({ forWeight: 500, againstWeight: 300, abstainWeight: 200 });
    expect(isLocked(v)).toBe(true);
  });

  it('refuses approving out of order', () => {
    const wf = createPlan(2027, '2027-01-05', 'Direttore tecnico');
    refuse(() => recordApproval(wf, ecYes(1)), 'PLAN_OUT_OF_ORDER', /il passo successivo è la proposta del Comitato esecutivo/);
    refuse(() => recordApproval(wf, assemblyYes(1)), 'PLAN_OUT_OF_ORDER');
    refuse(() => submitToAssembly(wf, { version: 1, date: '2027-01-06', by: 'x' }), 'PLAN_OUT_OF_ORDER');
    const proposed = proposeByExecutive(wf, { version: 1, date: '2027-01-10', by: 'CE' });
    refuse(() => recordApproval(proposed, assemblyYes(1)), 'PLAN_OUT_OF_ORDER', /approvare il piano in Assemblea/);
    refuse(() => proposeByExecutive(proposed, { version: 1, date: '2027-01-11', by: 'CE' }), 'PLAN_OUT_OF_ORDER');
    const ec = recordApproval(proposed, ecYes(1)).workflow;
    refuse(() => recordApproval(ec, ecYes(1, '2027-01-21')), 'PLAN_OUT_OF_ORDER');
    refuse(() => recordApproval(ec, assemblyYes(1)), 'PLAN_OUT_OF_ORDER', /invio all'Assemblea/);
  });

  it('a rejected vote or one without quorum is recorded and changes no state', () => {
    let wf = proposeByExecutive(createPlan(2027, '2027-01-05', 'DT'), { version: 1, date: '2027-01-10', by: 'CE' });
    const no = recordApproval(wf, { ...ecYes(1), ballots: ballots({ Rossi: 'for', Bianchi: 'against', Verdi: 'against' }) });
    expect(no.approval.tally.outcome).toBe('rejected');
    expect(currentVersion(no.workflow).state).toBe('proposed_by_executive');
    const noQuorum = recordApproval(no.workflow, { ...ecYes(1), present: ['Rossi'], ballots: ballots({ Rossi: 'for' }) });
    expect(noQuorum.approval.tally.outcome).toBe('no_quorum');
    wf = recordApproval(noQuorum.workflow, ecYes(1)).workflow;
    expect(currentVersion(wf).approvals.map((a) => a.tally.outcome)).toEqual(['rejected', 'no_quorum', 'approved']);
    expect(currentVersion(wf).state).toBe('approved_by_executive');
  });

  it('refuses approving a locked version; a change makes a new version that goes through the flow again', () => {
    const wf = approvedPlan();
    refuse(() => recordApproval(wf, assemblyYes(1, '2027-03-01')), 'PLAN_LOCKED', /già approvata dall'Assemblea ed è bloccata/);
    refuse(() => assertEditable(wf, 1), 'PLAN_LOCKED', /creare una nuova versione/);
    const v2 = newVersion(wf, { date: '2027-06-01', by: 'Direttore tecnico', reason: 'Nuovo servizio di conservazione' });
    expect(v2.versions.map((v) => [v.version, v.state, v.supersededBy])).toEqual([
      [1, 'approved_by_assembly', 2],
      [2, 'draft', null],
    ]);
    expect(() => assertEditable(v2, 2)).not.toThrow();
    refuse(() => assertEditable(v2, 1), 'PLAN_LOCKED');
    // Version 2 has to be approved again, from the start.
    refuse(() => recordApproval(v2, assemblyYes(2, '2027-06-10')), 'PLAN_OUT_OF_ORDER');
    let w = proposeByExecutive(v2, { version: 2, date: '2027-06-02', by: 'CE' });
    refuse(() => assertEditable(w, 2), 'PLAN_NOT_EDITABLE', /proposta dal Comitato esecutivo/);
    w = recordApproval(w, ecYes(2, '2027-06-05')).workflow;
    refuse(() => assertEditable(w, 2), 'PLAN_LOCKED');
    w = submitToAssembly(w, { version: 2, date: '2027-06-06', by: 'Presidente' });
    w = recordApproval(w, assemblyYes(2, '2027-06-20')).workflow;
    expect(currentVersion(w)).toMatchObject({ version: 2, state: 'approved_by_assembly' });
    // The input workflow was never mutated.
    expect(currentVersion(v2).state).toBe('draft');
  });

  it('a superseded version (even one never approved) is locked', () => {
    const proposed = proposeByExecutive(createPlan(2027, '2027-01-05', 'DT'), { version: 1, date: '2027-01-10', by: 'CE' });
    const v2 = newVersion(proposed, { date: '2027-01-12', by: 'DT', reason: 'Correzione dei costi' });
    refuse(() => recordApproval(v2, ecYes(1)), 'PLAN_LOCKED', /sostituita dalla versione 2/);
    refuse(() => newVersion(v2, { date: '2027-01-13', by: 'DT', reason: 'x' }), 'PLAN_STILL_DRAFT', /ancora una bozza/);
  });

  it('bad input: unknown version, dates, missing minutes, votes refused without any change', () => {
    const wf = proposeByExecutive(createPlan(2027, '2027-01-05', 'DT'), { version: 1, date: '2027-01-10', by: 'CE' });
    refuse(() => recordApproval(wf, ecYes(9)), 'PLAN_VERSION_UNKNOWN');
    refuse(() => recordApproval(wf, ecYes(1, '2027-02-30')), 'PLAN_DATE_INVALID');
    refuse(() => recordApproval(wf, ecYes(1, '2027-01-09')), 'PLAN_DATE_BACKWARDS');
    refuse(() => recordApproval(wf, { ...ecYes(1), minutesRef: ' ' }), 'PLAN_TEXT_REQUIRED', /verbale/);
    refuse(() => recordApproval(wf, { ...ecYes(1), present: ['Rossi'] }), 'VOTE_TOO_MANY');
    refuse(() => createPlan(27, '2027-01-05', 'DT'), 'PLAN_YEAR_INVALID');
    expect(currentVersion(wf).approvals).toEqual([]);
    expect(() => recordApproval(wf, ecYes(9))).toThrow(ApprovalError);
  });
});
