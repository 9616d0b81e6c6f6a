/** `cst proposals` (issue 13): the proposals with the one state every screen shows. */
import { callOrFail } from '../call-or-fail';
import { CliError, type Command } from '../cli-types';
import { PROPOSAL_STAGE_LABELS, PROPOSAL_STAGES, type ProposalStage, type ProposalStateView } from '../../../shared/governance/proposal-state';

interface Line {
  id: string;
  title: string;
  member: string;
  state: ProposalStateView;
}

/** "ammessa al piano (ritirata dal comune il 2026-11-27, dopo la decisione)". */
function stateText(s: ProposalStateView): string {
  const label = PROPOSAL_STAGE_LABELS[s.stage];
  if (s.stage === 'withdrawn') return `${label} il ${s.withdrawnOn}`;
  return s.lateWithdrawal ? `${label} (ritirata dal comune il ${s.lateWithdrawal}, dopo la decisione: la decisione resta)` : label;
}

export const proposalsCommand: Command = {
  name: 'proposals',
  summary: 'le proposte con il loro stato, lo stesso delle schermate (sul consorzio: quelle ricevute; sul comune: le proprie)',
  usage: `cst proposals [--status ${PROPOSAL_STAGES.join('|')}] [--json]`,
  options: { status: { type: 'string' } },
  async run({ call, values, io, json }) {
    const status = values.status;
    if (status !== undefined && (typeof status !== 'string' || !PROPOSAL_STAGES.includes(status as ProposalStage))) {
      throw new CliError(`--status vuole uno di: ${PROPOSAL_STAGES.join(', ')}.`, 2);
    }
    const { role } = await callOrFail(call, 'sync.status', {});
    // Both lists carry the state from shared/governance/proposal-state.ts: never recomputed here.
    const lines: Line[] =
      role === 'hub'
        ? (await callOrFail(call, 'gov.proposals.list', {})).map((r) => ({ id: r.id, title: r.title, member: r.ownerName ?? r.owner, state: r.state }))
        : (await callOrFail(call, 'proposals.list', {})).map((p) => ({ id: p.id, title: p.title, member: '', state: p.state }));
    const shown = lines.filter((l) => !status || l.state.stage === status);
    if (!json) {
      if (shown.length === 0) io.out(status ? `Nessuna proposta nello stato «${PROPOSAL_STAGE_LABELS[status as ProposalStage]}».` : 'Nessuna proposta.');
      for (const l of shown) io.out([stateText(l.state), ...(l.member ? [l.member] : []), l.title, l.id].join('\t'));
    }
    return shown.map((l) => ({ id: l.id, title: l.title, member: l.member || null, stage: l.state.stage, withdrawnOn: l.state.withdrawnOn, lateWithdrawal: l.state.lateWithdrawal, steps: l.state.steps }));
  },
};
