import { z } from 'zod';
import { method } from '../define';
import { CsvExportFileInput, CsvExportInput, CsvImportInput, CsvPreviewInput, type CsvFile, type CsvFileWritten, type CsvImportResult, type CsvPreview } from '../../domain/csv';
import { GroupInput, GroupUpdateInput, MeetingInput, MeetingListInput, MeetingUpdateInput, MembershipInput, MembershipUpdateInput, type Group, type Meeting } from '../../domain/groups';
import { DemoInput, type DemoSummary } from '../../domain/demo';
import { DeletedListInput, HistoryInput, type DeletedRecords, type RecordHistory, type RestoredRecord } from '../../domain/history';
import { NoticesSeenInput, SettingsUpdateInput, type AppSettings, type HomeSummary, type Notices } from '../../domain/home';
import { AttachmentAddInput, AttachmentGetInput, AttachmentRemoveInput, ProposalInput, ProposalListInput, ProposalUpdateInput, type AttachmentContent, type Proposal, type ProposalDetail } from '../../domain/proposals';
import { StaffCreateInput, StaffListInput, StaffUpdateInput, type StaffMember } from '../../domain/staff';
import { CourseInput, CourseUpdateInput, ParticipationInput, ParticipationListInput, ParticipationUpdateInput, type Course, type Participation, type TrainingTotals } from '../../domain/training';
import { UsageInput, UsageListInput, UsageUpdateInput, type Service, type UsageEntry, type UsageList, type UsageMonthly, type UsageTrend } from '../../domain/usage';
import { ServiceCode } from '../../records/catalogue';
import { NoInput, ById, Year } from './inputs';

/** Municipality records: usage, staff, training, groups, proposals, history, CSV, demo. */
export const recordMethods = {
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
  /** The records deleted on this workstation and not restored since, newest first. */
  'history.deleted': method(DeletedListInput)<DeletedRecords>(),
  /** Puts a deleted record back as a new version (a new event, sent like any edit). */
  'history.restore': method(HistoryInput)<RestoredRecord>(),
  'home.summary': method(NoInput)<HomeSummary>(),
  /** "Novità": files imported and proposals received since they were last seen (both roles). */
  'notices.get': method(NoInput)<Notices>(),
  'notices.seen': method(NoticesSeenInput)<Notices>(),
  'settings.get': method(NoInput)<AppSettings>(),
  /** Turning name sharing on or off re-sends every staff record with or without the name. */
  'settings.update': method(SettingsUpdateInput)<AppSettings>(),

  /** CSV from Excel on Italian Windows: preview never writes; import applies all or the rows not excluded. */
  'csv.preview': method(CsvPreviewInput)<CsvPreview>(),
  'csv.import': method(CsvImportInput)<CsvImportResult>(),
  /** The list as bytes for a download, up to 200,000 rows (longer: csv.exportFile). */
  'csv.export': method(CsvExportInput)<CsvFile>(),
  /** The list streamed to a file on this computer (any length, constant memory; `cst export --out`). */
  'csv.exportFile': method(CsvExportFileInput)<CsvFileWritten>(),
  /** Fills an empty municipality with a realistic, seeded period of records (`cst demo`). */
  'demo.fill': method(DemoInput)<DemoSummary>(),
} as const;
