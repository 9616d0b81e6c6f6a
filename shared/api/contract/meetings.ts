import { method } from '../define';
import type { CsvFile } from '../../domain/csv';
import type { AttachmentContent } from '../../domain/proposals';
import type { ReportPdf } from '../../domain/report-document';
import { TcMeetingFileInput, TcMeetingFormInput, TcMeetingFileRef, TcMeetingPdfInput, TcMeetingSaveInput, TcMeetingsCsvInput, TcMeetingsListInput, type TcMeetingFormData, type TcMeetingRow, type TcMeetingView } from '../../domain/tc-meetings';
import { ById } from './inputs';

/** Meetings of the Technical Committee (issue 15): the hub records them, every member reads them. */
export const meetingMethods = {
  /** Both roles: the meetings, newest first (a municipality: with its attendance and its proposals examined). */
  'tc.meetings.list': method(TcMeetingsListInput)<TcMeetingRow[]>(),
  'tc.meetings.get': method(ById)<TcMeetingView>(),
  /** Hub: the members, the proposals received and the committee's rules, for the meeting form. */
  'tc.meetings.form': method(TcMeetingFormInput)<TcMeetingFormData>(),
  /** Hub: creates or changes a meeting (a hub event); attendance is checked against the rules and the quorum computed. */
  'tc.meetings.save': method(TcMeetingSaveInput)<TcMeetingView>(),
  'tc.meetings.delete': method(ById)<{ id: string }>(),
  /** Hub: attaches the minutes (verbale) or another file to a meeting. */
  'tc.meetings.attach': method(TcMeetingFileInput)<TcMeetingView>(),
  'tc.meetings.detach': method(TcMeetingFileRef)<TcMeetingView>(),
  /** Both roles: a file of a meeting (the hub's bundles carry it). */
  'tc.meetings.file': method(TcMeetingFileRef)<AttachmentContent & { name: string }>(),
  /** Attendance per meeting and member, Italian Excel CSV. */
  'tc.meetings.csv': method(TcMeetingsCsvInput)<CsvFile>(),
  /** The meeting's record (verbale) as a PDF, Italian or English. */
  'tc.meetings.pdf': method(TcMeetingPdfInput)<ReportPdf>(),
} as const;
