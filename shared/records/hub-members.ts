import { z } from 'zod';
import { recordKind } from './registry';
import { Count, IsoDate, lineText, UpdatedBy } from './common';

export const MembershipStatus = z.enum(['active', 'withdrawn']);
export type MembershipStatus = z.infer<typeof MembershipStatus>;

/**
 * A member of the consortium, the public part of the hub's registry (*anagrafe dei soci*).
 * The population is ISTAT's, updated yearly by the hub (`population_year` says which year).
 * Members keep the registry for the beneficiaries of their proposals; the plan's cost-sharing
 * key (issue 5) reads the population from here.
 */
export const MemberData = z
  .object({
    istat: z.string().regex(/^[0-9]{6}$/, { message: 'Codice ISTAT di 6 cifre.' }),
    name: lineText(120),
    province: z.string().regex(/^[A-Z]{2}$/, { message: 'Sigla di provincia di 2 lettere maiuscole.' }),
    population: Count.nullable(),
    population_year: z.number().int().min(1861).max(2999).nullable(),
    status: MembershipStatus,
    member_since: IsoDate.nullable(),
    updated_by: UpdatedBy,
  })
  .strict();
export type MemberData = z.infer<typeof MemberData>;

export const memberKind = recordKind({
  kind: 'member',
  owner: 'hub',
  schema: MemberData,
  description: 'Socio del consorzio (parte pubblica dell’anagrafe): ISTAT, nome, provincia, popolazione e anno, stato, socio dal.',
});
