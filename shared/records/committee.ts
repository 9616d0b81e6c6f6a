import { z } from 'zod';
import { recordKind } from './registry';
import { IsoDate, lineText, UpdatedBy } from './common';
import { StaffCode } from './staff';

/**
 * The Technical Committee (*Comitato tecnico*, issue 15): the technicians the members designate.
 *
 * A member designates its technician and a substitute with a record of its own
 * (`technician_designation`, single writer: the municipality); one record per member, so
 * changing or ending the designation is a new version of the same record, with its history in
 * the member's stream. The hub keeps every version received and publishes the committee back to
 * every member in its own stream (`committee_seat`, one per member), carrying only what the
 * member sent.
 */

const Istat = z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' });

/**
 * A designated person as a staff record carries it: the pseudonymous code always, the name only
 * while the member's setting "share names with the consortium" is on (absent otherwise).
 */
export const DesignatedPerson = z
  .object({
    code: StaffCode,
    display_name: lineText(100).optional(),
  })
  .strict();
export type DesignatedPerson = z.infer<typeof DesignatedPerson>;

const EMAIL_MAX = 200;
const PHONE_MAX = 40;

/** The office's e-mail (may be empty): one address, no display name. */
export const OfficeEmail = z
  .string()
  .trim()
  .max(EMAIL_MAX, { message: `Massimo ${EMAIL_MAX} caratteri: accorciare il testo.` })
  .refine((s) => s === '' || /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[A-Za-z]{2,}$/.test(s), { message: "Scrivere un solo indirizzo e-mail, per esempio ced@comune.urbino.pu.it." });

/** The office's telephone (may be empty): digits, spaces, +, /, . and -. */
export const OfficePhone = z
  .string()
  .trim()
  .max(PHONE_MAX, { message: `Massimo ${PHONE_MAX} caratteri: accorciare il testo.` })
  .refine((s) => s === '' || (/^\+?[0-9][0-9 ./-]{3,38}$/.test(s) && /[0-9].*[0-9].*[0-9].*[0-9]/.test(s)), { message: 'Scrivere il numero con cifre, spazi o trattini, per esempio 0722 309111.' });

const designationFields = {
  technician: DesignatedPerson,
  substitute: DesignatedPerson.nullable(),
  /** The technician's role in the member's organisation (e.g. "Responsabile servizi informativi"). */
  role: lineText(100, 0),
  office_email: OfficeEmail,
  office_phone: OfficePhone,
  /** First day of the designation. */
  from: IsoDate,
  /** Last day of the designation (inclusive), or null while it lasts. */
  until: IsoDate.nullable(),
};

const UNTIL_AFTER_FROM = { message: 'La data di fine non può precedere la data di inizio.', path: ['until'] };
const SUBSTITUTE_OTHER_CODE = { message: 'Il sostituto deve avere un codice diverso da quello del tecnico.', path: ['substitute'] };
type Period = { from: string; until: string | null; technician: DesignatedPerson; substitute: DesignatedPerson | null };
const untilAfterFrom = (d: Period) => d.until === null || d.until >= d.from;
const substituteOtherCode = (d: Period) => !d.substitute || d.substitute.code !== d.technician.code;

/** A member's designation of its technician for the Technical Committee. */
export const DesignationData = z
  .object({ ...designationFields, updated_by: UpdatedBy })
  .strict()
  .refine(untilAfterFrom, UNTIL_AFTER_FROM)
  .refine(substituteOtherCode, SUBSTITUTE_OTHER_CODE);
export type DesignationData = z.infer<typeof DesignationData>;

export const technicianDesignationKind = recordKind({
  kind: 'technician_designation',
  owner: 'municipality',
  schema: DesignationData,
  description: 'Designazione del tecnico del comune nel Comitato tecnico, con il sostituto: codice (e nome solo se il comune lo condivide), ruolo, contatti dell’ufficio, dal / al.',
});

/**
 * A member's seat in the Technical Committee as the hub publishes it to every member: the
 * member's last designation exactly as received (names only where the member sent them).
 */
export const CommitteeSeatData = z
  .object({
    member: Istat,
    ...designationFields,
    /** When the member made this version (its event's `at`). */
    changed_at: z.string(),
    updated_by: UpdatedBy,
  })
  .strict()
  .refine(untilAfterFrom, UNTIL_AFTER_FROM)
  .refine(substituteOtherCode, SUBSTITUTE_OTHER_CODE);
export type CommitteeSeatData = z.infer<typeof CommitteeSeatData>;

export const committeeSeatKind = recordKind({
  kind: 'committee_seat',
  owner: 'hub',
  schema: CommitteeSeatData,
  description: 'Posto di un comune nel Comitato tecnico, pubblicato dal consorzio a tutti i membri: tecnico e sostituto come il comune li ha inviati, ruolo, contatti dell’ufficio, dal / al.',
});

/**
 * The Technical Committee's coordinator, announced by the hub to every member: the Technical
 * Director's name as the Executive Committee's settings hold it (one record per hub; deleted
 * when the name is cleared). A name the consortium publishes as an office holder, not staff.
 */
export const CommitteeCoordinatorData = z
  .object({
    name: lineText(100),
    updated_by: UpdatedBy,
  })
  .strict();
export type CommitteeCoordinatorData = z.infer<typeof CommitteeCoordinatorData>;

export const committeeCoordinatorKind = recordKind({
  kind: 'committee_coordinator',
  owner: 'hub',
  schema: CommitteeCoordinatorData,
  description: 'Coordinatore del Comitato tecnico (il Direttore tecnico), annunciato dal consorzio a tutti i membri.',
});
