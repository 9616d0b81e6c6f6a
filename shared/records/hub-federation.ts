import { z } from 'zod';
import { recordKind } from './registry';
import { lineText, UpdatedBy } from './common';
import { HubId } from '../domain/ids';
import { ServiceCode } from './catalogue';

/**
 * The regional hub a provincial hub reports to (docs/federation.md), announced to the members so
 * that each encrypts its bundles to both hubs. Written by the provincial hub when its operator
 * confirms the regional hub's fingerprint; one record per provincial hub, deleted when it stops
 * reporting. The keys are public: a member needs the age recipient, and shows the fingerprint.
 */
export const RegionalHubData = z
  .object({
    id: HubId,
    name: lineText(200),
    signing_key: z.string().regex(/^[A-Za-z0-9+/]{56}$/, { message: 'Chiave di firma non valida.' }),
    age_recipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, { message: 'Destinatario age non valido.' }),
    fingerprint: z.string().regex(/^[0-9]{5}( [0-9]{5}){5}$/, { message: 'Impronta non valida.' }),
    updated_by: UpdatedBy,
  })
  .strict();
export type RegionalHubData = z.infer<typeof RegionalHubData>;

export const regionalHubKind = recordKind({
  kind: 'regional_hub',
  owner: 'hub',
  schema: RegionalHubData,
  description: 'Ufficio regionale a cui riferisce l’ufficio del consorzio: i soci cifrano i pacchetti anche per lui.',
});

/** Usage by service code: entries and quantity in thousandths of the unit (as `federation.usage`). */
const ReportService = z
  .object({
    service: ServiceCode,
    entries: z.number().int().min(0),
    quantity_milli: z.number().int().min(0),
  })
  .strict();

const ReportTotals = z
  .object({
    members: z.number().int().min(0).max(20_000),
    entries: z.number().int().min(0),
    by_service: z.array(ReportService).max(500),
  })
  .strict();

/**
 * The regional hub's report of a year (docs/federation.md, "Regional records flow down"): the
 * usage totals of each province, built from `federation.usage` when the regional operator
 * publishes it. It travels in the regional hub's own stream to its provincial hubs, and in the
 * very same files from them to their members. Small by construction: a region has a few
 * provinces and a few hundred service codes.
 */
export const RegionalReportData = z
  .object({
    year: z.number().int().min(2000).max(2999),
    title: lineText(200),
    published_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, { message: 'Data di pubblicazione non valida.' }),
    provinces: z
      .array(ReportTotals.extend({ province_id: HubId, name: lineText(200) }).strict())
      .max(200),
    totals: ReportTotals,
    updated_by: UpdatedBy,
  })
  .strict();
export type RegionalReportData = z.infer<typeof RegionalReportData>;

export const regionalReportKind = recordKind({
  kind: 'regional_report',
  owner: 'hub',
  schema: RegionalReportData,
  description: 'Resoconto regionale di un anno: per ogni ufficio provinciale, soci e totali d’uso per servizio.',
});
