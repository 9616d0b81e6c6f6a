import { z } from 'zod';
import { recordKind } from './registry';
import { lineText, UpdatedBy } from './common';
import { HubId } from '../domain/ids';

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
