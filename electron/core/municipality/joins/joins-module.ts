import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { proposalJoinKind } from '../../../../shared/records/proposal-joins';
import { sharedJoinProjector, sharedProposalProjector } from './joins-projectors';
import { restoreJoinFromEvent } from './joins-restore';
import { joinersOfMine, joinProposal, listSharedProposals, withdrawJoin } from './joins-service';

export const joinsHandlers = {
  'joins.list': (ctx) => listSharedProposals(ctx),
  'joins.join': joinProposal,
  'joins.withdraw': withdrawJoin,
  'joins.ofProposal': joinersOfMine,
} satisfies HandlerGroup;

/**
 * *Condivisione* (issue 13 item 5) on a municipality: the other members' proposals the hub
 * published, this member's joins ("Aderisci", its own `proposal_join` records, rebuilt from the
 * hub's copy after a restore like every record it writes), and who joined its own proposals.
 */
export const joinsModule = {
  name: 'municipality/joins',
  handlers: joinsHandlers,
  kinds: [proposalJoinKind],
  restorers: { proposal_join: (db, _dir, ev) => restoreJoinFromEvent(db, ev) },
  projectors: [sharedProposalProjector, sharedJoinProjector],
} satisfies FeatureModule;
