import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { inlineVerifier } from '../../electron/core/format/worker/verifier';
import { findPeer } from '../../electron/core/sync/peers/peers-store';
import type { RecordKind } from '../../shared/records/registry';
import { z } from 'zod';
import { VECTORS, vectorHub } from './bundle-helpers';

/** For steps 1–11 only: a stand-in declaration of the vectors' placeholder kind `test`. */
const testKind: RecordKind = { kind: 'test', owner: 'municipality', schema: z.object({ text: z.string() }).strict(), description: 'test' };
const withTestKind = (k: string) => (k === 'test' ? testKind : undefined);

describe('published vectors', () => {
  it('valid plain and encrypted bundles pass steps 1–11 and stop at 12 (kind `test` is unknown): E_RECORD', async () => {
    const t = vectorHub();
    const r = await importBundles(t.backend.ctx, [{ path: join(VECTORS, 'valid-plain-1-3.cstb') }, { path: join(VECTORS, 'valid-encrypted-1-3.cstb') }], { verifier: inlineVerifier });
    for (const x of r) {
      expect(x.outcome).toBe('refused');
      expect(x.code).toBe('E_RECORD');
      expect(x.detail).toMatch(/passo 12/);
      expect(x.message).toMatch(/riga 1/);
    }
  });

  it('with the kind declared, events 1..3 apply, the chain values match, then the ack-only bundle is applied', async () => {
    const t = vectorHub();
    const opts = { verifier: inlineVerifier, kinds: withTestKind };
    const [a] = await importBundles(t.backend.ctx, [{ path: join(VECTORS, 'valid-encrypted-1-3.cstb') }], opts);
    expect(a).toMatchObject({ outcome: 'applied', code: null, eventsApplied: 3, range: { first: 1, last: 3 }, sender: { kind: 'municipality', id: '041067' } });
    const peer = findPeer(t.backend.ctx.db, 'municipality', '041067');
    expect(peer?.appliedSeq).toBe(3);
    expect(peer?.appliedHash.toString('hex')).toBe('69e5eb546c8c968f16e3be63add380197cb8353ee0c8fb1b90113569b18cec0d');
    const hashes = t.backend.ctx.db.prepare('SELECT hex(hash) FROM inbox_events ORDER BY seq').pluck().all() as string[];
    expect(hashes.map((h) => h.toLowerCase())).toEqual([
      '022d5767b084bbec7eb0cfb24e033ae81ee7c8c770490e74da76f54e6760ed12',
      '867470223d8ce1efa21307d40fc694fd58acf0d6385b12ecda1884da36e05770',
      '69e5eb546c8c968f16e3be63add380197cb8353ee0c8fb1b90113569b18cec0d',
    ]);
    const [dup, ack] = await importBundles(t.backend.ctx, [{ path: join(VECTORS, 'valid-plain-1-3.cstb') }, { path: join(VECTORS, 'valid-ack-only-after-3.cstb') }], opts);
    expect(dup?.outcome).toBe('duplicate');
    expect(ack).toMatchObject({ outcome: 'applied', eventsApplied: 0, warnings: [] });
    expect(findPeer(t.backend.ctx.db, 'municipality', '041067')?.ackedSeq).toBe(0);
    const rec = t.backend.ctx.db.prepare('SELECT id, deleted, data FROM received_records_data ORDER BY id').all();
    expect(rec).toEqual([
      { id: '01a21751-c667-7a24-8304-8629a713251d', deleted: 1, data: null },
      { id: '01a21751-c668-7fe5-af74-a2cb8a425b3b', deleted: 0, data: '{"text":"Pèsaro e Urbino — «prova» ✓"}' },
    ]);
  });

  it('the ack-only bundle before events 1..3 is pending, and applies once they arrive', async () => {
    const t = vectorHub();
    const opts = { verifier: inlineVerifier, kinds: withTestKind };
    const [p] = await importBundles(t.backend.ctx, [{ path: join(VECTORS, 'valid-ack-only-after-3.cstb') }], opts);
    expect(p).toMatchObject({ outcome: 'pending' });
    expect(p?.message).toMatch(/mancano gli eventi 1–3/);
    const [a] = await importBundles(t.backend.ctx, [{ path: join(VECTORS, 'valid-plain-1-3.cstb') }], opts);
    expect(a?.outcome).toBe('applied');
    expect(a?.alsoApplied.map((x) => x.outcome)).toEqual(['applied']);
  });

  const invalid = readdirSync(join(VECTORS, 'invalid')).filter((f) => f.endsWith('.cstb'));
  it.each(invalid)('invalid/%s gives the code before "__"', async (file) => {
    const t = vectorHub();
    const [r] = await importBundles(t.backend.ctx, [{ path: join(VECTORS, 'invalid', file) }], { verifier: inlineVerifier, kinds: withTestKind });
    expect(r?.code).toBe(file.split('__')[0]);
    expect(r?.outcome).toBe('refused');
    expect(r?.message.length).toBeGreaterThan(20);
  });
});
