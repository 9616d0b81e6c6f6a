import { z } from 'zod';
import { recordKind } from './registry';
import { lineText, noteText, UpdatedBy } from './common';

/** The coordinating referent of a group: a member's technician, by name or pseudonym. */
export const GroupCoordinator = z
  .object({
    istat: z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' }),
    person: lineText(100),
  })
  .strict();
export type GroupCoordinator = z.infer<typeof GroupCoordinator>;

/**
 * A thematic group (*gruppo tematico*) of the consortium, owned by the hub, led by a technician
 * of a member. Members add it to their groups (source 'hub') beside the ones they named locally.
 */
export const ThematicGroupData = z
  .object({
    name: lineText(120),
    description: noteText(),
    coordinator: GroupCoordinator.nullable(),
    active: z.boolean(),
    updated_by: UpdatedBy,
  })
  .strict();
export type ThematicGroupData = z.infer<typeof ThematicGroupData>;

export const thematicGroupKind = recordKind({
  kind: 'thematic_group',
  owner: 'hub',
  schema: ThematicGroupData,
  description: 'Gruppo tematico del consorzio: nome, descrizione, referente coordinatore (comune e persona), attivo.',
});
