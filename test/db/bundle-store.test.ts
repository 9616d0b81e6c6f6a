/** The bundle tables on a real SQLite file: hot queries use their intended index. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/platform/store/migrations/index';
import { openStore } from '../../electron/core/platform/store/open-store';
import { openTestBackend } from '../helpers/backend';
import { databaseAtVersion } from '../helpers/old-database';

function plan(db: import('better-sqlite3').Database, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
}

describe('bundle store query plans', () => {
  it('per-event lookups go by primary key, listings by their index', () => {
    const { backend } = openTestBackend();
    const db = backend.ctx.db;
    expect(plan(db, 'SELECT line, hash FROM inbox_events WHERE key = ?', 1)).toMatch(/USING INTEGER PRIMARY KEY/);
    expect(plan(db, 'SELECT owner, kind, last_seq, deleted, peer_no FROM received_records WHERE id = ?', 'x')).toMatch(/USING PRIMARY KEY/);
    // The one listing by kind (report-service): a partial index holding only those rows, so a
    // million usage records add nothing to it (migration 011).
    expect(plan(db, "SELECT owner, count(*) AS n FROM received_records WHERE kind = 'group_membership' AND deleted = 0 GROUP BY owner")).toMatch(
      /USING (COVERING )?INDEX received_memberships/,
    );
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
    const ins = db.prepare('INSERT INTO inbox_events (key, line, hash) VALUES (?, ?, zeroblob(32))');
    ins.run(key(1), Buffer.from('{"seq":1,"at":"x","kind":"usage","op":"put","id":"a","data":{"q":1}}'));
    ins.run(key(2), Buffer.from('{"seq":2,"at":"x","kind":"usage","op":"put","id":"b","data":{"q":2}}'));
    ins.run(key(3), Buffer.from('{"seq":3,"at":"x","kind":"usage","op":"delete","id":"b"}'));
    db.prepare("INSERT INTO received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES ('a', '041067', 1, 'usage', 1, 0), ('b', '041067', 1, 'usage', 3, 1)").run();
    expect(db.prepare('SELECT id, deleted, data FROM received_records_data ORDER BY id').all()).toEqual([
      { id: 'a', deleted: 0, data: '{"q":1}' },
      { id: 'b', deleted: 1, data: null },
    ]);
    // peer_no and seq are computed from the key, never stored twice (migration 011).
    expect(db.prepare('SELECT peer_no, seq FROM inbox_events WHERE key = ?').get(key(3))).toEqual({ peer_no: 1, seq: 3 });
    expect(() => db.prepare('INSERT INTO inbox_events (key, peer_no, seq, line, hash) VALUES (?, 1, 4, x\'7b7d\', zeroblob(32))').run(key(4))).toThrow(/generated column/);
  });
});

describe('migration 011 (lean inbox)', () => {
  it('keeps every stored line of a version-10 database, byte for byte, and its records readable', () => {
    const line = (seq: number, id: string) => Buffer.from(`{"seq":${seq},"at":"x","kind":"group_membership","op":"put","id":"${id}","data":{"n":${seq}}}`);
    const hash = (seq: number) => Buffer.alloc(32, seq);
    const dir = databaseAtVersion(10, (raw) => {
      raw
        .prepare(
          "INSERT INTO peers (peer_no, kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at) VALUES (3, 'municipality', '041067', 'Urbino', 'k', 'K', 'a', 'f', 't', 'confirmed', 't')",
        )
        .run();
      const old = raw.prepare('INSERT INTO inbox_events (key, peer_no, seq, line, hash) VALUES (?, 3, ?, ?, ?)');
      for (const seq of [1, 2]) old.run(3 * 1099511627776 + seq, seq, line(seq, `m${seq}`), hash(seq));
      raw.prepare("INSERT INTO received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES ('m1', '041067', 3, 'group_membership', 1, 0), ('m2', '041067', 3, 'group_membership', 2, 0)").run();
    });

    const db = openStore(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.prepare('SELECT key, peer_no, seq, line, hash FROM inbox_events ORDER BY key').all()).toEqual(
      [1, 2].map((seq) => ({ key: 3 * 1099511627776 + seq, peer_no: 3, seq, line: line(seq, `m${seq}`), hash: hash(seq) })),
    );
    expect(db.prepare('SELECT id, data FROM received_records_data ORDER BY id').all()).toEqual([
      { id: 'm1', data: '{"n":1}' },
      { id: 'm2', data: '{"n":2}' },
    ]);
    expect(db.prepare("SELECT owner, count(*) AS n FROM received_records WHERE kind = 'group_membership' AND deleted = 0 GROUP BY owner").all()).toEqual([{ owner: '041067', n: 2 }]);
    db.close();
  });
});
