/**
 * The provincial hub's roster for its regional hub (docs/federation.md, "Trust"): the members
 * it vouches for, signed with its key. The mailbox roster's code (sync/network/roster.ts) with
 * its own format name (a mailbox roster cannot pass for one, nor the reverse: the trusted
 * comment names the format), the regional hub it is meant for, and each member's age recipient
 * so that the regional office sees the member's fingerprint.
 */
import { z } from 'zod';
import type { SigningKeyPair } from '../../format/crypto/minisign';
import { checkRosterOf, signRosterOf, type RosterCheckOf } from '../network/roster';
import type { SignedRoster } from '../network/courier';

export const FEDERATION_ROSTER_FORMAT = 'cst-federation-roster';
export const ROSTER_FILE = 'roster.json';
export const ROSTER_SIGNATURE_FILE = 'roster.json.minisig';
export const BUNDLES_FOLDER = 'bundles';

const FederationRosterMember = z
  .object({
    id: z.string().regex(/^[0-9]{6}$/),
    name: z.string().min(1).max(200),
    signing_key: z.string().min(1).max(200),
    age_recipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
  })
  .strict();

export const FederationRosterJson = z
  .object({
    format: z.literal(FEDERATION_ROSTER_FORMAT),
    version: z.literal(1),
    hub: z.string().regex(/^[A-Z0-9-]{1,32}$/),
    region: z.string().regex(/^[A-Z0-9-]{1,32}$/),
    serial: z.number().int().min(1),
    issued_at: z.string().min(1).max(40),
    members: z.array(FederationRosterMember).max(20_000),
  })
  .strict();
export type FederationRosterJson = z.infer<typeof FederationRosterJson>;

export function signFederationRoster(roster: FederationRosterJson, key: SigningKeyPair): SignedRoster {
  return signRosterOf(roster, key);
}

export function checkFederationRoster(text: string, signature: string, provinceSigningKey: string): RosterCheckOf<FederationRosterJson> {
  return checkRosterOf(FederationRosterJson, text, signature, provinceSigningKey);
}
