import type { HandlerGroup } from '../../platform/api/handler-table';
import type { FeatureModule } from '../../platform/api/feature-module';
import { groupMeetingKind, groupMembershipKind, localGroupKind } from '../../../../shared/records/groups';
import { restoreLocalGroupFromEvent, restoreMeetingFromEvent, restoreMembershipFromEvent } from './groups-restore';
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

/** Local working groups, their members and meetings (gruppi). */
export const groupsModule = {
  name: 'municipality/groups',
  handlers: groupsHandlers,
  kinds: [localGroupKind, groupMembershipKind, groupMeetingKind],
  restorers: {
    local_group: (db, _dir, ev) => restoreLocalGroupFromEvent(db, ev),
    group_membership: (db, _dir, ev) => restoreMembershipFromEvent(db, ev),
    group_meeting: (db, _dir, ev) => restoreMeetingFromEvent(db, ev),
  },
} satisfies FeatureModule;
