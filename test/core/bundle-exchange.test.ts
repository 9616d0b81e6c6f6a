/** A municipality and its hub, side by side, through the API (the worker verifies). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

async function pair(): Promise<{ hub: TestBackend; town: TestBackend }> {
  const hub = openTestBackend({ start: '2026-11-26T09:00:00.000Z' });
  const town = openTestBackend({ start: '2026-11-26T09:00:00.000Z' });
  await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
  await town.must('setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
  return { hub, town };
}

async function introduce(a: TestBackend, b: TestBackend, confirm = true): Promise<void> {
  const file = await a.must('identity.export', {});
  const peer = await b.must('identity.import', { contentBase64: file.contentBase64 });
  expect(peer.status).toBe('pending');
  if (confirm) await b.must('identity.confirm', { id: peer.id, fingerprint: peer.fingerprint.replaceAll(' ', '') });
}

async function recordUsage(t: TestBackend, n: number, day = 1): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await t.must('usage.record', { service: 'PROTOCOLLO', date: `2026-10-${String(day + (i % 20)).padStart(2, '0')}`, quantity: String(10 + i) });
  }
}

describe('bundle exchange between a municipality and its hub', () => {
  it('exports encrypted to the hub, the hub imports, acknowledges, and the export is marked acknowledged', async () => {
    const { hub, town } = await pair();
    await introduce(town, hub);
    await introduce(hub, town);
    await recordUsage(town, 5);
    const dir = tempDir();
    const [exp] = await town.must('bundle.export', { dir });
    expect(exp).toMatchObject({ recipient: { kind: 'hub', id: 'CST-PU' }, range: { first: 1, last: 5 }, events: 5, encrypted: true });
    expect(readFileSync(exp!.path).subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    expect(readdirSync(dir)).toEqual([exp!.fileName]);

    const [res] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'applied', code: null, eventsApplied: 5, sender: { kind: 'municipality', id: '041067' } });
    const archived = join(hub.dataDir, 'inbox', 'archive', `${res!.sha256}.cstb`);
    expect(readFileSync(archived).equals(readFileSync(exp!.path))).toBe(true);
    const totals = hub.backend.ctx.db.prepare('SELECT owner, service, month, quantity_milli, entries FROM received_usage_monthly').all();
    expect(totals).toEqual([{ owner: '041067', service: 'PROTOCOLLO', month: '2026-10', quantity_milli: (10 + 11 + 12 + 13 + 14) * 1000, entries: 5 }]);

    // The hub answers with its own events (if any) and its ack of Urbino's stream.
    const hubEvents = hub.backend.ctx.db.prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number;
    const [back] = await hub.must('bundle.export', { dir: tempDir(), for: '041067' });
    expect(back).toMatchObject({ range: { first: 1, last: hubEvents }, events: hubEvents });
    const [ackRes] = await town.must('bundle.import', { files: [{ path: back!.path }] });
    expect(ackRes).toMatchObject({ outcome: 'applied', eventsApplied: hubEvents, warnings: [] });
    const history = await town.must('bundle.history', {});
    expect(history.exports[0]).toMatchObject({ acknowledged: true, range: { first: 1, last: 5 } });

    // Next export starts after what the hub acknowledged; --all starts at 1.
    await recordUsage(town, 2, 21);
    const [next] = await town.must('bundle.export', { dir: tempDir() });
    expect(next!.range).toEqual({ first: 6, last: 7 });
    const [all] = await town.must('bundle.export', { dir: tempDir(), all: true });
    expect(all!.range).toEqual({ first: 1, last: 7 });
    const r = await hub.must('bundle.import', { files: [{ path: all!.path }, { path: next!.path }] });
    expect(r.map((x) => x.outcome)).toEqual(['applied', 'duplicate']);
    expect(r[0]!.eventsApplied).toBe(2);
  });

  it('keeps a bundle from a pending member (E_UNKNOWN_SENDER) and applies it on confirmation', async () => {
    const { hub, town } = await pair();
    await introduce(town, hub, false);
    await introduce(hub, town, false);
    await recordUsage(town, 3);
    const [exp] = await town.must('bundle.export', { dir: tempDir(), plain: true });
    const [kept] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(kept).toMatchObject({ outcome: 'kept', code: 'E_UNKNOWN_SENDER' });
    expect(await hub.must('bundle.pending', {})).toHaveLength(1);
    const wrong = await hub.call('identity.confirm', { id: '041067', fingerprint: '00000 00000 00000 00000 00000 00000' });
    expect(wrong.ok).toBe(false);
    const peers = await hub.must('peers.list', {});
    const confirmed = await hub.must('identity.confirm', { id: '041067', fingerprint: peers[0]!.fingerprint });
    expect(confirmed.peer.status).toBe('confirmed');
    expect(confirmed.applied.map((x) => x.outcome)).toEqual(['applied']);
    expect(await hub.must('bundle.pending', {})).toHaveLength(0);
    const members = await hub.must('members.list', {});
    expect(members.find((m) => m.istat === '041067')?.status).toBe('confirmed');
  });

  it('a bundle arriving before the earlier one waits (pending, names the gap) and applies when the gap is filled', async () => {
    const { hub, town } = await pair();
    await introduce(town, hub);
    await introduce(hub, town);
    await recordUsage(town, 3);
    const [first] = await town.must('bundle.export', { dir: tempDir() });
    await recordUsage(town, 2, 10);
    // Pretend the hub acknowledged 1..3 so the next export starts at 4.
    town.backend.ctx.db.prepare("UPDATE peers SET acked_seq = 3 WHERE kind = 'hub'").run();
    const [second] = await town.must('bundle.export', { dir: tempDir() });
    expect(second!.range).toEqual({ first: 4, last: 5 });
    const [p] = await hub.must('bundle.import', { files: [{ path: second!.path }] });
    expect(p).toMatchObject({ outcome: 'pending', code: null });
    expect(p!.message).toMatch(/mancano gli eventi 1–3/);
    const pend = await hub.must('bundle.pending', {});
    expect(pend[0]).toMatchObject({ outcome: 'pending', missing: { first: 1, last: 3 } });
    const [a] = await hub.must('bundle.import', { files: [{ path: first!.path }] });
    expect(a!.outcome).toBe('applied');
    expect(a!.alsoApplied.map((x) => [x.outcome, x.range])).toEqual([['applied', { first: 4, last: 5 }]]);
    expect((await hub.must('peers.list', {}))[0]!.appliedSeq).toBe(5);
  });

  it('refuses identities of the same role, and members not in the registry', async () => {
    const { hub, town } = await pair();
    const other = openTestBackend();
    await other.must('setup.municipality', { istat: '041044', operator: 'X' });
    const f = await other.must('identity.export', {});
    const r = await town.call('identity.import', { contentBase64: f.contentBase64 });
    expect(r.ok).toBe(false);
    const lonely = openTestBackend();
    await lonely.must('setup.municipality', { istat: '001001', operator: 'Y' });
    const g = await lonely.must('identity.export', {});
    const r2 = await hub.call('identity.import', { contentBase64: g.contentBase64 });
    expect(r2).toMatchObject({ ok: false, error: { code: 'E_NOT_FOUND' } });
    const bad = await hub.call('identity.import', { contentBase64: Buffer.from('not a zip').toString('base64') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'E_FORMAT' } });
    expect(existsSync(join(hub.dataDir, 'inbox'))).toBe(false);
  });
});

describe('bundle exchange: attachments and the hub\'s all-members export', () => {
  it('carries a proposal attachment as files/<sha256>; the hub stores it by hash', async () => {
    const { hub, town } = await pair();
    await introduce(town, hub);
    await introduce(hub, town);
    const proposal = await town.must('proposals.create', { title: 'Rete Wi-Fi comunale' });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await town.must('attachments.add', { proposalId: proposal.id, name: 'preventivo.pdf', type: 'application/pdf', contentBase64: pdf.toString('base64') });
    const [exp] = await town.must('bundle.export', { dir: tempDir() });
    const [res] = await hub.must('bundle.import', { files: [{ path: exp!.path }] });
    expect(res).toMatchObject({ outcome: 'applied' });
    const sha = (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex');
    expect(readFileSync(join(hub.dataDir, 'attachments', sha)).equals(pdf)).toBe(true);
    const insp = await hub.must('bundle.inspect', { path: exp!.path });
    expect(insp.manifest?.files).toBe(1);
  });

  it('exports one bundle per confirmed member, each readable only by its member', async () => {
    const hub = openTestBackend();
    await hub.must('setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU' });
    const towns: TestBackend[] = [];
    for (const istat of ['041067', '041044']) {
      const t = openTestBackend();
      await t.must('setup.municipality', { istat, operator: 'Op' });
      await introduce(t, hub);
      await introduce(hub, t);
      towns.push(t);
    }
    const dir = tempDir();
    const out = await hub.must('bundle.export', { dir, allMembers: true });
    expect(out.map((o) => o.recipient.id).sort()).toEqual(['041044', '041067']);
    expect(readdirSync(dir).sort()).toEqual(out.map((o) => o.fileName).sort());
    const mine = out.find((o) => o.recipient.id === '041067')!;
    const theirs = out.find((o) => o.recipient.id === '041044')!;
    const [ok] = await towns[0]!.must('bundle.import', { files: [{ path: mine.path }] });
    expect(ok!.outcome).toBe('applied');
    const [no] = await towns[0]!.must('bundle.import', { files: [{ path: theirs.path }] });
    expect(no!.code).toBe('E_DECRYPT');
    const refused = await towns[0]!.call('bundle.export', { dir, allMembers: true });
    expect(refused.ok).toBe(false);
  });
});
