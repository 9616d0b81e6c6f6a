import type Database from 'better-sqlite3';
import type { ChainVerification } from '../../../../shared/domain/outbox';

/**
 * A chain cut at its end is still a valid chain: recomputing it cannot see events deleted from
 * the tail (with the append-only triggers dropped first). What others hold can: the bundles
 * we exported (bundle_exports.last_seq and last_hash, the manifest's) and each peer's
 * acknowledgement of our stream (peers.acked_seq, acked_hash, signed by them). An intact chain
 * shorter than either, or one whose event at an exported or acknowledged seq has another hash
 * (the tail cut and written again), is reported broken there.
 */
export function checkTail(db: Database.Database, chain: ChainVerification): ChainVerification {
  if (!chain.ok) return chain;
  const last = chain.events;
  const exported = db.prepare('SELECT last_seq AS seq, recipient_id AS who, last_hash AS hash FROM bundle_exports ORDER BY last_seq DESC LIMIT 1').get() as
    | { seq: number; who: string; hash: Buffer | null }
    | undefined;
  if (exported && exported.seq > last) {
    return cut(chain, exported.seq, `mancano gli eventi ${last + 1}–${exported.seq} in fondo al registro: erano già stati esportati (l'ultimo pacchetto, per ${exported.who}, arrivava all'evento ${exported.seq})`);
  }
  if (exported?.hash && exported.seq > 0) {
    const ours = db.prepare('SELECT hash FROM outbox WHERE seq = ?').pluck().get(exported.seq) as Buffer | undefined;
    if (ours && !ours.equals(exported.hash)) {
      return { ...chain, ok: false, firstBroken: exported.seq, events: exported.seq - 1, reason: `l'evento ${exported.seq} non è quello già esportato nel pacchetto per ${exported.who}: il registro è stato riscritto` };
    }
  }
  const acks = db.prepare('SELECT id, acked_seq AS seq, acked_hash AS hash FROM peers WHERE acked_seq IS NOT NULL AND acked_seq > 0 ORDER BY acked_seq DESC').all() as {
    id: string;
    seq: number;
    hash: Buffer | null;
  }[];
  for (const ack of acks) {
    if (ack.seq > last) {
      return cut(chain, ack.seq, `mancano gli eventi ${last + 1}–${ack.seq} in fondo al registro: ${ack.id} ha confermato di averli ricevuti`);
    }
    const ours = db.prepare('SELECT hash FROM outbox WHERE seq = ?').pluck().get(ack.seq) as Buffer | undefined;
    if (ack.hash && ours && !ours.equals(ack.hash)) {
      return { ...chain, ok: false, firstBroken: ack.seq, events: ack.seq - 1, reason: `l'evento ${ack.seq} non è quello che ${ack.id} ha confermato di aver ricevuto` };
    }
  }
  return chain;
}

function cut(chain: ChainVerification, expected: number, reason: string): ChainVerification {
  return { ...chain, ok: false, firstBroken: chain.events + 1, reason, expectedLast: expected };
}
