/**
 * Our events the other side has not acknowledged yet: the one count behind «in attesa di
 * conferma» (`sync.status` waiting), the home page's «non ancora inviati» (`home.summary`
 * unsentEvents) and the sync agent's `eventsToSend` (`sync.network`). Keyed lookups only: seq
 * runs 1, 2, 3… without gaps, so what follows an acknowledged seq is a subtraction.
 */
import type Database from 'better-sqlite3';
import { readInstallation } from '../../platform/installation/installation-store';
import { stmt } from '../../platform/store/statements';
import { outboxHead } from './outbox';

/**
 * The seq up to which the consortium acknowledged a member's stream: the hub peer's
 * acknowledgement kept by the bundles (issue 4), or the `hub_ack_seq` setting, whichever is
 * further.
 */
function hubAckSeq(db: Database.Database): number {
  const setting = Number(stmt(db, "SELECT value FROM settings WHERE key = 'hub_ack_seq'").pluck().get() ?? 0);
  const peer = (stmt(db, "SELECT max(acked_seq) FROM peers WHERE kind = 'hub'").pluck().get() as number | null) ?? 0;
  return Math.max(Number.isSafeInteger(setting) && setting >= 0 ? setting : 0, peer);
}

/**
 * A member: its events after the consortium's acknowledgement. The hub: the sum over its
 * confirmed members of the hub's events each has not acknowledged (every member gets the
 * whole hub stream), less a regional hub's federated copies. 0 before setup.
 */
export function unacknowledgedEvents(db: Database.Database): number {
  const us = readInstallation(db);
  if (!us) return 0;
  const head = outboxHead(db).seq;
  if (us.role === 'municipality') return Math.max(0, head - hubAckSeq(db));
  // On a regional hub the municipalities its provinces vouch for are read-only copies it never
  // sends anything to (sync/federation, exchangePeers): nothing waits for them.
  return stmt(
    db,
    "SELECT coalesce(sum(max(0, ? - coalesce(acked_seq, 0))), 0) FROM peers WHERE kind = 'municipality' AND status = 'confirmed' AND id NOT IN (SELECT istat FROM federation_members)",
  )
    .pluck()
    .get(head) as number;
}
