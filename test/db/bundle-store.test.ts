/** The bundle tables on a real SQLite file: hot queries use their intended index. */
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';

function plan(db: import('better-sqlite3').Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('bundle store query plans', () => {
  it('per-event lookups go by primary key, listings by their index', () => {
    const { backend } = openTestBackend();
    const db = backend.ctx.db;
    expect(plan(db, 'SELECT line, hash FROM inbox_events WHERE key = ?', 1)).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(plan(db, 'SELECT owner, kind, last_seq, deleted, peer_no FROM received_records WHERE id = ?', 'x')).toMatch(/USING PRIMARY KEY/);
    expect(plan(db, 'SELECT id FROM received_records WHERE owner = ? AND kind = ?', '041067', 'usage')).toMatch(/USING (COVERING )?INDEX received_records_by_owner/);
    expect(
      plan(
        db,
        `SELECT file_sha256 FROM received_bundles WHERE sender_kind = ? AND sender_id = ? AND outcome IN ('pending', 'kept') GROUP BY file_sha256`,
        'municipality',
        '041067',
      ),
    ).toMatch(/INDEX received_bundles_by_outcome/);
    expect(
      plan(db, 'UPDATE bundle_exports SET acknowledged = 1 WHERE recipient_kind = ? AND recipient_id = ? AND acknowledged = 0 AND last_seq <= ?', 'hub', 'CST-PU', 5),
    ).toMatch(/INDEX bundle_exports_by_recipient/);
    expect(plan(db, 'SELECT * FROM received_usage_monthly WHERE month = ?', '2026-10')).toMatch(/INDEX received_usage_monthly_by_month/);
  });

  it('received_records_data returns the data of the line at last_seq, null once deleted', () => {
    const { backend } = openTestBackend();
    const db = backend.ctx.db;
    db.prepare(
      "INSERT INTO peers (peer_no, kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at) VALUES (1, 'municipality', '041067', 'Urbino', 'k', 'K', 'a', 'f', 't', 'confirmed', 't')",
    ).run();
    const key = (seq: number) => 1099511627776 + seq;
    const ins = db.prepare('INSERT INTO inbox_events (key, peer_no, seq, line, hash) VALUES (?, 1, ?, ?, zeroblob(32))');
    ins.run(key(1), 1, Buffer.from('{"seq":1,"at":"x","kind":"usage","op":"put","id":"a","data":{"q":1}}'));
    ins.run(key(2), 2, Buffer.from('{"seq":2,"at":"x","kind":"usage","op":"put","id":"b","data":{"q":2}}'));
    ins.run(key(3), 3, Buffer.from('{"seq":3,"at":"x","kind":"usage","op":"delete","id":"b"}'));
    db.prepare("INSERT INTO received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES ('a', '041067', 1, 'usage', 1, 0), ('b', '041067', 1, 'usage', 3, 1)").run();
    expect(db.prepare('SELECT id, deleted, data FROM received_records_data ORDER BY id').all()).toEqual([
      { id: 'a', deleted: 0, data: '{"q":1}' },
      { id: 'b', deleted: 1, data: null },
    ]);
    expect(() => ins.run(key(4), 5, Buffer.from('{}'))).toThrow(/CHECK/);
  });
});
