/**
 * Municipality: the hub's `tc_meeting` records, applied while a hub bundle is applied (in its
 * transaction). The minutes arrive beside them as `files/<sha256>` of the same bundle, stored
 * before the events are applied (sync/inbox), so tc.meetings.file reads them like the hub does.
 */
import type Database from 'better-sqlite3';
import type { TcMeetingData } from '../../../shared/records/tc-meetings';
import type { Projector, RecordChange } from '../platform/records/projector';
import { stmt } from '../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../sync/inbox/event-at';
import { deleteTcMeeting, writeTcMeeting } from './tc-meeting-store';

function atOf(db: Database.Database, change: RecordChange): string {
  const peerNo = peerNoOf(db, 'hub', change.owner);
  return (peerNo !== undefined && receivedEventAt(db, peerNo, change.seq)) || new Date(0).toISOString();
}

const tcMeetingProjector: Projector = {
  kind: 'tc_meeting',
  // Emptied when the HUB's stream is rewound (a fork accepted by a member): the replay writes them again.
  reset(db, owner) {
    if (peerNoOf(db, 'hub', owner) === undefined) return;
    stmt(db, 'DELETE FROM gov_tc_meetings').run();
  },
  open(db) {
    return {
      project(change) {
        if (change.data) writeTcMeeting(db, change.id, change.data as unknown as TcMeetingData, atOf(db, change));
        else deleteTcMeeting(db, change.id);
      },
      close() {},
    };
  },
};

export const TC_MEETING_PROJECTORS: readonly Projector[] = [tcMeetingProjector];
