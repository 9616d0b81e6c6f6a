import { z } from 'zod';
import type { UnitCode } from '../records/catalogue';

export interface HomeSummary {
  /** This month, YYYY-MM, by the installation's clock. */
  month: string;
  usage: { service: string; unit: UnitCode; entries: number; quantityMilli: number; quantity: string }[];
  usageEntries: number;
  trainingHoursMilli: number;
  participations: number;
  proposals: { draft: number; submitted: number; withdrawn: number };
  /** Events after the last seq the consortium acknowledged (its bundles' ack, or `hub_ack_seq`): core/sync/outbox/unacknowledged.ts, as `sync.status` waiting and `sync.network` eventsToSend. */
  unsentEvents: number;
  /** When a bundle for the consortium was last exported; null before the first. */
  lastExportAt: string | null;
}

export interface AppSettings {
  /** "Condividi i nomi con il consorzio": off by default. */
  shareNames: boolean;
  operator: string;
}

export const SettingsUpdateInput = z
  .object({
    shareNames: z.boolean().optional(),
    operator: z
      .string()
      .trim()
      .min(1, { message: 'Questo campo è obbligatorio.' })
      .max(100, { message: 'Massimo 100 caratteri.' })
      .refine((s) => !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(s), { message: 'Contiene caratteri non ammessi.' })
      .optional(),
  })
  .strict();

/** What arrived since it was last seen ("Novità"): files imported, proposals received (hub). */
export interface Notices {
  /** Files applied since: the consortium's (municipality) or the members' (hub). */
  bundles: number;
  /** Proposals submitted in the files received since (hub only; 0 on a municipality). */
  proposals: number;
}

export const NoticesSeenInput = z.object({ what: z.enum(['bundles', 'proposals', 'all']) }).strict();
