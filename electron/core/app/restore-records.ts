/**
 * Our own record kinds and how each is rebuilt from a recovered event: one function per kind,
 * next to its feature's store. A kind a municipality writes but missing here is refused by the
 * recovery (a test checks the table covers MUNICIPALITY_RECORD_KINDS).
 */
import type Database from 'better-sqlite3';
import { restoreLocalGroupFromEvent, restoreMeetingFromEvent, restoreMembershipFromEvent } from '../municipality/groups/groups-restore';
import { restoreProposalFromEvent } from '../municipality/proposals/proposals-restore';
import { restoreStaffFromEvent } from '../municipality/staff/staff-restore';
import { restoreCourseFromEvent, restoreParticipationFromEvent } from '../municipality/training/training-restore';
import { restoreUsageFromEvent } from '../municipality/usage/usage-restore';
import type { RecoveredEvent } from '../platform/records/recovered-event';

/** Returns the attachment files a restored record names but the data folder lacks. */
export type RestoreFn = (db: Database.Database, dataDir: string, ev: RecoveredEvent<never>) => string[] | void;

export const RESTORERS: Readonly<Record<string, RestoreFn>> = {
  usage: (db, _dir, ev) => restoreUsageFromEvent(db, ev),
  staff: (db, _dir, ev) => restoreStaffFromEvent(db, ev),
  course: (db, _dir, ev) => restoreCourseFromEvent(db, ev),
  participation: (db, _dir, ev) => restoreParticipationFromEvent(db, ev),
  local_group: (db, _dir, ev) => restoreLocalGroupFromEvent(db, ev),
  group_membership: (db, _dir, ev) => restoreMembershipFromEvent(db, ev),
  group_meeting: (db, _dir, ev) => restoreMeetingFromEvent(db, ev),
  proposal: (db, dir, ev) => restoreProposalFromEvent(db, dir, ev),
};
