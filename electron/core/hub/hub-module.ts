import type { HandlerGroup } from '../platform/api/handler-table';
import type { FeatureModule } from '../platform/api/feature-module';
import { hubServiceKind } from '../../../shared/records/hub-catalogue';
import { thematicGroupKind } from '../../../shared/records/hub-groups';
import { memberKind } from '../../../shared/records/hub-members';
import { offeredCourseKind } from '../../../shared/records/hub-training';
import { proposalProjector } from './proposals/proposal-projector';
import { memberCourseProjector, participationProjector, staffCountProjector } from './training/training-projectors';
import { usageMonthlyProjector } from './usage/usage-monthly-projector';
import { addMember, listRegistry, removeRegistryMember, updateMember } from './members/hub-members';
import { deleteHubCourse, deleteHubGroup, deleteHubService, listHubCourses, listHubGroups, listHubServices, saveHubCourse, saveHubGroup, saveHubService } from './catalogue/hub-records';
import { membersOverview, setStaleDays } from './members/members-overview';
import { getHubProposal, listHubProposals, pageHubProposals, readHubAttachment } from './proposals/hub-proposals';
import { syncStatus } from '../sync/status/sync-status';
import { trainingByMember, trainingPage } from './training/training-by-member';
import { usageByMember } from './usage/usage-by-member';
import { requireHub } from './records/hub-guard';

/** Issue 4: the hub's own records, its views of the members' records, and the sync status. */
export const hubHandlers = {
  'hub.services.list': (ctx) => listHubServices(ctx),
  'hub.services.save': saveHubService,
  'hub.services.delete': deleteHubService,
  'hub.courses.list': listHubCourses,
  'hub.courses.save': saveHubCourse,
  'hub.courses.delete': deleteHubCourse,
  'hub.groups.list': (ctx) => listHubGroups(ctx),
  'hub.groups.save': saveHubGroup,
  'hub.groups.delete': deleteHubGroup,
  // The registry with its public record's fields (membership, member since): on a municipality, as the hub sent it.
  'members.list': (ctx) => listRegistry(ctx),
  'members.update': updateMember,
  'members.add': addMember,
  'members.remove': removeRegistryMember,
  'sync.status': (ctx) => syncStatus(ctx),
  'hub.members.overview': membersOverview,
  'hub.members.setStaleDays': (ctx, input) => {
    requireHub(ctx);
    setStaleDays(ctx, input.days);
    return { days: input.days };
  },
  'hub.usage.byMember': usageByMember,
  'hub.training.byMember': trainingByMember,
  'hub.training.page': trainingPage,
  'hub.proposals.page': pageHubProposals,
  'hub.proposals.list': listHubProposals,
  'hub.proposals.get': getHubProposal,
  'hub.attachments.get': readHubAttachment,
} satisfies HandlerGroup;

/**
 * The hub: its own records (catalogue, offered courses, thematic groups, member registry) and
 * its views of what the members send, kept by projectors while their bundles are applied
 * (usage per service × member × month, training, staff counts, proposals). These projectors
 * come before governance's in the module list: governance reads hub_proposals once projected.
 */
export const hubModule = {
  name: 'hub',
  handlers: hubHandlers,
  kinds: [hubServiceKind, offeredCourseKind, thematicGroupKind, memberKind],
  projectors: [usageMonthlyProjector, memberCourseProjector, participationProjector, staffCountProjector, proposalProjector],
} satisfies FeatureModule;
