import type { HandlerGroup } from '../platform/api/handler-table';
import { printTcMeetingPdf, tcAttendanceCsv } from './tc-meeting-documents';
import { attachToTcMeeting, detachFromTcMeeting, getTcMeeting, listTcMeetings, readTcMeetingFile, removeTcMeeting, saveTcMeeting, tcMeetingForm } from './tc-meetings';

/** Issue 15: meetings of the Technical Committee, their attendance register and their record (verbale). */
export const tcMeetingHandlers = {
  'tc.meetings.list': listTcMeetings,
  'tc.meetings.get': getTcMeeting,
  'tc.meetings.form': tcMeetingForm,
  'tc.meetings.save': saveTcMeeting,
  'tc.meetings.delete': removeTcMeeting,
  'tc.meetings.attach': attachToTcMeeting,
  'tc.meetings.detach': detachFromTcMeeting,
  'tc.meetings.file': readTcMeetingFile,
  'tc.meetings.csv': tcAttendanceCsv,
  'tc.meetings.pdf': printTcMeetingPdf,
} satisfies HandlerGroup;
