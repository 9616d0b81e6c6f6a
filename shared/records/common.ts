import { z } from 'zod';

/**
 * Building blocks of the record schemas (the `data` of events). A schema here is read on the
 * writer's side and on every reader's side, so it says only what any copy of the record must
 * satisfy; checks that need "now" (no future dates) live in the writer's core.
 */

/** A record id: a UUID in canonical lower-case form. */
export const RecordId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
  message: 'Identificativo non valido.',
});

/** True for a real calendar date written YYYY-MM-DD (31/02 is not one). */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A calendar date, ISO `YYYY-MM-DD`, that exists. */
export const IsoDate = z.string().refine(isRealIsoDate, { message: 'Data non valida: usare una data esistente (gg/mm/aaaa).' });

/**
 * Control characters never belong in typed text; tab, line feed and carriage return do in notes.
 * Besides C0 and DEL: the C1 controls (U+0080–U+009F, invisible, mojibake of a Windows code page)
 * and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make a name
 * or a note read differently from what it holds (a "Trojan Source" reversal in a list or a PDF).
 */
export const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
export const CONTROL_IN_NOTE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** A one-line text (a title, an office); may be empty when `min` is 0. */
export function lineText(max: number, min = 1) {
  return z
    .string()
    .trim()
    .min(min, { message: 'Questo campo è obbligatorio.' })
    .max(max, { message: `Massimo ${max} caratteri: accorciare il testo.` })
    .refine((s) => !CONTROL_IN_LINE.test(s), { message: 'Contiene caratteri di controllo non ammessi: ridigitare il testo.' });
}

/** Notes and long texts: several lines allowed, bounded (a 10 MB note is refused, not truncated). */
export const NOTE_MAX = 2000;
export function noteText(max = NOTE_MAX) {
  return z
    .string()
    .trim()
    .max(max, { message: `Il testo supera ${max} caratteri: accorciarlo (gli allegati vanno aggiunti come file).` })
    .refine((s) => !CONTROL_IN_NOTE.test(s), { message: 'Contiene caratteri di controllo non ammessi: ridigitare il testo.' });
}

/**
 * A quantity in thousandths of its unit (12,5 GB → 12500): integers only, so no floating-point
 * value ever enters an event line or a total.
 */
export const Milli = z
  .number()
  .int({ message: 'Deve essere un numero intero di millesimi.' })
  .min(0, { message: 'Non può essere negativo.' })
  .max(1_000_000_000_000, { message: 'Valore troppo grande.' });

/** Money: integer euro cents. */
export const Cents = z
  .number()
  .int({ message: 'Importo in centesimi interi.' })
  .min(0, { message: "L'importo non può essere negativo." })
  .max(100_000_000_000, { message: 'Importo troppo grande.' });

/** An optional count of people (beneficiaries, participants). */
export const Count = z.number().int({ message: 'Deve essere un numero intero.' }).min(0, { message: 'Non può essere negativo.' }).max(100_000_000);

/** Who made this version (the operator's name at the time): history shows it. */
export const UpdatedBy = lineText(100);
