import { z } from 'zod';
import { lineText } from './common';

/**
 * The service catalogue (*catalogo dei servizi*). It is owned by the hub (issue 4 sends it);
 * until then the app ships the provisional one below, stored in the `services` table with
 * source 'provisional', which the hub's catalogue replaces.
 */

export const SERVICE_CATEGORIES = ['documents', 'communication', 'web', 'citizens', 'archive', 'support', 'territory', 'network', 'training'] as const;
export const ServiceCategory = z.enum(SERVICE_CATEGORIES);
export type ServiceCategory = z.infer<typeof ServiceCategory>;

/**
 * Units of measure: `it`/`en` the plural, `oneIt`/`oneEn` the form after exactly 1 ("1 pratica",
 * shared/domain/unit-measure.ts unitWord); `decimals` says whether a quantity may have a
 * fractional part. `measure` says
 * what a monthly figure is: a `count` of things done in the month (documents, certificates),
 * which adds up over months, or a `level` held in the month (GB stored, mailboxes open), which
 * never does: over several months a level is their average (or the latest), see
 * shared/domain/unit-measure.ts.
 */
export const UNITS = {
  documents: { it: 'documenti', en: 'documents', oneIt: 'documento', oneEn: 'document', decimals: false, measure: 'count' },
  mailboxes: { it: 'caselle', en: 'mailboxes', oneIt: 'casella', oneEn: 'mailbox', decimals: false, measure: 'level' },
  sites: { it: 'siti', en: 'websites', oneIt: 'sito', oneEn: 'website', decimals: false, measure: 'level' },
  publications: { it: 'pubblicazioni', en: 'publications', oneIt: 'pubblicazione', oneEn: 'publication', decimals: false, measure: 'count' },
  cases: { it: 'pratiche', en: 'cases', oneIt: 'pratica', oneEn: 'case', decimals: false, measure: 'count' },
  certificates: { it: 'certificati', en: 'certificates', oneIt: 'certificato', oneEn: 'certificate', decimals: false, measure: 'count' },
  gb: { it: 'GB', en: 'GB', oneIt: 'GB', oneEn: 'GB', decimals: true, measure: 'level' },
  requests: { it: 'richieste', en: 'requests', oneIt: 'richiesta', oneEn: 'request', decimals: false, measure: 'count' },
  accesses: { it: 'accessi', en: 'accesses', oneIt: 'accesso', oneEn: 'access', decimals: false, measure: 'count' },
  hours: { it: 'ore', en: 'hours', oneIt: 'ora', oneEn: 'hour', decimals: true, measure: 'count' },
} as const;
export type UnitCode = keyof typeof UNITS;
export const UnitCode = z.enum(Object.keys(UNITS) as [UnitCode, ...UnitCode[]]);

export const ServiceCode = z.string().regex(/^[A-Z][A-Z0-9-]{1,23}$/, { message: 'Codice di servizio non valido.' });

/** One service of the catalogue (the hub's `service` record will carry this shape and its costs). */
export const ServiceData = z
  .object({
    code: ServiceCode,
    name_it: lineText(120),
    name_en: lineText(120),
    category: ServiceCategory,
    unit: UnitCode,
    decimals: z.boolean(),
  })
  .strict();
export type ServiceData = z.infer<typeof ServiceData>;

const s = (code: string, name_it: string, name_en: string, category: ServiceCategory, unit: UnitCode): ServiceData => ({
  code,
  name_it,
  name_en,
  category,
  unit,
  decimals: UNITS[unit].decimals,
});

/** The provisional catalogue shipped with the app (replaced by the hub's in issue 4). */
export const PROVISIONAL_CATALOGUE: readonly ServiceData[] = [
  s('PROTOCOLLO', 'Protocollo informatico', 'Electronic records registry', 'documents', 'documents'),
  s('PEC', 'Posta elettronica certificata (PEC)', 'Certified e-mail (PEC)', 'communication', 'mailboxes'),
  s('SITO', 'Hosting del sito istituzionale', 'Institutional website hosting', 'web', 'gb'),
  s('ALBO', 'Albo pretorio online', 'Online public notice board', 'web', 'publications'),
  s('SUAP', 'Sportello unico attività produttive (SUAP)', 'One-stop shop for businesses (SUAP)', 'citizens', 'cases'),
  s('DEMOGRAFICI', 'Servizi demografici', 'Civil registry services', 'citizens', 'certificates'),
  s('CONSERVAZIONE', 'Conservazione digitale', 'Digital preservation', 'archive', 'gb'),
  s('HELPDESK', 'Help desk', 'Help desk', 'support', 'requests'),
  s('GIS', 'GIS e cartografia', 'GIS and mapping', 'territory', 'accesses'),
  s('WIFI', 'Connettività e Wi-Fi pubblico', 'Connectivity and public Wi-Fi', 'network', 'accesses'),
  s('FORMAZIONE', 'Formazione', 'Training', 'training', 'hours'),
];
