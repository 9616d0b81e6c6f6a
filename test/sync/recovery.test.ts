/**
 * docs/design.md "Restores", end to end in one process: a municipality records and sends, its data
 * folder is replaced by an OLD copy, it learns from the hub's ack that events are missing,
 * refuses writes, gets the hub's recovery bundle, applies it, and carries on with no fork.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ourStreamNeedsRecovery } from '../../electron/core/sync/peers/peers-store';
import { tempDir } from '../helpers/temp-dir';
import type { TestBackend } from '../helpers/backend';
import { dumpDb } from './bundle-helpers';
import { hubToTown, openHub, openTown, townToHub } from './hub-helpers';
import { localRecords, refused, restoreBackup, syncedTownWithBackup, takeBackup } from './recovery-helpers';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** Records of every municipality kind, as a clerk makes them. */
async function recordLostWork(town: TestBackend, firstUsageId: string) {
  await town.must('usage.record', { service: 'PEC', date: '2026-11-10', quantity: '4', note: 'caselle uffici' });
  await town.must('usage.update', { id: firstUsageId, service: 'WIFI', date: '2026-11-02', quantity: '5' });
  const gone = await town.must('usage.record', { service: 'WIFI', date: '2026-11-11', quantity: '1' });
  await town.must('usage.delete', { id: gone.id });
  const anna = await town.must('staff.create', { role: 'Anagrafe', office: 'Demografici' });
  const course = await town.must('courses.create', { title: 'GDPR', startDate: '2026-10-01', endDate: '2026-10-01', hours: '3,5' });
  await town.must('participations.create', { staffId: anna.id, courseId: course.id, evaluation: 4 });
  const g = await town.must('groups.create', { name: 'Sicurezza', description: 'NIS2' });
  await town.must('groups.addMember', { groupId: g.id, staffId: anna.id, since: '2026-01-01' });
  await town.must('meetings.create', { groupId: g.id, date: '2026-10-02', hours: '2', topic: 'NIS2', attendees: [anna.id] });
  const p = await town.must('proposals.create', { title: 'Wi-Fi nelle frazioni', problem: 'Nessuna rete.', solution: 'Punti di accesso.', oneOffCents: 1_250_000 });
  await town.must('attachments.add', { proposalId: p.id, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') });
  await town.must('proposals.submit', { id: p.id });
}

/** Hub and Urbino; Urbino sends a first bundle, a backup is taken, more work is sent, then the folder is lost. */
async function restoredTown() {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  const first = await town.must('usage.record', { service: 'WIFI', date: '2026-11-02', quantity: '3' });
  await town.must('staff.create', { displayName: 'Mario Bianchi', role: 'Ragioneria' });
  await townToHub(town, hub);
  await hubToTown(hub, town, '041067');
  const backup = takeBackup(town);
  const oldHead = (await town.must('sync.status', {})).ourLastSeq;
  await recordLostWork(town, first.id);
  await townToHub(town, hub);
  const before = await localRecords(town);
  const lostHead = (await town.must('sync.status', {})).ourLastSeq;
  const restored = restoreBackup(town, backup, '2026-11-27T08:00:00.000Z');
  return { hub, town: restored, before, oldHead, lostHead };
}

describe('recovery after a restore from an old backup', () => {
  it('refuses writes once the hub says events are missing, recovers them from the hub, and continues without a fork', async () => {
    const { hub, town, before, oldHead, lostHead } = await restoredTown();
    expect(oldHead).toBeLessThan(lostHead);
    expect(await town.must('recovery.status', {})).toMatchObject({ needed: false, ourLastSeq: oldHead });

    // The hub's ordinary bundle: its ack is beyond our last event.
    const { res } = await hubToTown(hub, town, '041067');
    expect(res.warnings.join(' ')).toMatch(/ripristino da un backup vecchio/);
    const missing = lostHead - oldHead;
    expect(await town.must('recovery.status', {})).toEqual({ needed: true, hub: { id: 'CST-PU', name: 'CST Pesaro-Urbino' }, ourLastSeq: oldHead, hubAckedSeq: lostHead, missing });

    // Every write path goes through appendEvent: all refused, nothing written.
    const dump = dumpDb(town.backend.ctx.db);
    const msg = await refused(town, town.call('usage.record', { service: 'WIFI', date: '2026-11-20', quantity: '1' }), 'E_RECOVERY_NEEDED');
    expect(msg).toBe(
      `Questa installazione è stata ripristinata da una copia di sicurezza più vecchia: il consorzio (CST Pesaro-Urbino) ha già ${missing} eventi che qui mancano. Prima di registrare nuovi dati importare il pacchetto di recupero del consorzio.`,
    );
    const r = (await town.call('staff.create', { role: 'Tributi' })) as { ok: false; error: { params: Record<string, unknown> } };
    expect(r).toMatchObject({ ok: false, error: { code: 'E_RECOVERY_NEEDED', params: { hub: 'CST-PU', ourLastSeq: oldHead, hubAckedSeq: lostHead, missing } } });
    await refused(town, town.call('proposals.create', { title: 'Nuova' }), 'E_RECOVERY_NEEDED');
    await refused(town, town.call('groups.create', { name: 'Altro', description: '' }), 'E_RECOVERY_NEEDED');
    expect(dumpDb(town.backend.ctx.db)).toBe(dump);

    // The hub prepares the recovery bundle; the member applies it.
    const out = join(tempDir(), 'recupero.cstb');
    const exp = await hub.must('recovery.export', { for: '041067', out });
    expect(exp).toMatchObject({ member: '041067', copiedEvents: lostHead, path: out, fileName: 'recupero.cstb' });
    const applied = await town.must('recovery.apply', { path: out });
    expect(applied.recovered).toEqual({ first: oldHead + 1, last: lostHead });
    expect(applied.records).toMatchObject({ usage: 4, staff: 1, course: 1, participation: 1, local_group: 1, group_membership: 1, group_meeting: 1, proposal: 3 });
    expect(applied.message).toMatch(/^Recuperati \d+ eventi/);
    expect(applied.status).toMatchObject({ needed: false, ourLastSeq: lostHead, hubAckedSeq: lostHead, missing: 0 });
    expect(ourStreamNeedsRecovery(town.backend.ctx.db)).toBeNull();

    // The local records are what they were before the loss; the outbox is the same chain.
    expect(await localRecords(town)).toEqual(before);
    expect(await town.must('log.verify', {})).toMatchObject({ ok: true, events: lostHead });

    // New writes continue the stream; the hub applies them as the next events (no fork).
    const next = await town.must('usage.record', { service: 'PEC', date: '2026-11-21', quantity: '2' });
    const seq = town.backend.ctx.db.prepare('SELECT seq FROM outbox WHERE record_id = ? ORDER BY seq DESC').pluck().get(next.id);
    expect(seq).toBe(lostHead + 1);
    const { exp: sent, res: back } = await townToHub(town, hub);
    expect(sent.range).toEqual({ first: lostHead + 1, last: lostHead + 1 });
    expect(back).toMatchObject({ outcome: 'applied', eventsApplied: 1 });
    // And the hub's next reply finds nothing wrong with our stream.
    const again = await hubToTown(hub, town, '041067');
    expect(again.res.warnings).toEqual([]);
  });

  it('applies directly, even when the member had not yet learnt of the loss and its copy of the hub stream is older', async () => {
    const { hub, town, before, lostHead } = await restoredTown();
    // The hub moved on meanwhile: the member's restored copy of the hub stream is behind too.
    await hub.must('hub.services.save', { code: 'PAGOPA', nameIt: 'Pagamenti pagoPA', nameEn: 'pagoPA payments', category: 'citizens', unit: 'requests' });
    const exp = await hub.must('recovery.export', { for: '041067' });
    expect(exp.path).toBe('');
    expect(exp.fileName).toBe('cst-CST-PU-recupero-041067.cstb');
    const applied = await town.must('recovery.apply', { name: exp.fileName, contentBase64: exp.contentBase64! });
    expect(applied.import.outcome).toBe('applied');
    expect(applied.recovered?.last).toBe(lostHead);
    // The catalogue grew meanwhile (PAGOPA, a new empty row in the monthly table): the rest is as before.
    const after = await localRecords(town);
    expect({ ...after, monthly: { ...after.monthly, rows: after.monthly.rows.filter((r) => r.service !== 'PAGOPA') } }).toEqual(before);
    expect((await town.must('catalogue.list', {})).map((s) => s.code)).toContain('PAGOPA');
    expect(await town.must('log.verify', {})).toMatchObject({ ok: true, events: lostHead });
    // Applying it a second time changes nothing.
    const twice = await town.must('recovery.apply', { name: exp.fileName, contentBase64: exp.contentBase64! });
    expect(twice.recovered).toBeNull();
    expect(twice.message).toMatch(/Nessun evento da recuperare/);
  });

  it('refuses a copy that does not chain to the ack the hub signed, changing nothing', async () => {
    const { hub, town } = await restoredTown();
    await hubToTown(hub, town, '041067');
    // The hub's stored copy of one event was altered (its signed ack still says what it received).
    const db = hub.backend.ctx.db;
    const row = db.prepare("SELECT key, line FROM inbox_events WHERE CAST(line AS TEXT) LIKE '%\"kind\":\"usage\",\"op\":\"put\"%' ORDER BY key DESC LIMIT 1").get() as { key: number; line: Buffer };
    const altered = Buffer.from(row.line.toString('utf8').replace('"quantity_milli":', '"quantity_milli":9'));
    expect(altered.equals(row.line)).toBe(false);
    db.prepare('UPDATE inbox_events SET line = ? WHERE key = ?').run(altered, row.key);
    const exp = await hub.must('recovery.export', { for: '041067' });
    const dump = dumpDb(town.backend.ctx.db);
    const msg = await refused(town, town.call('recovery.apply', { name: exp.fileName, contentBase64: exp.contentBase64! }), 'E_CHAIN');
    expect(msg).toMatch(/non corrisponde a quella firmata dal consorzio/);
    // Only the import of the hub's ordinary events happened (received_bundles, the hub's records): our records and outbox are unchanged.
    const ours = (d: string) => d.split('\n# ').filter((t) => /^(outbox|usage|staff|proposals|peers)\n/.test(t));
    expect(ours(dumpDb(town.backend.ctx.db))).toEqual(ours(dump));
    expect((await town.must('recovery.status', {})).needed).toBe(true);
  });

  it('refuses a bundle whose bytes were altered on the way (the ordinary checks), changing nothing of ours', async () => {
    const { hub, town } = await restoredTown();
    const out = join(tempDir(), 'recupero.cstb');
    await hub.must('recovery.export', { for: '041067', out, plain: true });
    const bytes = readFileSync(out);
    // One byte in the middle of the file (inside an entry): the ZIP's CRC or the signed digests catch it.
    const i = Math.floor(bytes.length / 2);
    bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(out, bytes);
    const before = town.backend.ctx.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    const r = (await town.call('recovery.apply', { path: out })) as { ok: false; error: { code: string } };
    expect(r.ok).toBe(false);
    expect(['E_DIGEST', 'E_FORMAT']).toContain(r.error.code);
    expect(town.backend.ctx.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(before);
  });

  it('refuses a copy that contradicts our own events (a fork, not a loss), changing nothing', async () => {
    const { hub, town, oldHead } = await restoredTown();
    // Before learning of the loss, the restored member wrote: its event oldHead+1 is not the hub's.
    await town.must('usage.record', { service: 'WIFI', date: '2026-11-25', quantity: '7' });
    await hubToTown(hub, town, '041067');
    await refused(town, town.call('usage.record', { service: 'WIFI', date: '2026-11-25', quantity: '1' }), 'E_RECOVERY_NEEDED');
    const exp = await hub.must('recovery.export', { for: '041067' });
    const outbox = () => town.backend.ctx.db.prepare('SELECT seq, hash FROM outbox ORDER BY seq').all();
    const was = outbox();
    const msg = await refused(town, town.call('recovery.apply', { name: exp.fileName, contentBase64: exp.contentBase64! }), 'E_FORK');
    expect(msg).toMatch(new RegExp(`a partire dall'evento ${oldHead + 1}: non sono dati persi`));
    expect(outbox()).toEqual(was);
    expect((await town.must('recovery.status', {})).needed).toBe(true);
  });

  it('refuses a recovery bundle older than what the hub acknowledged (it would reopen writes too early), changing nothing', async () => {
    const { hub, town, backup } = await syncedTownWithBackup();
    await town.must('usage.record', { service: 'WIFI', date: '2026-11-03', quantity: '1' });
    await townToHub(town, hub);
    const old = await hub.must('recovery.export', { for: '041067' });
    await town.must('usage.record', { service: 'WIFI', date: '2026-11-04', quantity: '2' });
    await townToHub(town, hub);
    const lostHead = (await town.must('sync.status', {})).ourLastSeq;
    const restored = restoreBackup(town, backup, '2026-11-27T08:00:00.000Z');
    await hubToTown(hub, restored, '041067');
    expect((await restored.must('recovery.status', {})).hubAckedSeq).toBe(lostHead);
    const outbox = () => restored.backend.ctx.db.prepare('SELECT seq FROM outbox ORDER BY seq').pluck().all();
    const was = outbox();
    const msg = await refused(restored, restored.call('recovery.apply', { name: old.fileName, contentBase64: old.contentBase64! }), 'E_VALIDATION');
    expect(msg).toMatch(/più vecchio dei dati che il consorzio ha già confermato/);
    expect(outbox()).toEqual(was);
    // Its import did not lower what is known to be missing.
    expect(await restored.must('recovery.status', {})).toMatchObject({ needed: true, hubAckedSeq: lostHead });
    const fresh = await hub.must('recovery.export', { for: '041067' });
    expect((await restored.must('recovery.apply', { name: fresh.fileName, contentBase64: fresh.contentBase64! })).recovered?.last).toBe(lostHead);
  });

  it('the hub refuses to prepare a recovery bundle for a member it never heard from, and a member cannot prepare one', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await refused(hub, hub.call('recovery.export', { for: '041067' }), 'E_NOT_FOUND');
    await refused(hub, hub.call('recovery.export', { for: '041009' }), 'E_NOT_FOUND');
    await refused(town, town.call('recovery.export', { for: '041067' }), 'E_VALIDATION');
  });
});
