/**
 * A record's identity is (owner, id) and ids are unique across installations (docs/bundle-format.md
 * step 12). Both directions between our own records and received ones, on real SQLite files:
 * - a member's event whose id is one of the hub's own records is refused whole (E_OWNERSHIP,
 *   naming the line), and the same on a municipality for a hub event carrying one of its ids;
 * - the hub saving a record whose derived id a member's received record already holds is
 *   refused with an Italian message (code and params), nothing written.
 */
import { describe, expect, it } from 'vitest';
import { derivedRecordId } from '../../electron/core/hub/records/hub-ids';
import { ownIdsFor } from '../../electron/core/sync/inbox/own-ids';
import { appendEvent } from '../../electron/core/sync/outbox/outbox';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { uuid, usageData } from './bundle-craft';
import { dumpDb } from './bundle-helpers';
import { openHub, openTown, townToHub } from './hub-helpers';

describe('record ids: our own records against received ones', () => {
  it("a member's event with the id of one of the hub's own records is E_OWNERSHIP, naming the line; nothing applied", async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const pec = (await hub.must('hub.services.list', {})).find((s) => s.code === 'PEC')!;
    // A tampered municipality: a usage entry, then one reusing the hub's PEC service id.
    const ctx = town.backend.ctx;
    ctx.db.transaction(() => {
      appendEvent(ctx, { kind: 'usage', op: 'put', id: uuid(0xa1), data: usageData() });
      appendEvent(ctx, { kind: 'usage', op: 'put', id: pec.id, data: usageData({ quantity_milli: 2000 }) });
    })();
    const before = dumpDb(hub.backend.ctx.db).replace(/# received_bundles[^#]*/, '');
    const [exp] = await town.must('bundle.export', { dir: tempDir() });
    const [res] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'refused', code: 'E_OWNERSHIP', eventsApplied: 0 });
    expect(res!.message).toMatch(/riga 2\b/);
    expect(res!.detail).toContain(`record ${pec.id} is one of this installation's own records`);
    expect(dumpDb(hub.backend.ctx.db).replace(/# received_bundles[^#]*/, '')).toBe(before);
    // The hub's service is untouched and still its own.
    expect((await hub.must('hub.services.list', {})).find((s) => s.id === pec.id)).toEqual(pec);
  });

  it("a hub event with the id of one of the member's own records is E_OWNERSHIP on the member", async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-11-02', quantity: '3' });
    const ours = town.backend.ctx.db.prepare("SELECT record_id FROM outbox WHERE kind = 'usage'").pluck().get() as string;
    // A tampered hub: a thematic group whose id is the member's usage entry.
    const hctx = hub.backend.ctx;
    hctx.db.transaction(() => {
      appendEvent(hctx, { kind: 'thematic_group', op: 'put', id: ours, data: { name: 'Gruppo', description: '', coordinator: null, active: true, updated_by: 'Ufficio CST' } });
    })();
    const [exp] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    const [res] = await town.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'refused', code: 'E_OWNERSHIP', eventsApplied: 0 });
    expect(res!.detail).toContain(`record ${ours} is one of this installation's own records`);
    expect(res!.message).toMatch(new RegExp(`riga ${exp!.range.last - exp!.range.first + 1}\\b`));
    expect(town.backend.ctx.db.prepare('SELECT count(*) FROM received_records').pluck().get()).toBe(0);
  });

  it('own ids: the loaded set and the per-id probe of a large outbox give the same answers', () => {
    const t = openTestBackend();
    const db = t.backend.ctx.db;
    const insert = db.prepare("INSERT INTO outbox (seq, at, kind, op, record_id, line, hash) VALUES (?, '2026-01-01T00:00:00.000Z', ?, 'put', ?, x'7b7d', zeroblob(32))");
    db.transaction(() => {
      for (let seq = 1; seq <= 10_050; seq += 1) insert.run(seq, seq % 2 ? 'usage' : 'staff', uuid(seq % 10_000));
    })();
    const probe = ownIdsFor(db, 1); // 10,050 own events against 1 incoming: probed
    const set = ownIdsFor(db, 100_000); // loaded
    for (const id of [uuid(0), uuid(1), uuid(9_999), uuid(10_000), uuid(123_456), 'x']) expect(probe.has(id), id).toBe(set.has(id));
    expect(set.has(uuid(9_999))).toBe(true);
    expect(set.has(uuid(10_000))).toBe(false);
  });

  it("the hub saving a service whose derived id a member's record already holds is refused in Italian, nothing written", async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    // The member computes the id the hub's future service NUOVO will get, and uses it first.
    const taken = derivedRecordId('CST-PU', 'service', 'NUOVO');
    const ctx = town.backend.ctx;
    ctx.db.transaction(() => appendEvent(ctx, { kind: 'usage', op: 'put', id: taken, data: usageData() }))();
    const { res } = await townToHub(town, hub);
    expect(res.outcome).toBe('applied');
    const outboxBefore = hub.backend.ctx.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    const r = await hub.call('hub.services.save', { code: 'NUOVO', nameIt: 'Nuovo servizio', nameEn: 'New service', category: 'web', unit: 'sites' });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_OWNERSHIP', field: 'code', params: { id: taken, owner: '041067', kind: 'usage' } } });
    expect(!r.ok && r.error.message).toMatch(/^Il servizio NUOVO non si può salvare: .*socio Urbino \(041067\)/);
    expect(hub.backend.ctx.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(outboxBefore);
    expect((await hub.must('hub.services.list', {})).some((s) => s.code === 'NUOVO')).toBe(false);
    // Another code is still fine.
    await hub.must('hub.services.save', { code: 'ALTRO', nameIt: 'Altro', nameEn: 'Other', category: 'web', unit: 'sites' });
  });
});
