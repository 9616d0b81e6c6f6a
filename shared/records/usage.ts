import { z } from 'zod';
import { recordKind } from './registry';
import { Count, IsoDate, Milli, noteText, UpdatedBy } from './common';
import { ServiceCode } from './catalogue';

/** How a service reached its users. */
export const UsageChannel = z.enum(['counter', 'online', 'phone']);
export type UsageChannel = z.infer<typeof UsageChannel>;

/**
 * A usage entry (*registrazione di utilizzo*): how much of a service was used on a day, or in a
 * whole month (`period: 'month'`, `date` = the first of the month).
 * `quantity_milli` is the quantity in thousandths of the service's unit (12,5 GB → 12500; 40
 * documenti → 40000): never a float in an event line.
 */
export const UsageData = z
  .object({
    service: ServiceCode,
    date: IsoDate,
    period: z.enum(['day', 'month']),
    quantity_milli: Milli.min(1, { message: 'La quantità deve essere maggiore di zero.' }),
    beneficiaries: z
      .object({ citizens: Count.nullable(), businesses: Count.nullable(), offices: Count.nullable() })
      .strict(),
    channel: UsageChannel.nullable(),
    note: noteText(),
    updated_by: UpdatedBy,
  })
  .strict()
  .refine((d) => d.period === 'day' || d.date.endsWith('-01'), { message: 'Un dato mensile ha la data del primo giorno del mese.', path: ['date'] });
export type UsageData = z.infer<typeof UsageData>;

export const usageKind = recordKind({
  kind: 'usage',
  owner: 'municipality',
  schema: UsageData,
  description: 'Utilizzo di un servizio del consorzio in un giorno o in un mese (quantità in millesimi dell’unità).',
});
