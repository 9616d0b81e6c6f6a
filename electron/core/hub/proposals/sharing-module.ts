import type { FeatureModule } from '../../platform/api/feature-module';
import { sharedJoinKind, sharedProposalKind } from '../../../../shared/records/proposal-joins';
import { joinRelay, proposalPublisher } from './proposal-sharing';

/**
 * *Condivisione* (issue 13 item 5) on the hub: every submitted proposal is published to all
 * members (`shared_proposal`) and every member's join relayed (`shared_proposal_join`), as hub
 * events written while the member's bundle is applied. Listed after `hub`: the relay checks the
 * proposal against hub_proposals, which the hub's projector keeps.
 */
export const proposalSharingModule = {
  name: 'hub/proposal-sharing',
  kinds: [sharedProposalKind, sharedJoinKind],
  projectors: [proposalPublisher, joinRelay],
} satisfies FeatureModule;
