/**
 * Hub: the members' designations (issue 15), kept while a member's bundle is applied.
 *
 * Every version is kept (`designation_versions`, by the member's seq): a member's stream is
 * applied in seq order whatever order its bundles arrive in (a bundle that comes before an
 * earlier one waits for it), so the last seq is always the member's latest version, and the
 * roster of any day reads the version in force then.
 *
 * At the end of the bundle the hub publishes each changed member's seat (`committee_seat`, its
 * latest version as the member sent it) in its own stream, in the same transaction, only when
 * it differs from what it published (a replayed bundle publishes nothing twice).
 */
import type Database from 'better-sqlite3';
import { committeeSeatKind, type CommitteeSeatData, type DesignationData } from '../../../../shared/records/committee';
import type { Projector } from '../../platform/records/projector';
import { stmt } from '../../platform/store/statements';
import { peerNoOf, receivedEventAt } from '../../sync/inbox/event-at';
import { deleteRecord, operatorName, putRecord } from '../../sync/records/record-events';
import { hubIdOf, sameContent, writeContext } from '../proposals/proposal-sharing';
import { seatRecordId } from './committee-ids';
import { versionsOf } from './roster';

/** Writes (or removes) one seat: the hub when it publishes, a member when it receives. */
export function writeSeat(db: Database.Database, recordId: string, d: CommitteeSeatData | null, at: string): void {
  if (!d) {
    stmt(db, 'DELETE FROM committee_seats WHERE record_id = ?').run(recordId);
    return;
  }
  stmt(
    db,
    `INSERT INTO committee_seats (record_id, member, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (record_id) DO UPDATE SET member = excluded.member, data = excluded.data, updated_at = excluded.updated_at`,
  ).run(recordId, d.member, JSON.stringify(d), at);
}

/** Publishes a member's seat as its latest version says, if that differs from the published one. */
function publishSeat(db: Database.Database, hubId: string, owner: string): void {
  const ctx = writeContext(db);
  const recordId = seatRecordId(hubId, owner);
  const [latest] = versionsOf(db, owner);
  const next: Omit<CommitteeSeatData, 'updated_by'> | null = latest?.data ? { member: owner, ...stripUpdatedBy(latest.data), changed_at: latest.at } : null;
  const was = stmt(db, 'SELECT data FROM committee_seats WHERE record_id = ?').pluck().get(recordId) as string | undefined;
  if (sameContent(was, next)) return;
  if (next) {
    const data = putRecord(ctx, committeeSeatKind, recordId, { ...next, updated_by: operatorName(ctx) });
    writeSeat(db, recordId, data, ctx.clock.now());
  } else {
    deleteRecord(ctx, committeeSeatKind, recordId);
    writeSeat(db, recordId, null, ctx.clock.now());
  }
}

function stripUpdatedBy(d: Omit<DesignationData, 'updated_by'> & { updated_by?: string }): Omit<DesignationData, 'updated_by'> {
  const { updated_by: _dropped, ...rest } = d;
  void _dropped;
  return rest;
}

export const designationProjector: Projector = {
  kind: 'technician_designation',
  open(db) {
    const hubId = hubIdOf(db);
    const owners = new Set<string>();
    const insert = stmt(db, 'INSERT OR REPLACE INTO designation_versions (owner, seq, record_id, data, at) VALUES (?, ?, ?, ?, ?)');
    return {
      project(c) {
        if (!hubId) return;
        const peerNo = peerNoOf(db, 'municipality', c.owner);
        const at = (peerNo !== undefined && receivedEventAt(db, peerNo, c.seq)) || new Date(0).toISOString();
        insert.run(c.owner, c.seq, c.id, c.data ? JSON.stringify(c.data) : null, at);
        owners.add(c.owner);
      },
      close() {
        if (hubId) for (const owner of owners) publishSeat(db, hubId, owner);
        owners.clear();
      },
    };
  },
  /** A member's fork accepted: its versions are replayed; the seat follows what remains. */
  reset(db, owner) {
    const hubId = hubIdOf(db);
    if (!hubId) return;
    stmt(db, 'DELETE FROM designation_versions WHERE owner = ?').run(owner);
    publishSeat(db, hubId, owner);
  },
};
