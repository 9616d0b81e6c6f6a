/**
 * Municipality: the hub's records, applied while a hub bundle is applied (in its transaction).
 * Each writes the `hub_*` table and mirrors the record where the municipality's screens read:
 * the catalogue (`services`, replacing the provisional one by code), the courses (flagged as
 * the consortium's), the thematic groups (source 'hub', beside the local ones), the registry
 * (`members`, for the proposals' beneficiaries). A record deleted by the hub stays here while
 * the municipality's own records refer to it (usage, participations, memberships, meetings).
 */
import type Database from 'better-sqlite3';
import type { HubServiceData } from '../../../../shared/records/hub-catalogue';
import type { ThematicGroupData } from '../../../../shared/records/hub-groups';
import type { MemberData } from '../../../../shared/records/hub-members';
import type { OfferedCourseData } from '../../../../shared/records/hub-training';
import type { Projector, RecordChange } from '../../platform/records/projector';
import { peerNoOf, receivedEventAt } from '../../sync/inbox/event-at';
import { dropProvisionalServices, removeCourse, removeGroup, removeMember, removeService, writeCourse, writeGroup, writeMember, writeService } from '../../hub/records/hub-store';

function atOf(db: Database.Database, change: RecordChange): string {
  const peerNo = peerNoOf(db, 'hub', change.owner);
  return (peerNo !== undefined && receivedEventAt(db, peerNo, change.seq)) || new Date(0).toISOString();
}

export const hubServiceProjector: Projector = {
  kind: 'service',
  open(db) {
    let touched = false;
    return {
      project(change) {
        touched = true;
        if (change.data) writeService(db, change.id, change.data as unknown as HubServiceData, atOf(db, change));
        else removeService(db, change.id);
      },
      close() {
        if (touched) dropProvisionalServices(db);
      },
    };
  },
};

export const offeredCourseProjector: Projector = {
  kind: 'offered_course',
  open(db) {
    return {
      project(change) {
        if (change.data) writeCourse(db, change.id, change.data as unknown as OfferedCourseData, atOf(db, change), true);
        else removeCourse(db, change.id, true);
      },
      close() {},
    };
  },
};

export const thematicGroupProjector: Projector = {
  kind: 'thematic_group',
  open(db) {
    return {
      project(change) {
        if (change.data) writeGroup(db, change.id, change.data as unknown as ThematicGroupData, atOf(db, change), true);
        else removeGroup(db, change.id, true);
      },
      close() {},
    };
  },
};

export const memberProjector: Projector = {
  kind: 'member',
  open(db) {
    return {
      project(change) {
        if (change.data) writeMember(db, change.id, change.data as unknown as MemberData, atOf(db, change));
        else removeMember(db, change.id);
      },
      close() {},
    };
  },
};
