/**
 * The mailbox roster (docs/sync.md "PUT /v1/roster"): the members allowed to use the mailbox,
 * signed by the hub with minisign so that the mailbox, and anyone with `minisign -V`, can check
 * it came from the hub. Built by the hub's sync agent from its confirmed members; read and
 * checked by the mailbox server at upload and at every start.
 */
import { z } from 'zod';
import { keyIdHex, parseMinisignPublicKey, signMinisign, verifyMinisign, type SigningKeyPair } from '../../format/crypto/minisign';
import type { SignedRoster } from './courier';

export const ROSTER_FORMAT = 'cst-mailbox-roster';

const RosterMember = z
  .object({
    id: z.string().regex(/^[0-9]{6}$/),
    name: z.string().min(1).max(200),
    signing_key: z.string().min(1).max(200),
  })
  .strict();

/**
 * The regional hub this hub reports to (docs/federation.md, "Through the mailbox"): a party of
 * the mailbox that may read only the `regional` inbox, where the hub forwards its members'
 * bundles. Optional, so a roster without federation is the same bytes as before.
 */
const RosterRegionalHub = z
  .object({
    id: z.string().regex(/^[A-Z0-9-]{1,32}$/),
    name: z.string().min(1).max(200),
    signing_key: z.string().min(1).max(200),
  })
  .strict();

export const RosterJson = z
  .object({
    format: z.literal(ROSTER_FORMAT),
    version: z.literal(1),
    hub: z.string().min(1).max(64),
    serial: z.number().int().min(1),
    issued_at: z.string().min(1).max(40),
    members: z.array(RosterMember).max(20_000),
    regional_hub: RosterRegionalHub.optional(),
  })
  .strict();
export type RosterJson = z.infer<typeof RosterJson>;
export type RosterMember = z.infer<typeof RosterMember>;
export type RosterRegionalHub = z.infer<typeof RosterRegionalHub>;

export function rosterTrustedComment(hubId: string, serial: number, format: string = ROSTER_FORMAT): string {
  return `${format} ${hubId} ${serial}`;
}

/** What every signed roster has: a format name, its hub, a serial and members with a signing key. */
interface AnyRoster {
  format: string;
  hub: string;
  serial: number;
  members: { id: string; signing_key: string }[];
}

/**
 * A roster's text (one JSON line, members sorted by id) and its minisign signature, with the
 * trusted comment `<format> <hub> <serial>`. Shared by the mailbox roster and the federation
 * roster (docs/federation.md), which differ only in their format name and fields.
 */
export function signRosterOf<R extends AnyRoster>(roster: R, key: SigningKeyPair): SignedRoster {
  const sorted: R = { ...roster, members: [...roster.members].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
  const text = `${JSON.stringify(sorted)}\n`;
  return { roster: text, signature: signMinisign(Buffer.from(text, 'utf8'), key, rosterTrustedComment(roster.hub, roster.serial, roster.format)), serial: roster.serial };
}

/** The mailbox roster's text and signature. */
export function signRoster(roster: RosterJson, key: SigningKeyPair): SignedRoster {
  return signRosterOf(roster, key);
}

export type RosterCheckOf<R extends AnyRoster> =
  | { ok: true; roster: R; keyIds: Map<string, R['members'][number]> }
  | { ok: false; reason: 'signature' | 'format' | 'trusted_comment' };
export type RosterCheck = RosterCheckOf<RosterJson>;

/**
 * Checks a roster against its hub's minisign public key: the signature, the JSON's shape (the
 * schema), and that the trusted comment names this roster's format, hub and serial (a signed
 * comment cannot be moved to another roster). Returns the members by key id (16 upper-case hex
 * digits).
 */
export function checkRosterOf<R extends AnyRoster>(schema: z.ZodType<R>, text: string, signature: string, hubSigningKey: string): RosterCheckOf<R> {
  const verified = verifyMinisign(Buffer.from(text, 'utf8'), signature, parseMinisignPublicKey(hubSigningKey));
  if (!verified.ok) return { ok: false, reason: 'signature' };
  let parsed;
  try {
    parsed = schema.safeParse(JSON.parse(text));
  } catch {
    return { ok: false, reason: 'format' };
  }
  if (!parsed.success) return { ok: false, reason: 'format' };
  if (verified.trustedComment !== rosterTrustedComment(parsed.data.hub, parsed.data.serial, parsed.data.format)) return { ok: false, reason: 'trusted_comment' };
  const keyIds = new Map<string, R['members'][number]>();
  for (const m of parsed.data.members) {
    let keyId: string;
    try {
      keyId = keyIdHex(parseMinisignPublicKey(m.signing_key).keyId);
    } catch {
      return { ok: false, reason: 'format' };
    }
    keyIds.set(keyId, m);
  }
  return { ok: true, roster: parsed.data, keyIds };
}

/** The mailbox roster, checked against the hub's key. */
export function checkRoster(text: string, signature: string, hubSigningKey: string): RosterCheck {
  return checkRosterOf(RosterJson, text, signature, hubSigningKey);
}
