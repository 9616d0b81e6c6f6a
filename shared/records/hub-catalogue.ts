import { z } from 'zod';
import { recordKind } from './registry';
import { Cents, UpdatedBy } from './common';
import { ServiceData } from './catalogue';

/**
 * A service of the consortium's catalogue (*catalogo dei servizi*), owned by the hub. Members
 * receive it read-only: it replaces the provisional catalogue shipped with the app, matched by
 * `code` (usage recorded against a provisional code keeps working when the hub keeps the code).
 *
 * The record id is derived from the code (see docs/record-kinds.md, "Ids of hub records"), so
 * a service keeps its id for ever and a code names one record only.
 *
 * The costs are for issue 5 (the yearly plan and its cost allocation): null until the hub sets them.
 */
export const HubServiceData = ServiceData.extend({
  /** Offered for new usage entries; a retired service stays so that past entries keep their name. */
  active: z.boolean(),
  /** Order in the members' lists (smaller first). */
  position: z.number().int().min(0).max(100_000),
  fixed_yearly_cents: Cents.nullable(),
  unit_cost_cents: Cents.nullable(),
  updated_by: UpdatedBy,
}).strict();
export type HubServiceData = z.infer<typeof HubServiceData>;

export const hubServiceKind = recordKind({
  kind: 'service',
  owner: 'hub',
  schema: HubServiceData,
  description: 'Servizio del catalogo del consorzio: codice, nomi, categoria, unità, decimali, attivo, ordine, costi in centesimi (per il piano).',
});
