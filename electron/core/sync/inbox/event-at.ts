import type Database from 'better-sqlite3';
import type { Role } from '../../../../shared/domain/ids';
import { stmt } from '../../platform/store/statements';

/** inbox_events' key (migration 004): peer_no · 2^40 + seq. */
export const eventKey = (peerNo: number, seq: number): number => peerNo * 1099511627776 + seq;

export function peerNoOf(db: Database.Database, kind: Role, id: string): number | undefined {
  return stmt(db, 'SELECT peer_no FROM peers WHERE kind = ? AND id = ?').pluck().get(kind, id) as number | undefined;
}

/**
 * The `at` of a received event, from its stored line (which starts `{"seq":N,"at":"…"`, as
 * the format's writer lays it out; a line of another writer is parsed).
 */
export function receivedEventAt(db: Database.Database, peerNo: number, seq: number): string | null {
  const line = stmt(db, 'SELECT line FROM inbox_events WHERE key = ?').pluck().get(eventKey(peerNo, seq)) as Buffer | undefined;
  if (!line) return null;
  const head = line.toString('utf8', 0, 80);
  const m = /^\{"seq":\d+,"at":"([^"]+)"/.exec(head);
  if (m) return m[1] as string;
  return (JSON.parse(line.toString('utf8')) as { at: string }).at;
}
