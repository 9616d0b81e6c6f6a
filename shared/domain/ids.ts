import { z } from 'zod';

/** A municipality is its 6-digit ISTAT code (docs/bundle-format.md, "Conventions"). */
export const IstatCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, { message: 'Il codice ISTAT è formato da 6 cifre (per esempio 041067).' });

/** A hub (consortium) id: upper-case letters, digits and dashes, 1 to 32 characters. */
export const HubId = z
  .string()
  .trim()
  .regex(/^[A-Z0-9-]{1,32}$/, {
    message: 'Il codice del consorzio usa solo lettere maiuscole, cifre e trattini (massimo 32), per esempio CST-PU.',
  });

/**
 * Control characters (except tab and newline) never belong in a person-typed text, nor C1
 * controls and bidirectional overrides (the same class as shared/records/common.ts).
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A short name typed by a person: trimmed, not empty, no control characters. */
export function personText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: 'Questo campo è obbligatorio.' })
    .max(max, { message: `Massimo ${max} caratteri.` })
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'Contiene caratteri non ammessi.' });
}

export const Role = z.enum(['municipality', 'hub']);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['it', 'en']);
export type Locale = z.infer<typeof Locale>;
