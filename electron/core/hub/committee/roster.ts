/**
 * The Technical Committee's roster on a day (issue 15), on either role: on the hub from every
 * version of every member's designation (`designation_versions`), on a member from the seats the
 * hub published (`committee_seats`, the last version of each). Every member of the registry is
 * listed, those with nobody designated too.
 */
import type Database from 'better-sqlite3';
import type { CoordinatorChoice, DesignationPerson, RosterSeat } from '../../../../shared/domain/committee';
import type { DesignatedPerson, DesignationData } from '../../../../shared/records/committee';
import { stmt } from '../../platform/store/statements';

/** One version of a member's designation, newest first when listed; null data: deleted. */
export interface DesignationVersion {
  data: Omit<DesignationData, 'updated_by'> | null;
  /** When the member made it. */
  at: string;
}

export const personOf = (p: DesignatedPerson | null): DesignationPerson | null => (p ? { name: p.display_name ?? null, code: p.code } : null);
/** What the committee sees of a person: the name the member shared, else its code. */
export const shownPerson = (p: DesignatedPerson): string => p.display_name ?? p.code;

/**
 * The version that rules on `date`: the newest one already begun by then. A later version with
 * the same or an earlier start corrects or replaces the older one; a version starting after
 * `date` leaves the older one in force until it begins. A deletion ends everything before it.
 */
export function seatOn(istat: string, memberName: string, newestFirst: readonly DesignationVersion[], date: string): RosterSeat {
  const none: RosterSeat = { istat, memberName, status: 'none', technician: null, substitute: null, role: '', officeEmail: '', officePhone: '', from: null, until: null, changedAt: null };
  for (const v of newestFirst) {
    if (!v.data) return none;
    if (v.data.from > date) continue;
    const d = v.data;
    return {
      istat,
      memberName,
      status: d.until !== null && d.until < date ? 'ended' : 'designated',
      technician: personOf(d.technician),
      substitute: personOf(d.substitute),
      role: d.role,
      officeEmail: d.office_email,
      officePhone: d.office_phone,
      from: d.from,
      until: d.until,
      changedAt: v.at,
    };
  }
  return none;
}

interface MemberRow {
  istat: string;
  name: string;
}

/** The registry's members still in the consortium, by name. */
function currentMembers(db: Database.Database): MemberRow[] {
  return stmt(db, "SELECT istat, name FROM members WHERE membership = 'active' ORDER BY name COLLATE NOCASE, istat").all() as MemberRow[];
}

function isHub(db: Database.Database): boolean {
  return stmt(db, 'SELECT role FROM installation WHERE singleton = 1').pluck().get() === 'hub';
}

/** Every version the hub received from one member, newest first. */
export function versionsOf(db: Database.Database, owner: string): DesignationVersion[] {
  return (stmt(db, 'SELECT data, at FROM designation_versions WHERE owner = ? ORDER BY seq DESC').all(owner) as { data: string | null; at: string }[]).map((r) => ({
    data: r.data ? (JSON.parse(r.data) as DesignationData) : null,
    at: r.at,
  }));
}

/** The seat the hub published for a member (on a member: the one it received), as a single version. */
function publishedOf(db: Database.Database, istat: string): DesignationVersion[] {
  const raw = stmt(db, 'SELECT data FROM committee_seats WHERE member = ?').pluck().get(istat) as string | undefined;
  if (!raw) return [];
  const d = JSON.parse(raw) as DesignationData & { changed_at: string };
  return [{ data: d, at: d.changed_at }];
}

/** Every member's seat on `date`. */
export function rosterSeats(db: Database.Database, date: string): RosterSeat[] {
  const hub = isHub(db);
  return currentMembers(db).map((m) => seatOn(m.istat, m.name, hub ? versionsOf(db, m.istat) : publishedOf(db, m.istat), date));
}

/** The technicians and substitutes designated on `date`, who may coordinate a thematic group. */
export function coordinatorChoices(db: Database.Database, date: string): CoordinatorChoice[] {
  const out: CoordinatorChoice[] = [];
  for (const s of rosterSeats(db, date)) {
    if (s.status !== 'designated' || !s.technician) continue;
    out.push({ istat: s.istat, memberName: s.memberName, person: s.technician.name ?? s.technician.code, role: 'technician' });
    if (s.substitute) out.push({ istat: s.istat, memberName: s.memberName, person: s.substitute.name ?? s.substitute.code, role: 'substitute' });
  }
  return out;
}
