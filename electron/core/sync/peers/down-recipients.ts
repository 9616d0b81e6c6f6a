/**
 * The regional hub's side of "regional records flow down" (docs/federation.md): each bundle of
 * its own stream for a provincial hub is encrypted to that hub and to every member the hub's
 * latest signed roster vouches for, so the hub can forward the very file to its members. A member
 * newly vouched for holds nothing of our stream: the next bundle starts where the least covered
 * member stands (the province skips what it already applied, format step 11).
 */
import type Database from 'better-sqlite3';

export interface MemberBelow {
  istat: string;
  ageRecipient: string;
  /** Our last event already sent encrypted to this member (0: nothing yet). */
  coveredSeq: number;
}

/** The members a confirmed province vouches for (empty for any other recipient). */
export function membersBelow(db: Database.Database, provinceId: string): MemberBelow[] {
  return db
    .prepare(
      `SELECT f.istat, p.age_recipient AS ageRecipient, f.covered_seq AS coveredSeq
       FROM federation_members f
       JOIN federation_hubs h ON h.relation = 'province' AND h.id = f.province_id AND h.status = 'confirmed'
       JOIN peers p ON p.kind = 'municipality' AND p.id = f.istat AND p.status = 'confirmed'
       WHERE f.province_id = ? AND f.vouched = 1 ORDER BY f.istat`,
    )
    .all(provinceId) as MemberBelow[];
}

/** After a bundle up to `lastSeq` was written for their province: they hold it. */
export function coverMembers(db: Database.Database, members: MemberBelow[], lastSeq: number): void {
  const st = db.prepare('UPDATE federation_members SET covered_seq = ? WHERE istat = ? AND covered_seq < ?');
  db.transaction(() => {
    for (const m of members) st.run(lastSeq, m.istat, lastSeq);
  })();
}
