/**
 * `federation_hubs` (migration 018): on a provincial hub, the regional hub it reports to; on a
 * regional hub, its provincial hubs. Identities of hubs, kept apart from `peers` because no
 * bundle of theirs is applied here (docs/federation.md): a province's key checks its roster, a
 * regional hub's age recipient is announced to the members.
 */
import type Database from 'better-sqlite3';
import type { FederationHub, ProvinceCollection } from '../../../../shared/domain/federation';
import { IdentityFileError, readIdentityFile } from '../../format/container/identity-file';
import { fingerprint } from '../../format/crypto/fingerprint';
import { keyIdHex, parseMinisignPublicKey } from '../../format/crypto/minisign';
import type { AppContext } from '../../platform/context';
import { appError } from '../../platform/errors';
import { requireInstallation } from '../../platform/installation/installation-store';
import { normalizeFingerprint } from '../../../../shared/domain/fingerprint';
import { findPeer, markPeerConfirmed, upsertPendingPeer } from '../peers/peers-store';

export type Relation = FederationHub['relation'];

interface HubRow {
  relation: Relation;
  id: string;
  name: string;
  signing_key: string;
  key_id: string;
  age_recipient: string;
  fingerprint: string;
  status: 'pending' | 'confirmed';
  imported_at: string;
  confirmed_at: string | null;
  roster_serial: number;
  roster_at: string | null;
  mailbox_url: string | null;
  mailbox_roster_digest: string | null;
  last_collection: string | null;
}

export type FederationHubRecord = FederationHub & {
  rosterSerial: number;
  rosterAt: string | null;
  /** Regional hub: the province's mailbox, where it collects what the province forwards (migration 020). */
  mailboxUrl: string | null;
  /** Provincial hub: the members' digest of the last federation roster uploaded to its mailbox. */
  mailboxRosterDigest: string | null;
  /** Regional hub: what the last collection from the province's mailbox did. */
  lastCollection: ProvinceCollection | null;
};

function fromRow(r: HubRow): FederationHubRecord {
  return {
    relation: r.relation,
    id: r.id,
    name: r.name,
    keyId: r.key_id,
    signingKey: r.signing_key,
    ageRecipient: r.age_recipient,
    fingerprint: r.fingerprint,
    status: r.status,
    importedAt: r.imported_at,
    confirmedAt: r.confirmed_at,
    rosterSerial: r.roster_serial,
    rosterAt: r.roster_at,
    mailboxUrl: r.mailbox_url,
    mailboxRosterDigest: r.mailbox_roster_digest,
    lastCollection: r.last_collection ? (JSON.parse(r.last_collection) as ProvinceCollection) : null,
  };
}

/** The public view (no roster bookkeeping). */
export function toFederationHub(h: FederationHubRecord): FederationHub {
  const { rosterSerial: _s, rosterAt: _a, mailboxUrl: _u, mailboxRosterDigest: _d, lastCollection: _c, ...hub } = h;
  return hub;
}

export function findFederationHub(db: Database.Database, relation: Relation, id: string): FederationHubRecord | null {
  const row = db.prepare('SELECT * FROM federation_hubs WHERE relation = ? AND id = ?').get(relation, id) as HubRow | undefined;
  return row ? fromRow(row) : null;
}

export function listFederationHubs(db: Database.Database, relation: Relation): FederationHubRecord[] {
  return (db.prepare('SELECT * FROM federation_hubs WHERE relation = ? ORDER BY id').all(relation) as HubRow[]).map(fromRow);
}

/**
 * Reads a hub's `.cstid` (every check of the identity file) and stores it as pending. The same
 * keys again change nothing; new keys replace a pending identity and are refused for a
 * confirmed one (no key rotation in format v1, as for `identity.import`).
 */
export function importHubIdentity(ctx: AppContext, relation: Relation, bytes: Buffer): FederationHubRecord {
  const us = requireInstallation(ctx.db);
  if (us.role !== 'hub') throw appError('federation.hubOnly');
  let identity;
  try {
    identity = readIdentityFile(bytes);
  } catch (err) {
    if (err instanceof IdentityFileError) throw appError(err.key, {}, { params: { detail: err.detail } });
    throw err;
  }
  if (identity.kind !== 'hub') throw appError('federation.notAHub', { name: identity.name, id: identity.id });
  if (identity.id === us.id) throw appError('federation.ourselves', { id: identity.id });
  const existing = findFederationHub(ctx.db, relation, identity.id);
  if (existing && existing.signingKey === identity.signing_key && existing.ageRecipient === identity.age_recipient) return existing;
  if (existing?.status === 'confirmed') throw appError('federation.keysChanged', { name: existing.name, id: existing.id, fingerprint: existing.fingerprint });
  if (relation === 'regional') {
    const other = listFederationHubs(ctx.db, 'regional').find((h) => h.id !== identity.id);
    if (other?.status === 'confirmed') throw appError('federation.otherRegional', { name: other.name, id: other.id });
    if (other) ctx.db.prepare("DELETE FROM federation_hubs WHERE relation = 'regional' AND id = ?").run(other.id);
  }
  ctx.db
    .prepare(
      `INSERT INTO federation_hubs (relation, id, name, signing_key, key_id, age_recipient, fingerprint, status, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
       ON CONFLICT (relation, id) DO UPDATE SET name = excluded.name, signing_key = excluded.signing_key, key_id = excluded.key_id,
         age_recipient = excluded.age_recipient, fingerprint = excluded.fingerprint, imported_at = excluded.imported_at`,
    )
    .run(
      relation,
      identity.id,
      identity.name,
      identity.signing_key,
      keyIdHex(parseMinisignPublicKey(identity.signing_key).keyId),
      identity.age_recipient,
      fingerprint(identity.signing_key, identity.age_recipient),
      ctx.clock.now(),
    );
  ctx.log.info('federation hub identity imported', { relation, id: identity.id });
  return findFederationHub(ctx.db, relation, identity.id) as FederationHubRecord;
}

/** Checks the typed fingerprint (spaces and dashes do not count); marks it confirmed. Call inside a transaction when more follows. */
export function confirmHubIdentity(ctx: AppContext, hub: FederationHubRecord, typed: string): FederationHubRecord {
  if (normalizeFingerprint(typed) !== normalizeFingerprint(hub.fingerprint)) {
    throw appError('federation.fingerprintMismatch', { name: hub.name, id: hub.id }, { field: 'fingerprint' });
  }
  if (hub.status === 'confirmed') return hub;
  ctx.db.prepare("UPDATE federation_hubs SET status = 'confirmed', confirmed_at = ? WHERE relation = ? AND id = ?").run(ctx.clock.now(), hub.relation, hub.id);
  ensureHubPeer(ctx.db, hub, ctx.clock.now());
  ctx.log.info('federation hub identity confirmed', { relation: hub.relation, id: hub.id });
  return findFederationHub(ctx.db, hub.relation, hub.id) as FederationHubRecord;
}

export function setRosterTaken(db: Database.Database, province: string, serial: number, at: string): void {
  db.prepare("UPDATE federation_hubs SET roster_serial = ?, roster_at = ? WHERE relation = 'province' AND id = ?").run(serial, at, province);
}

/**
 * A federation hub is also an ordinary peer (kind hub): its own stream is received, stored
 * read-only and acknowledged like any peer's, and ours is exported to it (docs/federation.md,
 * "Flows"). Confirmed with the keys just confirmed by fingerprint (or, on a municipality, with
 * those its hub announced). A confirmed row is left as it is (no key rotation in format v1); a
 * row set aside when the link was removed (`setHubPeerAside`) takes the keys confirmed now.
 */
export function ensureHubPeer(db: Database.Database, hub: Pick<FederationHub, 'id' | 'name' | 'signingKey' | 'ageRecipient' | 'fingerprint'>, at: string): void {
  if (findPeer(db, 'hub', hub.id)?.status === 'confirmed') return;
  upsertPendingPeer(db, {
    kind: 'hub',
    id: hub.id,
    name: hub.name,
    signingKey: hub.signingKey,
    keyId: keyIdHex(parseMinisignPublicKey(hub.signingKey).keyId),
    ageRecipient: hub.ageRecipient,
    fingerprint: hub.fingerprint,
    identityCreatedAt: at,
    importedAt: at,
  });
  markPeerConfirmed(db, (findPeer(db, 'hub', hub.id) as { peerNo: number }).peerNo, at);
}

/**
 * The link is gone (the provincial hub stopped reporting, or the member's hub withdrew its
 * regional hub): its files are no longer accepted, and it can never be taken for our own hub.
 * Its records stay, read-only.
 */
export function setHubPeerAside(db: Database.Database, id: string): void {
  db.prepare("UPDATE peers SET status = 'pending' WHERE kind = 'hub' AND id = ?").run(id);
}

/** Regional hub: where a province's mailbox is (null: none, its files come by folder only). */
export function setProvinceMailbox(db: Database.Database, province: string, url: string | null): void {
  db.prepare("UPDATE federation_hubs SET mailbox_url = ? WHERE relation = 'province' AND id = ?").run(url, province);
}

export function setLastCollection(db: Database.Database, province: string, collection: ProvinceCollection): void {
  db.prepare("UPDATE federation_hubs SET last_collection = ? WHERE relation = 'province' AND id = ?").run(JSON.stringify(collection), province);
}

/** Provincial hub: the federation roster `serial` with these members is at the mailbox. */
export function setMailboxRosterSent(db: Database.Database, regional: string, serial: number, digest: string, at: string): void {
  db.prepare("UPDATE federation_hubs SET roster_serial = ?, roster_at = ?, mailbox_roster_digest = ? WHERE relation = 'regional' AND id = ?").run(serial, at, digest, regional);
}
