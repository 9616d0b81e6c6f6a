import type { HandlerGroup } from '../api/handler-table';
import { addMember, removeRegistryMember, updateMember } from './hub-members';
import { deleteHubCourse, deleteHubGroup, deleteHubService, listHubCourses, listHubGroups, listHubServices, saveHubCourse, saveHubGroup, saveHubService } from './hub-records';
import { membersOverview, setStaleDays } from './views/members-overview';
import { getHubProposal, listHubProposals, readHubAttachment } from './views/proposals';
import { syncStatus } from './views/sync-status';
import { trainingByMember } from './views/training-by-member';
import { usageByMember } from './views/usage-by-member';
import { requireHub } from './hub-guard';

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
  'hub.proposals.list': listHubProposals,
  'hub.proposals.get': getHubProposal,
  'hub.attachments.get': readHubAttachment,
} satisfies HandlerGroup;
