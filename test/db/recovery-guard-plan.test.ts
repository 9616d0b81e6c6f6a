/** The check run before every event we write (E_RECOVERY_NEEDED) probes the partial index of migration 010. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { EVENTS_LOST_SQL, eventsLostPeer } from '../../electron/core/sync/peers/peers-store';
import { openStore } from '../../electron/core/platform/store/open-store';
import { tempDir } from '../helpers/temp-dir';

function plan(db: Database.Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('events_lost check', () => {
  it('uses the partial index, with 7,896 peers, and finds the one with the problem', () => {
    const db = openStore(tempDir());
    const ins = db.prepare(
      "INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at) VALUES ('municipality', ?, ?, 'RWQ', '0000000000000000', 'age1', 'f', '2026-11-26T08:00:00.000Z', 'confirmed', '2026-11-26T08:00:00.000Z')",
    );
    db.transaction(() => {
      for (let i = 0; i < 7896; i++) ins.run(String(100000 + i), `Comune ${i}`);
    })();
    db.prepare("UPDATE peers SET ack_problem = 'fork', ack_problem_detail = 'x' WHERE id = '100007'").run();
    db.exec('ANALYZE');
    expect(plan(db, EVENTS_LOST_SQL)).toMatch(/USING INDEX peers_ack_problem \(ack_problem=\?\)/);
    expect(eventsLostPeer(db)).toBeNull();
    db.prepare("UPDATE peers SET ack_problem = 'events_lost', ack_problem_detail = 'municipality 100042 acknowledged our event 12, our last event is 9' WHERE id = '100042'").run();
    expect(eventsLostPeer(db)).toMatchObject({ id: '100042', name: 'Comune 42', ackedSeq: 12 });
    db.close();
  });
});
