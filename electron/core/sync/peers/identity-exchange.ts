import type { Peer } from '../../../../shared/domain/bundles';
import { exchangePeers } from './vouched-senders';
import { IdentityFileError, readIdentityFile, type IdentityJson } from '../../format/container/identity-file';
import type { AppContext } from '../../platform/context';
import { fingerprint } from '../../format/crypto/fingerprint';
import { keyIdHex, parseMinisignPublicKey } from '../../format/crypto/minisign';
import { appError } from '../../platform/errors';
import { requireInstallation } from '../../platform/installation/installation-store';
import { normalizeFingerprint } from '../../../../shared/domain/fingerprint';
import { findPeer, findPeerById, markPeerConfirmed, toPeer, upsertPendingPeer, type PeerRecord } from './peers-store';

/**
 * Importing the other side's identity file (.cstid). The keys are stored as *pending*: no bundle
 * signed by them is applied until a person confirms the fingerprint read over the phone.
 *
 * Decisions:
 * - A municipality accepts only a hub's identity, and only one hub (its consortium); a hub
 *   accepts only municipalities, and only those in its member registry (`members`): the
 *   registry is the list of who may send bundles, so a stranger is not even enrolled.
 * - Re-importing the same keys is a no-op. New keys for a *pending* peer replace the old ones
 *   (the file sent again). New keys for a *confirmed* peer are refused: key rotation is not
 *   part of format version 1, and silently un-confirming a member would stop its sync.
 */
export function importIdentity(ctx: AppContext, bytes: Buffer): Peer {
  return enrolIdentity(ctx, readPeerIdentity(bytes)).peer;
}

/** The identity file read and its signature checked (no database): a refusal in the catalogue's words. */
export function readPeerIdentity(bytes: Buffer): IdentityJson {
  try {
    return readIdentityFile(bytes);
  } catch (err) {
    if (err instanceof IdentityFileError) throw appError(err.key, {}, { params: { detail: err.detail } });
    throw err;
  }
}

/** `new`: stored as pending; `replaced`: new keys for a pending peer; `unchanged`: the same keys were here. */
export type EnrolOutcome = 'new' | 'replaced' | 'unchanged';

/** Stores an identity already read and verified (readPeerIdentity), with the rules above. */
export function enrolIdentity(ctx: AppContext, identity: IdentityJson): { peer: Peer; outcome: EnrolOutcome } {
  const us = requireInstallation(ctx.db);
  if (identity.kind === us.role) {
    throw us.role === 'hub'
      ? appError('identity.otherHub', { id: identity.id })
      : appError('identity.otherMunicipality', { name: identity.name, id: identity.id });
  }
  if (us.role === 'hub') {
    const member = ctx.db.prepare('SELECT istat FROM members WHERE istat = ?').get(identity.id);
    if (!member) {
      throw appError('identity.notAMember', { name: identity.name, id: identity.id });
    }
  }
  const keyId = keyIdHex(parseMinisignPublicKey(identity.signing_key).keyId);
  const fp = fingerprint(identity.signing_key, identity.age_recipient);
  const existing = findPeer(ctx.db, identity.kind, identity.id);
  const sameKeys = existing && existing.signingKey === identity.signing_key && existing.ageRecipient === identity.age_recipient;
  if (existing && sameKeys) return { peer: toPeer(existing), outcome: 'unchanged' };
  if (existing?.status === 'confirmed') {
    throw appError('identity.keysChanged', { name: existing.name, id: existing.id, fingerprint: existing.fingerprint });
  }
  if (us.role === 'municipality') {
    const otherHub = exchangePeers(ctx.db).find((p) => p.kind === 'hub' && p.id !== identity.id);
    if (otherHub?.status === 'confirmed') {
      throw appError('identity.otherHubLinked', { hubName: otherHub.name, hubId: otherHub.id, name: identity.name, id: identity.id });
    }
    if (otherHub) ctx.db.prepare("DELETE FROM peers WHERE peer_no = ? AND status = 'pending' AND applied_seq = 0").run(otherHub.peerNo);
  }
  upsertPendingPeer(ctx.db, {
    kind: identity.kind,
    id: identity.id,
    name: identity.name,
    signingKey: identity.signing_key,
    keyId,
    ageRecipient: identity.age_recipient,
    fingerprint: fp,
    identityCreatedAt: identity.created_at,
    importedAt: ctx.clock.now(),
  });
  ctx.log.info('peer identity imported', { kind: identity.kind, id: identity.id, keyId });
  return { peer: toPeer(findPeer(ctx.db, identity.kind, identity.id) as PeerRecord), outcome: existing ? 'replaced' : 'new' };
}

/** Spaces and dashes between the groups do not count (shared/domain/fingerprint.ts). */
export { normalizeFingerprint };

export function resolvePeer(ctx: AppContext, id: string): PeerRecord {
  const matches = findPeerById(ctx.db, id.trim());
  const peer = matches[0];
  if (!peer) {
    throw appError('identity.notImported', { id }, { field: 'id' });
  }
  return peer;
}

/**
 * Pins the peer's keys once the typed fingerprint matches. On the hub the member becomes
 * `confirmed` in the registry too. The caller then applies the bundles kept from that sender.
 */
export function confirmIdentity(ctx: AppContext, id: string, typed: string): PeerRecord {
  const peer = resolvePeer(ctx, id);
  if (normalizeFingerprint(typed) !== normalizeFingerprint(peer.fingerprint)) {
    throw appError('identity.fingerprintMismatch', { name: peer.name, id: peer.id }, { field: 'fingerprint' });
  }
  if (peer.status === 'confirmed') return peer;
  const at = ctx.clock.now();
  ctx.db.transaction(() => {
    markPeerConfirmed(ctx.db, peer.peerNo, at);
    if (peer.kind === 'municipality') ctx.db.prepare("UPDATE members SET status = 'confirmed' WHERE istat = ?").run(peer.id);
  })();
  ctx.log.info('peer identity confirmed', { kind: peer.kind, id: peer.id });
  return findPeer(ctx.db, peer.kind, peer.id) as PeerRecord;
}
