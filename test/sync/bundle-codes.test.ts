/** Every outcome code of docs/bundle-format.md, each provoked by a real file, in the reader's order. */
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FORMAT_LIMITS } from '../../electron/core/format/bundle/limits';
import { ageEncrypt } from '../../electron/core/format/crypto/age';
import { importBundles, type ImportOptions } from '../../electron/core/sync/inbox/import';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { createWorkerVerifier, inlineVerifier, type BundleVerifier } from '../../electron/core/format/worker/verifier';
import { findRecordKind } from '../../shared/records/kinds';
import type { RecordKind } from '../../shared/records/registry';
import { rawZip } from '../unit/container-fixtures';
import type { TestBackend } from '../helpers/backend';
import { addMember, dumpDb, vectorFile, vectorHub } from './bundle-helpers';
import { chain, craft, H0, identityFileOf, line, newParty, usageData, uuid, vectorParty, type CraftOptions, type Party } from './bundle-craft';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';

const urbino = vectorParty('urbino');
const hubParty = vectorParty('hub');
const HUB = { kind: 'hub' as const, id: 'CST-PU', ageRecipient: hubParty.ageRecipient };

/** A hub-owned kind, declared for these tests only (the hub's kinds land with later work). */
const hubOnly: RecordKind = { kind: 'hub_note', owner: 'hub', schema: z.object({ t: z.string() }).strict(), description: 'test' };
const kinds = (k: string) => (k === 'hub_note' ? hubOnly : findRecordKind(k));

function enrol(t: TestBackend, p: Party): void {
  addMember(t.backend.ctx.db, p.id, p.name);
  importIdentity(t.backend.ctx, identityFileOf(p));
  confirmIdentity(t.backend.ctx, p.id, fingerprint(p.signingKey, p.ageRecipient));
}

async function imp(t: TestBackend, bytes: Buffer, opts: Partial<ImportOptions> = {}) {
  const [r] = await importBundles(t.backend.ctx, [{ name: 'x.cstb', bytes }], { verifier: active, kinds, ...opts });
  return r!;
}

const u1 = line(1, 'usage', 'put', uuid(1), usageData());
const u2 = line(2, 'usage', 'put', uuid(2), usageData({ quantity_milli: 5000 }));
const u3 = line(3, 'usage', 'delete', uuid(1));
const base = (over: Partial<CraftOptions> = {}): CraftOptions => ({ from: urbino, to: HUB, lines: [u1, u2, u3], firstSeq: 1, ...over });

let active: BundleVerifier = inlineVerifier;

/** Both paths: verify then apply (inline), and apply while the worker streams verified lines. */
describe.each([
  ['inline', () => inlineVerifier],
  ['worker, streaming', () => createWorkerVerifier()],
] as const)('outcome codes (%s)', (_mode, make) => {
  beforeAll(() => {
    active = make();
  });
  afterAll(async () => {
    await active.close();
    active = inlineVerifier;
  });

  it('applied, duplicate, pending (and the kept E_UNKNOWN_SENDER) with real usage records', async () => {
    const t = vectorHub();
    const stranger = newParty('municipality', '041044', 'Pesaro');
    expect(await imp(t, craft({ ...base(), from: stranger }))).toMatchObject({ outcome: 'kept', code: 'E_UNKNOWN_SENDER' });
    const later = craft(base({ lines: [line(4, 'usage', 'put', uuid(4), usageData())], firstSeq: 4, ...prevOf([u1, u2, u3]) }));
    expect(await imp(t, later)).toMatchObject({ outcome: 'pending', code: null });
    const a = await imp(t, craft(base({ encrypt: true })));
    expect(a).toMatchObject({ outcome: 'applied', eventsApplied: 3 });
    expect(a.alsoApplied).toHaveLength(1);
    expect(await imp(t, craft(base()))).toMatchObject({ outcome: 'duplicate' });
    const rows = t.backend.ctx.db.prepare('SELECT owner, service, month, quantity_milli, entries FROM received_usage_monthly').all();
    expect(rows).toEqual([{ owner: '041067', service: 'PEC', month: '2026-10', quantity_milli: 8000, entries: 2 }]);
  });

  it('E_LIMIT: file size, declared sizes, line length, count, attachments', async () => {
    const t = vectorHub();
    const ok = craft(base());
    expect((await imp(t, ok, { limits: { ...FORMAT_LIMITS, fileBytes: 100 } })).code).toBe('E_LIMIT');
    expect((await imp(t, ok, { limits: { ...FORMAT_LIMITS, lineBytes: 100 } })).detail).toMatch(/passo 9: line 1/);
    expect((await imp(t, ok, { limits: { ...FORMAT_LIMITS, events: 2 } })).detail).toMatch(/passo 4/);
    expect((await imp(t, ok, { limits: { ...FORMAT_LIMITS, totalInflatedBytes: 500 } })).detail).toMatch(/passo 3/);
    const withFiles = craft(base({ files: [{ data: Buffer.from('a') }, { data: Buffer.from('b') }] }));
    const r = await imp(t, withFiles, { limits: { ...FORMAT_LIMITS, attachments: 1 } });
    expect([r.code, r.detail]).toEqual(['E_LIMIT', expect.stringMatching(/passo 3/)]);
  });

  it('E_FORMAT: not a bundle, truncated age, CRLF, invalid UTF-8, duplicate keys, zip bomb, duplicate entries, traversal, missing entry', async () => {
    const t = vectorHub();
    const before = dumpDb(t.backend.ctx.db).replace(/# received_bundles[^#]*/, '');
    const cases: Buffer[] = [
      Buffer.from('hello, not a bundle'),
      craft(base({ encrypt: true })).subarray(0, 400),
      craft(base({ lines: [Buffer.concat([u1, Buffer.from('\r')]), u2, u3] })),
      craft(base({ manifestText: (s) => s.replace('"schema":1,', '"schema":1,"schema":1,') })),
      rawZip([
        { name: 'manifest.json', data: Buffer.from('{}') },
        { name: 'events.ndjson', data: Buffer.alloc(10), rawBody: deflateRawSync(Buffer.alloc(10_000_000)), size: 10 },
        { name: 'manifest.json.minisig', data: Buffer.from('x') },
      ]),
      rawZip([
        { name: 'manifest.json', data: Buffer.from('{}') },
        { name: 'manifest.json', data: Buffer.from('{}') },
      ]),
      vectorFile('invalid/E_FORMAT__path-traversal-entry.cstb'),
      rawZip([{ name: 'manifest.json', data: Buffer.from('{}') }, { name: 'manifest.json.minisig', data: Buffer.from('x') }]),
    ];
    for (const c of cases) expect((await imp(t, c)).code).toBe('E_FORMAT');
    // Invalid UTF-8 inside an event line, signed properly: refused at step 9.
    const bad = Buffer.concat([Buffer.from('{"seq":1,"at":"2026-11-20T10:00:01.000Z","kind":"usage","op":"delete","id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const r = await imp(t, craft(base({ lines: [bad] })));
    expect([r.code, r.detail]).toEqual(['E_FORMAT', expect.stringMatching(/passo 9/)]);
    const dupKey = Buffer.from('{"seq":1,"at":"2026-11-20T10:00:01.000Z","kind":"usage","op":"delete","id":"a","id":"b"}');
    expect((await imp(t, craft(base({ lines: [dupKey] })))).code).toBe('E_FORMAT');
    expect(dumpDb(t.backend.ctx.db).replace(/# received_bundles[^#]*/, '')).toBe(before);
  });

  it('E_DECRYPT, E_RECIPIENT, E_VERSION (naming the sender version)', async () => {
    const t = vectorHub();
    const other = newParty('hub', 'CST-AN', 'Ancona');
    expect((await imp(t, ageEncrypt(craft(base()), [other.ageRecipient]))).code).toBe('E_DECRYPT');
    expect((await imp(t, craft(base({ to: { kind: 'hub', id: 'CST-AN' } })))).code).toBe('E_RECIPIENT');
    const v = await imp(t, craft(base({ manifest: (m) => ({ ...m, version: 2 }) })));
    expect(v.code).toBe('E_VERSION');
    expect(v.message).toMatch(/9\.9\.9/);
    expect((await imp(t, craft(base({ manifest: (m) => ({ ...m, schema: 7, extra: true }) })))).code).toBe('E_VERSION');
    expect((await imp(t, craft(base({ manifest: (m) => ({ ...m, extra: true }) })))).code).toBe('E_FORMAT');
  });

  it('E_SIGNATURE: another enrolled member re-signs, wrong trusted comment, legacy algorithm', async () => {
    const t = vectorHub();
    const pesaro = newParty('municipality', '041044', 'Pesaro');
    enrol(t, pesaro);
    expect((await imp(t, craft(base({ signer: pesaro.key })))).code).toBe('E_SIGNATURE');
    expect((await imp(t, craft(base({ manifest: (m) => ({ ...m, key_id: pesaro.keyId }), signer: pesaro.key })))).code).toBe('E_SIGNATURE');
    expect((await imp(t, craft(base({ trustedComment: 'cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=4' })))).code).toBe('E_SIGNATURE');
    expect((await imp(t, vectorFile('invalid/E_SIGNATURE__legacy-Ed-algorithm.cstb'))).code).toBe('E_SIGNATURE');
  });

  it('E_DIGEST: events changed, attachment missing, unlisted or altered', async () => {
    const t = vectorHub();
    expect((await imp(t, craft(base({ eventsBytes: Buffer.from(`${u1}\n${u2}\n${u2}\n`) })))).code).toBe('E_DIGEST');
    expect((await imp(t, craft(base({ files: [{ data: Buffer.from('x'), present: false }] })))).code).toBe('E_DIGEST');
    expect((await imp(t, craft(base({ files: [{ data: Buffer.from('x'), listed: false }] })))).code).toBe('E_DIGEST');
    const liar = craft(base({ files: [{ data: Buffer.from('x') }], extraEntries: [{ name: `files/${'ab'.repeat(32)}`, data: Buffer.from('y') }] }));
    expect((await imp(t, liar)).code).toBe('E_DIGEST');
  });

  it('E_CHAIN: prev_hash not h(0) at seq 1, a gap in seq, last_hash wrong', async () => {
    const t = vectorHub();
    expect((await imp(t, craft(base({ prevHash: 'ab'.repeat(32) })))).code).toBe('E_CHAIN');
    expect((await imp(t, craft(base({ lines: [u1, u3] })))).code).toBe('E_CHAIN');
    expect((await imp(t, craft(base({ manifest: (m) => ({ ...m, events: { ...(m.events as object), last_hash: H0 } }) })))).code).toBe('E_CHAIN');
  });

  it('E_FORK: a different version of an applied event; nothing applied, both versions kept', async () => {
    const t = vectorHub();
    expect((await imp(t, craft(base()))).outcome).toBe('applied');
    const before = dumpDb(t.backend.ctx.db).replace(/# received_bundles[^#]*/, '');
    const other2 = line(2, 'usage', 'put', uuid(2), usageData({ quantity_milli: 9999 }));
    const u4 = line(4, 'usage', 'put', uuid(4), usageData());
    const r = await imp(t, craft(base({ lines: [u1, other2, u3, u4] })));
    expect([r.code, r.message]).toEqual(['E_FORK', expect.stringMatching(/dall'evento 2/)]);
    const forks = t.backend.ctx.db.prepare('SELECT seq, stored_line, received_line FROM bundle_forks').all() as { seq: number; stored_line: Buffer; received_line: Buffer }[];
    expect(forks[0]!.seq).toBe(2);
    expect(forks[0]!.stored_line.equals(u2)).toBe(true);
    expect(forks[0]!.received_line.equals(other2)).toBe(true);
    expect(dumpDb(t.backend.ctx.db).replace(/# received_bundles[^#]*/, '').replace(/# bundle_forks[^#]*/, '')).toBe(before.replace(/# bundle_forks[^#]*/, ''));
    // A fork on prev_hash alone.
    const r2 = await imp(t, craft({ from: urbino, to: HUB, lines: [u4], firstSeq: 4, prevHash: 'cd'.repeat(32) }));
    expect(r2.code).toBe('E_FORK');
  });

  it('E_OWNERSHIP: a hub kind from a municipality, a record id of another member; E_RECORD: bad data (names line and field), unknown kind', async () => {
    const t = vectorHub();
    const pesaro = newParty('municipality', '041044', 'Pesaro');
    enrol(t, pesaro);
    const o1 = await imp(t, craft(base({ lines: [u1, line(2, 'hub_note', 'put', uuid(9), { t: 'x' })] })));
    expect([o1.code, o1.message]).toEqual(['E_OWNERSHIP', expect.stringMatching(/riga 2/)]);
    expect((await imp(t, craft(base()))).outcome).toBe('applied');
    const steal = craft({ from: pesaro, to: HUB, lines: [line(1, 'usage', 'put', uuid(2), usageData())], firstSeq: 1 });
    expect((await imp(t, steal)).code).toBe('E_OWNERSHIP');
    const badData = craft({ from: pesaro, to: HUB, lines: [line(1, 'usage', 'put', uuid(20), usageData()), line(2, 'usage', 'put', uuid(21), usageData({ quantity_milli: -5 }))], firstSeq: 1 });
    const r = await imp(t, badData);
    expect(r.code).toBe('E_RECORD');
    expect(r.message).toMatch(/riga 2, campo «quantity_milli»/);
    expect(t.backend.ctx.db.prepare("SELECT COUNT(*) FROM inbox_events e JOIN peers p USING (peer_no) WHERE p.id = '041044'").pluck().get()).toBe(0);
    const unknown = craft({ from: pesaro, to: HUB, lines: [line(1, 'spaceship', 'put', uuid(30), { a: 1 })], firstSeq: 1 });
    expect((await imp(t, unknown)).code).toBe('E_RECORD');
  });

  it('earlier steps win over what applying found, and a late bad line leaves nothing applied', async () => {
    const t = vectorHub();
    const before = dumpDb(t.backend.ctx.db).replace(/# received_bundles[^#]*/, '');
    const badRecord = line(1, 'usage', 'put', uuid(50), usageData({ quantity_milli: -1 }));
    const tampered = Buffer.concat([badRecord, Buffer.from('\n'), u2, Buffer.from('\n'), u3, Buffer.from('\n')]);
    expect((await imp(t, craft(base({ lines: [badRecord, u2, u3], eventsBytes: tampered.subarray(0, tampered.length - 1) })))).code).toBe('E_DIGEST');
    const late = Buffer.from('{"seq":3,"at":"2026-11-20T10:00:03.000Z","kind":"usage","op":"delete","id":"x","extra":1}');
    const r = await imp(t, craft(base({ lines: [u1, u2, late] })));
    expect([r.code, r.detail]).toEqual(['E_FORMAT', expect.stringMatching(/passo 9: line 3/)]);
    const wrongLast = await imp(t, craft(base({ manifest: (m) => ({ ...m, events: { ...(m.events as object), last_hash: 'ef'.repeat(32) } }) })));
    expect(wrongLast.code).toBe('E_CHAIN');
    expect(dumpDb(t.backend.ctx.db).replace(/# received_bundles[^#]*/, '')).toBe(before);
  });

  it('ack: events lost (restored backup) and a fork of our stream are reported and recorded', async () => {
    const t = vectorHub();
    const lost = await imp(t, craft(base({ ack: { seq: 5, hash: 'ab'.repeat(32) } })));
    expect(lost.outcome).toBe('applied');
    expect(lost.warnings[0]).toMatch(/ripristino da un backup/);
    const t2 = vectorHub();
    const forked = await imp(t2, craft(base({ ack: { seq: 0, hash: 'ab'.repeat(32) } })));
    expect(forked.warnings[0]).toMatch(/biforcazione/);
    expect(t2.backend.ctx.db.prepare('SELECT ack_problem FROM peers').pluck().get()).toBe('fork');
  });
});

function prevOf(lines: Buffer[]): { prevHash: string } {
  return { prevHash: chain(H0, lines).at(-1) as string };
}
