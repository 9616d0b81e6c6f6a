import { z } from 'zod';
import { method } from './define';
import { HubId, IstatCode, Locale, personText } from '../domain/ids';
import type { ChainVerification } from '../domain/outbox';
import { CsvExportInput, CsvImportInput, CsvPreviewInput, type CsvFile, type CsvImportResult, type CsvPreview } from '../domain/csv';
import { GroupInput, GroupUpdateInput, MeetingInput, MeetingListInput, MeetingUpdateInput, MembershipInput, MembershipUpdateInput, type Group, type Meeting } from '../domain/groups';
import { DemoInput, type DemoSummary } from '../domain/demo';
import { HistoryInput, type RecordHistory } from '../domain/history';
import { SettingsUpdateInput, type AppSettings, type HomeSummary } from '../domain/home';
import {
  AttachmentAddInput,
  AttachmentGetInput,
  AttachmentRemoveInput,
  ProposalInput,
  ProposalListInput,
  ProposalUpdateInput,
  type AttachmentContent,
  type Proposal,
  type ProposalDetail,
} from '../domain/proposals';
import { StaffCreateInput, StaffListInput, StaffUpdateInput, type StaffMember } from '../domain/staff';
import { CourseInput, CourseUpdateInput, ParticipationInput, ParticipationListInput, ParticipationUpdateInput, type Course, type Participation, type TrainingTotals } from '../domain/training';
import { UsageInput, UsageListInput, UsageUpdateInput, type Service, type UsageEntry, type UsageList, type UsageMonthly, type UsageTrend } from '../domain/usage';
import { RecordId } from '../records/common';
import { ServiceCode } from '../records/catalogue';
import {
  BundleExportInput,
  BundleImportInput,
  BundleInspectInput,
  IdentityConfirmInput,
  IdentityImportInput,
  type BundleExportResult,
  type BundleFork,
  type BundleHistory,
  type BundleImportResult,
  type BundleInspection,
  type Peer,
  type PendingBundle,
} from '../domain/bundles';
import type { AppStatus, IdentityInfo, Installation, IntegrityReport, Member, Municipality, Province } from '../domain/installation';
import {
  HubServiceInput,
  MemberAddInput,
  MemberRemoveInput,
  MemberUpdateInput,
  OfferedCourseInput,
  ThematicGroupInput,
  type HubService,
  type OfferedCourse,
  type ThematicGroup,
} from '../domain/hub-records';
import {
  HubAttachmentInput,
  HubProposalGetInput,
  HubProposalListInput,
  HubTrainingInput,
  HubUsageInput,
  MembersOverviewInput,
  type HubProposal,
  type HubProposalDetail,
  type HubTrainingRow,
  type HubUsageTable,
  type MembersOverview,
  type RegistryMember,
  type SyncStatus,
} from '../domain/hub-views';

import {
  GovCsvInput,
  GovSettingsUpdateInput,
  HubDemoInput,
  MyShareInput,
  PlanApproveInput,
  PlanCreateInput,
  PlanImportInput,
  PlanItemsInput,
  PlanNewVersionInput,
  PlanRefInput,
  PlanStatementInput,
  PlanStepInput,
  ProposalActInput,
  ProposalAssignInput,
  ReportDocInput,
  ReportPdfInput,
  ReportYearInput,
  type Benchmark,
  type ConsortiumReport,
  type ConsortiumSavings,
  type GovProposalRow,
  type GovSettings,
  type HubDemoSummary,
  type MyShare,
  type PlanAllocation,
  type PlanApproveResult,
  type PlanView,
  type ProposalTrackView,
  type RankingRow,
  type StatementView,
} from '../domain/gov-plan';

const NoInput = z.object({}).strict();
const ById = z.object({ id: RecordId }).strict();
const Year = z.number().int().min(2000).max(2999);

/**
 * Every backend method, declared once: name (`domain.verb`), input schema, output type.
 * The core implements exactly these (electron/core/api/handlers.ts), every transport carries them.
 */
export const api = {
  'app.status': method(NoInput)<AppStatus>(),
  /** Full integrity check of the store and the keys (`cst check`). */
  'app.check': method(NoInput)<IntegrityReport>(),

  'reference.searchMunicipalities': method(
    z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  )<Municipality[]>(),
  /** Municipalities by ISTAT code (names of saved codes); unknown codes are left out. */
  'reference.municipalities': method(z.object({ istat: z.array(IstatCode).max(8000) }).strict())<Municipality[]>(),
  'reference.provinces': method(NoInput)<Province[]>(),

  'setup.municipality': method(
    z.object({ istat: IstatCode, operator: personText(100) }).strict(),
  )<Installation>(),
  'setup.hub': method(
    z
      .object({
        id: HubId,
        name: personText(120),
        operator: personText(100).optional(),
        province: z.string().trim().regex(/^[A-Z]{2}$/, { message: 'Sigla di provincia non valida (per esempio PU).' }).optional(),
      })
      .strict(),
  )<Installation>(),

  'identity.show': method(NoInput)<IdentityInfo>(),
  /** The identity file (.cstid) as bytes; the caller saves it where the person chooses. */
  'identity.export': method(NoInput)<{ fileName: string; contentBase64: string }>(),

  'settings.setLocale': method(z.object({ locale: Locale }).strict())<{ locale: z.infer<typeof Locale> }>(),

  'members.list': method(NoInput)<Member[]>(),

  /** Recomputes this installation's whole hash chain (`cst log verify`). */
  'log.verify': method(NoInput)<ChainVerification>(),

  /** Municipality records (issue 3). Every write appends one outbox event in its transaction. */
  'catalogue.list': method(NoInput)<Service[]>(),

  'usage.record': method(UsageInput)<UsageEntry>(),
  'usage.update': method(UsageUpdateInput)<UsageEntry>(),
  'usage.delete': method(ById)<{ id: string }>(),
  'usage.get': method(ById)<UsageEntry>(),
  'usage.list': method(UsageListInput)<UsageList>(),
  /** Service × month table of one year, from the incremental monthly totals. */
  'usage.monthly': method(z.object({ year: Year, service: ServiceCode.optional() }).strict())<UsageMonthly>(),
  /** The last `months` months (default 12, ending with the current one) per service. */
  'usage.trend': method(z.object({ months: z.number().int().min(1).max(36).default(12) }).strict())<UsageTrend>(),

  'staff.create': method(StaffCreateInput)<StaffMember>(),
  'staff.update': method(StaffUpdateInput)<StaffMember>(),
  'staff.delete': method(ById)<{ id: string }>(),
  'staff.list': method(StaffListInput)<StaffMember[]>(),

  'courses.create': method(CourseInput)<Course>(),
  'courses.update': method(CourseUpdateInput)<Course>(),
  'courses.delete': method(ById)<{ id: string }>(),
  'courses.list': method(z.object({ year: Year.optional() }).strict())<Course[]>(),
  'participations.create': method(ParticipationInput)<Participation>(),
  'participations.update': method(ParticipationUpdateInput)<Participation>(),
  'participations.delete': method(ById)<{ id: string }>(),
  'participations.list': method(ParticipationListInput)<Participation[]>(),
  /** Totals per person, per course and for the year. */
  'training.totals': method(z.object({ year: Year }).strict())<TrainingTotals>(),

  'groups.list': method(NoInput)<Group[]>(),
  'groups.create': method(GroupInput)<Group>(),
  'groups.update': method(GroupUpdateInput)<Group>(),
  'groups.delete': method(ById)<{ id: string }>(),
  'groups.addMember': method(MembershipInput)<Group>(),
  'groups.updateMember': method(MembershipUpdateInput)<Group>(),
  'groups.removeMember': method(ById)<Group>(),
  'meetings.list': method(MeetingListInput)<Meeting[]>(),
  'meetings.create': method(MeetingInput)<Meeting>(),
  'meetings.update': method(MeetingUpdateInput)<Meeting>(),
  'meetings.delete': method(ById)<{ id: string }>(),

  'proposals.create': method(ProposalInput)<Proposal>(),
  /** A draft is edited in place; a submitted proposal gets a new version. */
  'proposals.update': method(ProposalUpdateInput)<Proposal>(),
  'proposals.submit': method(ById)<Proposal>(),
  'proposals.withdraw': method(ById)<Proposal>(),
  /** Only a draft that was never submitted can be deleted. */
  'proposals.delete': method(ById)<{ id: string }>(),
  'proposals.list': method(ProposalListInput)<Proposal[]>(),
  'proposals.get': method(ById)<ProposalDetail>(),
  /** Stores the file by SHA-256 under the data folder and lists it on the proposal. */
  'attachments.add': method(AttachmentAddInput)<Proposal>(),
  'attachments.remove': method(AttachmentRemoveInput)<Proposal>(),
  'attachments.get': method(AttachmentGetInput)<AttachmentContent>(),

  /** Every version of a record, from the outbox: who, when, what changed. */
  'history.get': method(HistoryInput)<RecordHistory>(),
  'home.summary': method(NoInput)<HomeSummary>(),
  'settings.get': method(NoInput)<AppSettings>(),
  /** Turning name sharing on or off re-sends every staff record with or without the name. */
  'settings.update': method(SettingsUpdateInput)<AppSettings>(),

  /** CSV from Excel on Italian Windows: preview never writes; import applies all or the rows not excluded. */
  'csv.preview': method(CsvPreviewInput)<CsvPreview>(),
  'csv.import': method(CsvImportInput)<CsvImportResult>(),
  'csv.export': method(CsvExportInput)<CsvFile>(),
  /** Fills an empty municipality with a realistic, seeded period of records (`cst demo`). */
  'demo.fill': method(DemoInput)<DemoSummary>(),

  /** The other side's identity file (.cstid): stored as pending, with its fingerprint to read over the phone. */
  'identity.import': method(IdentityImportInput)<Peer>(),
  /** Pins the keys once the typed fingerprint matches; applies the bundles kept from that sender. */
  'identity.confirm': method(IdentityConfirmInput)<{ peer: Peer; applied: BundleImportResult[] }>(),
  'peers.list': method(NoInput)<Peer[]>(),

  /** Bundles (BUNDLE-FORMAT.md): export from our outbox, import (one result per file), inspect without applying. */
  'bundle.export': method(BundleExportInput)<BundleExportResult[]>(),
  'bundle.import': method(BundleImportInput)<BundleImportResult[]>(),
  'bundle.inspect': method(BundleInspectInput)<BundleInspection>(),
  'bundle.pending': method(NoInput)<PendingBundle[]>(),
  'bundle.forks': method(NoInput)<BundleFork[]>(),
  'bundle.history': method(NoInput)<BundleHistory>(),

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

  /** Where this installation stands with its hub: "synchronized up to …" and what is still waiting. */
  'sync.status': method(NoInput)<SyncStatus>(),

  /** The hub's read-only views of its members' records (from incremental aggregates). */
  'hub.members.overview': method(MembersOverviewInput)<MembersOverview>(),
  'hub.members.setStaleDays': method(z.object({ days: z.number().int().min(1).max(3650) }).strict())<{ days: number }>(),
  'hub.usage.byMember': method(HubUsageInput)<HubUsageTable>(),
  'hub.training.byMember': method(HubTrainingInput)<HubTrainingRow[]>(),
  'hub.proposals.list': method(HubProposalListInput)<HubProposal[]>(),
  'hub.proposals.get': method(HubProposalGetInput)<HubProposalDetail>(),
  'hub.attachments.get': method(HubAttachmentInput)<AttachmentContent & { name: string }>(),
  /** Governance (issue 5), hub: evaluation settings and voting rules, the Assembly's report choice. */
  'gov.settings.get': method(NoInput)<GovSettings>(),
  'gov.settings.update': method(GovSettingsUpdateInput)<GovSettings>(),
  /** Received proposals with their evaluation track. */
  'gov.proposals.list': method(z.object({ status: z.string().max(40).optional() }).strict())<GovProposalRow[]>(),
  /** Assigns a received proposal to a thematic group (a hub event). */
  'gov.proposals.assign': method(ProposalAssignInput)<ProposalTrackView>(),
  /** One step of the proposal's state machine (evaluate, admit, not admit, return, start, progress, complete…): a hub event. */
  'gov.proposals.act': method(ProposalActInput)<ProposalTrackView>(),
  'gov.proposals.ranking': method(NoInput)<RankingRow[]>(),
  /** Both roles: the state and timeline of a proposal as the hub decided it (null before any decision). */
  'proposals.timeline': method(ById)<{ track: ProposalTrackView | null }>(),
  /** The yearly technical plan: versions, items, approvals (each change a hub event). */
  'plan.list': method(NoInput)<{ year: number; version: number; state: string; totalCents: number }[]>(),
  'plan.create': method(PlanCreateInput)<PlanView>(),
  'plan.get': method(PlanRefInput)<PlanView>(),
  'plan.saveItems': method(PlanItemsInput)<PlanView>(),
  /** Items from a spreadsheet (Italian Excel CSV) replacing those of the draft. */
  'plan.import': method(PlanImportInput)<PlanView>(),
  'plan.step': method(PlanStepInput)<PlanView>(),
  /** A vote of the Executive Committee or the Assembly; the outcome is computed. */
  'plan.approve': method(PlanApproveInput)<PlanApproveResult>(),
  'plan.newVersion': method(PlanNewVersionInput)<PlanView>(),
  /** Exact allocation (`cst plan allocate --json`): frozen once approved by the Assembly. */
  'plan.allocate': method(PlanRefInput)<PlanAllocation>(),
  'plan.savings': method(PlanRefInput)<ConsortiumSavings>(),
  'plan.statement': method(PlanStatementInput)<StatementView>(),
  /** Municipality: the approved plan, its share item by item, its savings, its proposals' timeline. */
  'plan.myShare': method(MyShareInput)<MyShare>(),
  /** The consortium report (condivisione), published to every member. */
  'report.publish': method(ReportYearInput)<ConsortiumReport>(),
  'report.get': method(ReportYearInput)<{ report: ConsortiumReport | null }>(),
  /** Municipality: where it stands among members of its size class. */
  'report.benchmark': method(ReportYearInput)<Benchmark>(),
  /** The plan document or a member's statement as self-contained HTML with a print stylesheet. */
  'report.html': method(ReportDocInput)<{ title: string; html: string }>(),
  /** The same, printed to PDF by a local Chromium/Chrome/Edge in headless mode. */
  'report.pdf': method(ReportPdfInput)<{ path: string; bytes: number }>(),
  /** CSV of a governance table (Italian Excel conventions). */
  'gov.csv': method(GovCsvInput)<CsvFile>(),
  /** Hub: a consortium to try (`cst demo` on a hub): members' usage and training, proposals in every state, an approved plan. */
  'demo.hub': method(HubDemoInput)<HubDemoSummary>(),
} as const;

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes (defaults may be omitted). */
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = NonNullable<Api[M]['output']>;
