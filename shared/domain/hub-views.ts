import type { ProposalStateView } from '../governance/proposal-state';
import { z } from 'zod';
import { RecordId } from '../records/common';
import { ServiceCode } from '../records/catalogue';
import type { AttachmentRef, ProposalData, ProposalStatus } from '../records/proposals';
import type { MembershipStatus } from '../records/hub-members';
import { IstatCode } from './ids';
import type { Member } from './installation';
import type { Measure } from './unit-measure';
import { MemberPageFields, type PageInfo } from './member-page';

/** The hub's read-only views of its members' records, and the municipality's sync status (issue 4). */

/** A member as the registry holds it, with its public-record fields. */
export interface RegistryMember extends Member {
  membership: MembershipStatus;
  memberSince: string | null;
}

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Mese nel formato AAAA-MM.' });

export const MembersOverviewInput = z
  .object({
    /** Days without a bundle after which a member is highlighted; default: the setting, else 30. */
    staleDays: z.number().int().min(1).max(3650).optional(),
    ...MemberPageFields,
  })
  .strict();

export interface MemberOverview {
  istat: string;
  name: string;
  province: string;
  /** The province's region (ISTAT name), null for a province the reference does not know. */
  region: string | null;
  population: number | null;
  populationYear: number | null;
  membership: MembershipStatus;
  /** The member's identity: none imported yet, pending (fingerprint not confirmed) or confirmed. */
  status: 'none' | 'pending' | 'confirmed';
  lastBundleAt: string | null;
  /** The member's stream as applied here. */
  lastSeq: number;
  /** The date (`at`) of that event, null before the first. */
  lastEventAt: string | null;
  daysSinceLastSync: number | null;
  /** Past the threshold (or confirmed and never synchronized). */
  stale: boolean;
  /** Bundles received but waiting (pending a gap, or kept for an unconfirmed identity) and their events. */
  waitingBundles: number;
  eventsWaiting: number;
  /** What the member acknowledged of the hub's stream. */
  ackedHubSeq: number | null;
}

export interface MembersOverview {
  staleDays: number;
  at: string;
  /** With `page`: that page of the members matching the filter; else every member. */
  members: MemberOverview[];
  /** With `page` only. */
  page?: PageInfo;
}

export const HubUsageInput = z
  .object({
    service: ServiceCode.optional(),
    member: IstatCode.optional(),
    from: Month.optional(),
    to: Month.optional(),
    /** Cells returned at most (the totals always cover the whole filter). */
    limit: z.number().int().min(1).max(200_000).default(10_000),
    /**
     * With `page`: cells and per-member figures for one page of members (by name) among those
     * the search, province and region select; the totals over all of them, from the aggregates.
     */
    ...MemberPageFields,
  })
  .strict();

export interface HubUsageCell {
  service: string;
  member: string;
  month: string;
  quantityMilli: number;
  quantity: string;
  entries: number;
}

export interface HubUsageTable {
  /** `measure` 'level' (GB, mailboxes held): the service's figures over months are averages, not sums. */
  services: { code: string; nameIt: string; nameEn: string; unit: string; unitIt: string; unitEn: string; measure: Measure }[];
  members: { istat: string; name: string }[];
  months: string[];
  cells: HubUsageCell[];
  truncated: boolean;
  /**
   * Per service × member over the filtered months (quantities of one service share a unit): a
   * count's sum, a level's average over the member's months with a figure.
   */
  byServiceMember: { service: string; member: string; quantityMilli: number; quantity: string; entries: number }[];
  /** Per service: its members' figures added up (a level: the sum of the members' averages). */
  byService: { service: string; quantityMilli: number; quantity: string; entries: number }[];
  /** Per service × month, members added up (a month's level is what all members held). */
  byServiceMonth: { service: string; month: string; quantityMilli: number; quantity: string; entries: number }[];
  /** With `page` only: the page of members that `members`, `cells` and `byServiceMember` cover. */
  page?: PageInfo;
}

export const HubTrainingInput = z
  .object({ year: z.number().int().min(2000).max(2999).optional(), member: IstatCode.optional() })
  .strict();

export const HubTrainingPageInput = z
  .object({
    year: z.number().int().min(2000).max(2999).optional(),
    member: IstatCode.optional(),
    ...MemberPageFields,
    /** Members by name (default) or by hours, most first (the dashboard's chart). */
    order: z.enum(['name', 'hours']).default('name'),
  })
  .strict();

/** One page of members' training rows (each member's years), and totals over every member selected. */
export interface HubTrainingPage {
  rows: HubTrainingRow[];
  page: PageInfo;
  totals: { participations: number; completed: number; hoursMilli: number; hours: string };
}

export interface HubTrainingRow {
  member: string;
  name: string;
  /** The year of the course's start date; 0 when the course is unknown here. */
  year: number;
  participations: number;
  completed: number;
  hoursMilli: number;
  hours: string;
  /** Active staff the member registered (null when it sent none), and hours per person. */
  staff: number | null;
  hoursPerEmployee: string | null;
}

export const HubProposalListInput = z
  .object({
    status: z.enum(['draft', 'submitted', 'withdrawn']).optional(),
    member: IstatCode.optional(),
    /** Drafts are the member's work in progress: listed only when asked. */
    includeDrafts: z.boolean().default(false),
  })
  .strict();

export const HubProposalPageInput = HubProposalListInput.extend(MemberPageFields).strict();

/** One page of received proposals (most recent first) of the members selected. */
export interface HubProposalPage {
  proposals: HubProposal[];
  page: PageInfo;
}

export interface HubProposal {
  id: string;
  member: string;
  memberName: string | null;
  status: ProposalStatus;
  version: number;
  title: string;
  oneOffCents: number;
  yearlyCents: number;
  attachments: number;
  submittedAt: string | null;
  /** The date of the member's last event on it. */
  updatedAt: string;
  lastSeq: number;
  /** The one state every screen shows (shared/governance/proposal-state.ts), with the hub's track. */
  state: ProposalStateView;
}

export interface HubProposalDetail {
  proposal: HubProposal;
  data: ProposalData;
  /** Every event of the record, oldest first (drafts included: the history is the member's). */
  versions: { seq: number; at: string; status: ProposalStatus; version: number; data: ProposalData }[];
  attachments: (AttachmentRef & { available: boolean })[];
}

export const HubAttachmentInput = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export const HubProposalGetInput = z.object({ id: RecordId }).strict();

/** A municipality's view of its exchange with the hub ("sincronizzato fino a …"). */
export interface SyncStatus {
  role: 'municipality' | 'hub';
  hub: { id: string; name: string; confirmed: boolean } | null;
  lastImportAt: string | null;
  /** The hub's stream applied here, and the date of that event. */
  hubSeqApplied: number;
  hubSeqAppliedAt: string | null;
  ourLastSeq: number;
  ourLastAt: string | null;
  /** What the hub acknowledged of our stream (null: no acknowledgement yet). */
  ackedByHub: number | null;
  ackedAt: string | null;
  /** Our events the other side has not acknowledged (on the hub: summed over its confirmed members), as `sync.network` eventsToSend. */
  waiting: number;
  /** Bundles received but not applied yet (a gap, or the hub's identity not confirmed). */
  pendingBundles: number;
  lastExportAt: string | null;
  /** A warning from the hub's acknowledgement (restored backup, fork), if any. */
  ackProblem: 'events_lost' | 'fork' | null;
  /** What the hub has sent: how many services, courses, groups and members are held here. */
  received: { services: number; courses: number; groups: number; members: number };
}
