import { z } from 'zod';
import { IsoDate, lineText } from '../records/common';
import { OfficeEmail, OfficePhone } from '../records/committee';
import { StaffCode } from '../records/staff';

/**
 * The Technical Committee's designations and roster (issue 15), as the API carries them.
 * A person is named by name (kept by the member; sent only while it shares names) and by a
 * pseudonymous code (always sent).
 */

/** An empty code takes the default (TEC-1 for the technician, SOS-1 for the substitute). */
const OptionalCode = z.union([z.literal(''), StaffCode]).default('');

export const DesignationSaveInput = z
  .object({
    technicianName: lineText(100),
    technicianCode: OptionalCode,
    /** Empty: no substitute. */
    substituteName: lineText(100, 0).default(''),
    substituteCode: OptionalCode,
    role: lineText(100, 0).default(''),
    officeEmail: OfficeEmail.default(''),
    officePhone: OfficePhone.default(''),
    from: IsoDate,
    until: IsoDate.nullable().default(null),
  })
  .strict();

/** "Termina la designazione": the last day the technician represents the member. */
export const DesignationEndInput = z.object({ until: IsoDate }).strict();

/** The roster on a day (today when absent). */
export const RosterInput = z.object({ date: IsoDate.optional() }).strict();
export const RosterCsvInput = z.object({ date: IsoDate.optional(), lang: z.enum(['it', 'en']).default('it') }).strict();

export interface DesignationPerson {
  /** The name as the member typed it (on the member's own installation), or as it was shared. */
  name: string | null;
  code: string;
}

/** A municipality's own designation. */
export interface Designation {
  id: string;
  technician: DesignationPerson;
  substitute: DesignationPerson | null;
  role: string;
  officeEmail: string;
  officePhone: string;
  from: string;
  until: string | null;
  /** Whether names leave with it (the setting "share names with the consortium"). */
  namesShared: boolean;
  /** The committee's copy the hub sent back says what this designation says now. */
  seenByHub: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** One member in the roster: its seat, or nobody designated on that day. */
export interface RosterSeat {
  istat: string;
  memberName: string;
  /** `designated`: someone represents the member that day; `ended`: its designation ended before; `none`: never designated (or not yet). */
  status: 'designated' | 'ended' | 'none';
  technician: DesignationPerson | null;
  substitute: DesignationPerson | null;
  role: string;
  officeEmail: string;
  officePhone: string;
  from: string | null;
  until: string | null;
  /** When the member made the version shown (its event's time). */
  changedAt: string | null;
}

export interface Roster {
  date: string;
  /** The Technical Director, who coordinates the committee (hub settings); null where unknown (a member). */
  coordinator: string | null;
  seats: RosterSeat[];
  /** Members with someone designated that day. */
  designated: number;
}

/** A designated technician that can coordinate a thematic group (hub: the roster of today). */
export interface CoordinatorChoice {
  istat: string;
  memberName: string;
  /** As the member shared it: the name, else the code. */
  person: string;
  role: 'technician' | 'substitute';
}
