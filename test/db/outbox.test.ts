import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from '../../electron/core/format/bundle/chain';
import { appendEvent, eventLine, outboxHead } from '../../electron/core/sync/outbox/outbox';
import { verifyOutbox, verifyOutboxInParallel } from '../../electron/core/sync/outbox/verify-outbox';
import { openTestBackend } from '../helpers/backend';

const VECTORS = join(__dirname, '..', 'fixtures', 'vectors');

describe('the hash chain', () => {
  it('reproduces the chain values of the test vectors', () => {
    const lines = readFileSync(join(VECTORS, 'events-1-3.ndjson')).toString('utf8').split('\n').slice(0, 3);
    let h: Buffer = GENESIS_HASH;
    const hashes = lines.map((l) => (h = chainHash(h, Buffer.from(l, 'utf8'))).toString('hex'));
    expect(hashes).toEqual([
      '022d5767b084bbec7eb0cfb24e033ae81ee7c8c770490e74da76f54e6760ed12',
      '867470223d8ce1efa21307d40fc694fd58acf0d6385b12ecda1884da36e05770',
      '69e5eb546c8c968f16e3be63add380197cb8353ee0c8fb1b90113569b18cec0d',
    ]);
  });

  it('writes the envelope members in the format order, data only for put', () => {
    expect(eventLine(31, '2026-11-20T10:15:02.120Z', { kind: 'usage', op: 'put', id: 'a', data: { q: 1 } })).toBe(
      '{"seq":31,"at":"2026-11-20T10:15:02.120Z","kind":"usage","op":"put","id":"a","data":{"q":1}}',
    );
    expect(eventLine(32, '2026-11-20T10:16:40.004Z', { kind: 'usage', op: 'delete', id: 'a' })).toBe(
      '{"seq":32,"at":"2026-11-20T10:16:40.004Z","kind":"usage","op":"delete","id":"a"}',
    );
  });
});

describe('the outbox', () => {
  it('appends events with consecutive seq and a verifiable chain', () => {
    const { backend } = openTestBackend();
    const { ctx } = backend;
    ctx.db.transaction(() => {
      for (let i = 0; i < 5; i++) appendEvent(ctx, { kind: 'usage', op: 'put', id: `r${i}`, data: { n: i } });
      appendEvent(ctx, { kind: 'usage', op: 'delete', id: 'r0' });
    })();
    expect(outboxHead(ctx.db).seq).toBe(6);
    const v = verifyOutbox(ctx.db);
    expect(v).toMatchObject({ ok: true, events: 6, firstBroken: null });
    expect(v.lastHash).toBe(outboxHead(ctx.db).hash.toString('hex'));
  });

  it('refuses to append outside a transaction (the event must land with its change)', () => {
    const { backend } = openTestBackend();
    expect(() => appendEvent(backend.ctx, { kind: 'usage', op: 'delete', id: 'x' })).toThrow(/transaction/);
  });

  it('is append-only: updates and deletes are refused by the database', () => {
    const { backend } = openTestBackend();
    const { ctx } = backend;
    ctx.db.transaction(() => appendEvent(ctx, { kind: 'usage', op: 'delete', id: 'x' }))();
    expect(() => ctx.db.prepare("UPDATE outbox SET kind = 'x'").run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM outbox').run()).toThrow(/append-only/);
  });

  it('names the first broken seq when a stored line was altered behind its back', () => {
    const { backend } = openTestBackend();
    const { ctx } = backend;
    ctx.db.transaction(() => {
      for (let i = 0; i < 10; i++) appendEvent(ctx, { kind: 'usage', op: 'put', id: `r${i}`, data: { n: i } });
    })();
    // Someone edits the file directly, bypassing the app (and its triggers).
    ctx.db.exec('DROP TRIGGER outbox_no_update');
    ctx.db.prepare("UPDATE outbox SET line = CAST(replace(CAST(line AS TEXT), '\"n\":6', '\"n\":7') AS BLOB) WHERE seq = 7").run();
    expect(verifyOutbox(ctx.db)).toMatchObject({ ok: false, firstBroken: 7, events: 6 });
  });
});

describe('the outbox verification, other breaks', () => {
  it('names a stored hash that does not follow from its line', () => {
    const { backend } = openTestBackend();
    const { ctx } = backend;
    ctx.db.transaction(() => {
      for (let i = 0; i < 5; i++) appendEvent(ctx, { kind: 'usage', op: 'put', id: `r${i}`, data: { n: i } });
    })();
    ctx.db.exec('DROP TRIGGER outbox_no_update');
    ctx.db.prepare('UPDATE outbox SET hash = zeroblob(32) WHERE seq = 3').run();
    expect(verifyOutbox(ctx.db)).toMatchObject({ ok: false, firstBroken: 3, events: 2, reason: expect.stringMatching(/impronta/) });
  });

  it('names a missing event', () => {
    const { backend } = openTestBackend();
    const { ctx } = backend;
    ctx.db.transaction(() => {
      for (let i = 0; i < 5; i++) appendEvent(ctx, { kind: 'usage', op: 'put', id: `r${i}`, data: { n: i } });
    })();
    ctx.db.exec('DROP TRIGGER outbox_no_delete');
    ctx.db.prepare('DELETE FROM outbox WHERE seq = 4').run();
    expect(verifyOutbox(ctx.db)).toMatchObject({ ok: false, firstBroken: 4, events: 3, reason: "manca l'evento 4" });
  });

  // The fast path reads 4,096 rows per chunk: breaks on either side of a chunk boundary, deep
  // in a later chunk, and a raw newline smuggled into a line (the chunk separator) are named
  // exactly as the row-by-row path names them.
  function outboxOf(events: number) {
    const { backend } = openTestBackend();
    const { ctx } = backend;
    ctx.db.transaction(() => {
      for (let i = 0; i < events; i++) appendEvent(ctx, { kind: 'usage', op: 'put', id: `r${i}`, data: { n: i, note: 'x'.repeat(i % 50) } });
    })();
    ctx.db.exec('DROP TRIGGER outbox_no_update; DROP TRIGGER outbox_no_delete');
    return ctx.db;
  }

  it('verifies an outbox of several chunks to its last hash, on one core or two', async () => {
    const db = outboxOf(10_000);
    const expected = { ok: true, events: 10_000, firstBroken: null, lastHash: outboxHead(db).hash.toString('hex') };
    expect(verifyOutbox(db)).toMatchObject(expected);
    expect(await verifyOutboxInParallel(db, 1)).toMatchObject(expected);
  });

  it.each([1, 4096, 4097, 8193, 10_000])('on two cores names the same break as on one (altered line at seq %i)', async (seq) => {
    const db = outboxOf(10_000);
    db.prepare("UPDATE outbox SET line = CAST(replace(CAST(line AS TEXT), '\"n\":', '\"n\": ') AS BLOB) WHERE seq = ?").run(seq);
    const one = verifyOutbox(db);
    expect(one).toMatchObject({ ok: false, firstBroken: seq, events: seq - 1 });
    expect(await verifyOutboxInParallel(db, 1)).toEqual(one);
  });

  it.each([4096, 4097, 8500])('names an altered line at seq %i, around and beyond a chunk boundary', (seq) => {
    const db = outboxOf(9000);
    db.prepare("UPDATE outbox SET line = CAST(replace(CAST(line AS TEXT), '\"n\":', '\"n\": ') AS BLOB) WHERE seq = ?").run(seq);
    expect(verifyOutbox(db)).toMatchObject({ ok: false, firstBroken: seq, events: seq - 1 });
  });

  it('names a line with a raw newline in it, and a missing event at the start of a chunk', () => {
    const db = outboxOf(9000);
    db.prepare("UPDATE outbox SET line = CAST(replace(CAST(line AS TEXT), '\"note\":\"', '\"note\":\"' || char(10)) AS BLOB) WHERE seq = 5000").run();
    expect(verifyOutbox(db)).toMatchObject({ ok: false, firstBroken: 5000, events: 4999 });
    const db2 = outboxOf(9000);
    db2.prepare('DELETE FROM outbox WHERE seq = 4097').run();
    expect(verifyOutbox(db2)).toMatchObject({ ok: false, firstBroken: 4097, reason: "manca l'evento 4097" });
  });
});

describe('the outbox refuses an id another installation holds', () => {
  it('refuses a hub write whose derived id a member already sent, and writes nothing', async () => {
    const hub = openTestBackend();
    await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    const db = hub.backend.ctx.db;
    const member = db.prepare("SELECT record_id, line FROM outbox WHERE kind = 'member' ORDER BY seq LIMIT 1").get() as { record_id: string; line: Buffer };
    const istat = (JSON.parse(member.line.toString('utf8')) as { data: { istat: string } }).data.istat;
    // As a member's bundle would leave it, had it sent a record with that id first.
    db.prepare("INSERT INTO received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES (?, '041067', 1, 'usage', 1, 0)").run(member.record_id);
    const before = outboxHead(db);
    const r = await hub.call('members.update', { istat, population: 1234 });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_OWNERSHIP', params: { id: member.record_id, owner: '041067', kind: 'usage' } } });
    expect(outboxHead(db)).toEqual(before);
  });
});
