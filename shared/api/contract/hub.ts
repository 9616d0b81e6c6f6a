import { z } from 'zod';
import { method } from '../define';
import { type AttachmentContent } from '../../domain/proposals';
import { ServiceCode } from '../../records/catalogue';
import { HubServiceInput, MemberAddInput, MemberRemoveInput, MemberUpdateInput, OfferedCourseInput, ThematicGroupInput, type HubService, type OfferedCourse, type ThematicGroup } from '../../domain/hub-records';
import { HubAttachmentInput, HubProposalGetInput, HubProposalListInput, HubProposalPageInput, HubTrainingInput, HubTrainingPageInput, HubUsageInput, MembersOverviewInput, type HubProposal, type HubProposalDetail, type HubProposalPage, type HubTrainingPage, type HubTrainingRow, type HubUsageTable, type MembersOverview, type RegistryMember } from '../../domain/hub-views';
import { NoInput, ById, Year } from './inputs';

/** The hub's own records and its read-only views of the members' records. */
export const hubMethods = {
  /** The hub's own records (issue 4), edited in hub mode only; each change is an event of the hub's stream. */
  'hub.services.list': method(NoInput)<HubService[]>(),
  /** Creates the service with this code or replaces its state (the record id derives from the code). */
  'hub.services.save': method(HubServiceInput)<HubService>(),
  /** Refused once members recorded usage of it: retire it (active: false) instead. */
  'hub.services.delete': method(z.object({ code: ServiceCode }).strict())<{ code: string }>(),
  'hub.courses.list': method(z.object({ year: Year.optional() }).strict())<OfferedCourse[]>(),
  'hub.courses.save': method(OfferedCourseInput)<OfferedCourse>(),
  'hub.courses.delete': method(ById)<{ id: string }>(),
  'hub.groups.list': method(NoInput)<ThematicGroup[]>(),
  'hub.groups.save': method(ThematicGroupInput)<ThematicGroup>(),
  'hub.groups.delete': method(ById)<{ id: string }>(),
  /** The member registry's public part: population as ISTAT updates it, status, member since. */
  'members.update': method(MemberUpdateInput)<RegistryMember>(),
  'members.add': method(MemberAddInput)<RegistryMember>(),
  /** Only a member that never exchanged identities; otherwise set its status to 'withdrawn'. */
  'members.remove': method(MemberRemoveInput)<{ istat: string }>(),


  /** The hub's read-only views of its members' records (from incremental aggregates). */
  'hub.members.overview': method(MembersOverviewInput)<MembersOverview>(),
  'hub.members.setStaleDays': method(z.object({ days: z.number().int().min(1).max(3650) }).strict())<{ days: number }>(),
  'hub.usage.byMember': method(HubUsageInput)<HubUsageTable>(),
  'hub.training.byMember': method(HubTrainingInput)<HubTrainingRow[]>(),
  /** One page of members' training (search, province, region; by name or by hours) and totals over all selected. */
  'hub.training.page': method(HubTrainingPageInput)<HubTrainingPage>(),
  'hub.proposals.list': method(HubProposalListInput)<HubProposal[]>(),
  /** One page of received proposals of the members selected (search, province, region). */
  'hub.proposals.page': method(HubProposalPageInput)<HubProposalPage>(),
  'hub.proposals.get': method(HubProposalGetInput)<HubProposalDetail>(),
  'hub.attachments.get': method(HubAttachmentInput)<AttachmentContent & { name: string }>(),
} as const;
