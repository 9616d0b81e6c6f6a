import { z } from 'zod';
import { recordKind } from './registry';
import { lineText, UpdatedBy } from './common';

/** The pseudonymous code of a person (*codice pseudonimo*): what leaves the municipality by default. */
export const StaffCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,23}$/, {
  message: 'Il codice usa lettere, cifre, punto, trattino o trattino basso (massimo 24 caratteri), per esempio P-001.',
});

/**
 * A person of the municipality's staff (*personale*). `display_name` is present only while the
 * setting "share names with the consortium" is on; otherwise the event carries only the
 * pseudonymous code, and the name stays in the local table.
 */
export const StaffData = z
  .object({
    code: StaffCode,
    display_name: lineText(100).optional(),
    role: lineText(100, 0),
    office: lineText(100, 0),
    active: z.boolean(),
    updated_by: UpdatedBy,
  })
  .strict();
export type StaffData = z.infer<typeof StaffData>;

export const staffKind = recordKind({
  kind: 'staff',
  owner: 'municipality',
  schema: StaffData,
  description: 'Persona del personale comunale: codice pseudonimo, ruolo, ufficio; il nome solo se il comune sceglie di condividerlo.',
});
