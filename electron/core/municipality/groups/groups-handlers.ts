import type { HandlerGroup } from '../../platform/api/handler-table';
import { listGroups, listMeetings } from './groups-store';
import { addMember, createGroup, createMeeting, deleteGroup, deleteMeeting, removeMember, updateGroup, updateMeeting, updateMember } from './groups-service';

export const groupsHandlers = {
  'groups.list': (ctx) => listGroups(ctx.db),
  'groups.create': createGroup,
  'groups.update': updateGroup,
  'groups.delete': deleteGroup,
  'groups.addMember': addMember,
  'groups.updateMember': updateMember,
  'groups.removeMember': removeMember,
  'meetings.list': (ctx, input) => listMeetings(ctx.db, input),
  'meetings.create': createMeeting,
  'meetings.update': updateMeeting,
  'meetings.delete': deleteMeeting,
} satisfies HandlerGroup;
