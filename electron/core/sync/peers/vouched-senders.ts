/**
 * The senders whose bundles this installation verifies (steps 5–6 of the format), including, on
 * a regional hub, the municipalities its provincial hubs vouch for (docs/federation.md): their
 * keys come from a province's signed roster and are good only for bundles addressed to that
 * province and forwarded here (`via`). A municipality no longer on its province's roster is
 * left out: its later bundles are kept (`E_UNKNOWN_SENDER`) until a roster vouches for it again.
 *
 * On a municipality whose hub announced its regional hub (`regional_hub`), the regional hub is a
 * sender too, good only for bundles addressed to our hub and forwarded to us unchanged (the member
 * reader, docs/bundle-format.md): its keys come from that record, which our hub — confirmed by
 * fingerprint — signed in its own stream.
 */
import type Database from 'better-sqlite3';
import type { SenderKey } from '../../format/bundle/verify';
import { confirmedPeers, listPeerRecords, type PeerRecord } from './peers-store';
import { readRegionalRecipient } from './regional-recipient';

export interface SenderSnapshot {
  senders: SenderKey[];
  /** The confirmed provincial hubs (empty everywhere but on a regional hub). */
  relays: string[];
}

export function senderSnapshot(db: Database.Database): SenderSnapshot {
  const relays = (db.prepare("SELECT id FROM federation_hubs WHERE relation = 'province' AND status = 'confirmed' ORDER BY id").pluck().all() as string[]);
  const federated = new Map<string, { province: string; vouched: boolean }>();
  if (relays.length > 0) {
    for (const r of db.prepare('SELECT istat, province_id, vouched FROM federation_members').all() as { istat: string; province_id: string; vouched: number }[]) {
      federated.set(r.istat, { province: r.province_id, vouched: r.vouched === 1 });
    }
  }
  const peers = confirmedPeers(db);
  const down = regionalAbove(db, peers);
  if (down) relays.push(down.hub);
  const senders: SenderKey[] = [];
  for (const p of peers) {
    if (down && p.kind === 'hub' && p.id === down.regional) {
      senders.push({ kind: p.kind, id: p.id, keyId: p.keyId, signingKey: p.signingKey, via: down.hub });
      continue;
    }
    const f = p.kind === 'municipality' ? federated.get(p.id) : undefined;
    if (f && !f.vouched) continue;
    senders.push({ kind: p.kind, id: p.id, keyId: p.keyId, signingKey: p.signingKey, ...(f ? { via: f.province } : {}) });
  }
  return { senders, relays };
}

/**
 * Municipality: the regional hub our hub announced, and our hub (the one that relays the regional
 * hub's files to us). Null elsewhere, and before the announcement reached us.
 */
function regionalAbove(db: Database.Database, peers: PeerRecord[]): { regional: string; hub: string } | null {
  const regional = readRegionalRecipient(db);
  if (!regional) return null;
  const hub = peers.find((p) => p.kind === 'hub' && p.id !== regional.id);
  return hub ? { regional: regional.id, hub: hub.id } : null;
}

/**
 * The hubs whose own streams reach us because of federation, not because we are their member or
 * their hub: on a provincial hub its regional hub, on a regional hub its provinces, on a
 * municipality the regional hub above its hub. Their records are stored read-only and are not
 * projected by the ordinary projectors (a regional hub's `service` is not our catalogue).
 */
export function federatedHubIds(db: Database.Database): Set<string> {
  const ids = new Set(db.prepare("SELECT id FROM federation_hubs WHERE status = 'confirmed'").pluck().all() as string[]);
  const regional = readRegionalRecipient(db);
  if (regional) ids.add(regional.id);
  return ids;
}

/**
 * The peers this installation exchanges bundles with: all of them, except, on a regional hub,
 * the municipalities its provinces vouch for, and, on a municipality, the regional hub above its
 * hub. Their data is a read-only copy that reached it through a hub in between; it never sends
 * them anything, nor names them on its mailbox roster.
 */
export function exchangePeers(db: Database.Database): PeerRecord[] {
  const federated = new Set(db.prepare('SELECT istat FROM federation_members').pluck().all() as string[]);
  const regional = readRegionalRecipient(db);
  const all = listPeerRecords(db);
  if (federated.size === 0 && !regional) return all;
  return all.filter((p) => !(p.kind === 'municipality' && federated.has(p.id)) && !(regional && p.kind === 'hub' && p.id === regional.id));
}
