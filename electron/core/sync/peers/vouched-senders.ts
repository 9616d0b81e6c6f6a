/**
 * The senders whose bundles this installation verifies (steps 5–6 of the format), including, on
 * a regional hub, the municipalities its provincial hubs vouch for (docs/federation.md): their
 * keys come from a province's signed roster and are good only for bundles addressed to that
 * province and forwarded here (`via`). A municipality no longer on its province's roster is
 * left out: its later bundles are kept (`E_UNKNOWN_SENDER`) until a roster vouches for it again.
 */
import type Database from 'better-sqlite3';
import type { SenderKey } from '../../format/bundle/verify';
import { confirmedPeers, listPeerRecords, type PeerRecord } from './peers-store';

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
  const senders: SenderKey[] = [];
  for (const p of confirmedPeers(db)) {
    const f = p.kind === 'municipality' ? federated.get(p.id) : undefined;
    if (f && !f.vouched) continue;
    senders.push({ kind: p.kind, id: p.id, keyId: p.keyId, signingKey: p.signingKey, ...(f ? { via: f.province } : {}) });
  }
  return { senders, relays };
}

/**
 * The peers this installation exchanges bundles with: all of them, except, on a regional hub,
 * the municipalities its provinces vouch for. Their data is a read-only copy that reached it
 * through their province; it never sends them anything, nor names them on its mailbox roster.
 */
export function exchangePeers(db: Database.Database): PeerRecord[] {
  const federated = new Set(db.prepare('SELECT istat FROM federation_members').pluck().all() as string[]);
  const all = listPeerRecords(db);
  return federated.size === 0 ? all : all.filter((p) => !(p.kind === 'municipality' && federated.has(p.id)));
}
