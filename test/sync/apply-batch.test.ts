/**
 * Batched applying (electron/core/sync/inbox/apply-batch.ts) ends exactly where applying the same
 * events a few at a time does (small bundles take the single-row path): puts, updates and
 * deletes of the same ids within one batch and across batches, projections included. And the
 * first failing line in stream order decides the refusal, whichever batch it falls in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBundles, type ImportOptions } from '../../electron/core/sync/inbox/import';
import { findRecordKind } from '../../shared/records/kinds';
import { UsageData } from '../../shared/records/usage';
import { BATCH } from '../../electron/core/sync/inbox/apply-batch';
import { createWorkerVerifier, inlineVerifier } from '../../electron/core/format/worker/verifier';
import type { TestBackend } from '../helpers/backend';
import { hubState, vectorHubWith } from './bundle-helpers';
import { chain, craft, H0, line, newParty, usageData, uuid, vectorParty } from './bundle-craft';

const urbino = vectorParty('urbino');
const pesaro = newParty('municipality', '041044', 'Pesaro');
const HUB = { kind: 'hub' as const, id: 'CST-PU' };



/** Imports `lines` (seq 1…) in bundles of `size` lines; returns the last result. */
async function send(db: TestBackend, from: typeof urbino, lines: Buffer[], size: number, options: Partial<ImportOptions> = {}) {
  const hashes = chain(H0, lines);
  let last;
  for (let i = 0; i < lines.length; i += size) {
    const bytes = craft({ from, to: HUB, lines: lines.slice(i, i + size), firstSeq: i + 1, prevHash: i === 0 ? H0 : hashes[i - 1] });
    [last] = await importBundles(db.backend.ctx, [{ name: `b${i}.cstb`, bytes }], { verifier: inlineVerifier, ...options });
  }
  return last!;
}

const op = fc.record({
  del: fc.boolean(),
  q: fc.integer({ min: 1, max: 50 }),
  month: fc.integer({ min: 1, max: 3 }),
  service: fc.constantFrom('PEC', 'SITO'),
});
const POOL = Array.from({ length: 100 }, (_, i) => i + 1);
/** Full batches (no id twice within BATCH events, so the multi-row path runs) reusing ids of earlier batches, then a tail with repeats. */
const stream = fc
  .tuple(
    fc.array(fc.shuffledSubarray(POOL, { minLength: BATCH, maxLength: BATCH }), { minLength: 2, maxLength: 3 }),
    fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 20 }),
    fc.array(op, { minLength: 4 * BATCH + 20, maxLength: 4 * BATCH + 20 }),
  )
  .map(([segments, tail, ops]) => [...segments.flat(), ...tail].map((id, i) => ({ id, ...(ops[i] as { del: boolean; q: number; month: number; service: string }) })));

describe('batched apply', () => {
  it('ends in the state of applying the events a few at a time (same ids within and across batches)', async () => {
    await fc.assert(
      fc.asyncProperty(stream, async (ops) => {
        const lines = ops.map((o, i) =>
          o.del ? line(i + 1, 'usage', 'delete', uuid(o.id)) : line(i + 1, 'usage', 'put', uuid(o.id), usageData({ quantity_milli: o.q * 1000, date: `2026-0${o.month}-10`, service: o.service })),
        );
        const whole = vectorHubWith(pesaro);
        const oneShot = await send(whole, urbino, lines, lines.length);
        expect(oneShot.outcome, oneShot.message).toBe('applied');
        const pieces = vectorHubWith(pesaro);
        await send(pieces, urbino, lines, 7);
        expect(hubState(whole.backend.ctx.db)).toBe(hubState(pieces.backend.ctx.db));
        whole.backend.close();
        pieces.backend.close();
      }),
      { numRuns: 6 },
    );
  });

  it('the first failing line in stream order decides, in whichever batch it is', async () => {
    const t = vectorHubWith(pesaro);
    // Pesaro owns uuid(900).
    expect((await send(t, pesaro, [line(1, 'usage', 'put', uuid(900), usageData())], 1)).outcome).toBe('applied');
    const before = hubState(t.backend.ctx.db);
    const lines = (bad: Map<number, Buffer>) =>
      Array.from({ length: 3 * BATCH }, (_, i) => bad.get(i + 1) ?? line(i + 1, 'usage', 'put', uuid(i + 1), usageData()));
    const taken = (seq: number) => line(seq, 'usage', 'put', uuid(900), usageData());
    const invalid = (seq: number) => line(seq, 'usage', 'put', uuid(seq), usageData({ quantity_milli: 0 }));
    const repeatedForOtherKind = (seq: number) => line(seq, 'staff', 'delete', uuid(3));
    const cases: [Map<number, Buffer>, string, number][] = [
      [new Map([[BATCH + 10, taken(BATCH + 10)], [BATCH + 20, invalid(BATCH + 20)]]), 'E_OWNERSHIP', BATCH + 10],
      [new Map([[BATCH + 10, invalid(BATCH + 10)], [BATCH + 20, taken(BATCH + 20)]]), 'E_RECORD', BATCH + 10],
      [new Map([[BATCH - 1, invalid(BATCH - 1)], [BATCH + 2, taken(BATCH + 2)]]), 'E_RECORD', BATCH - 1],
      [new Map([[2 * BATCH + 1, taken(2 * BATCH + 1)], [2 * BATCH + 5, invalid(2 * BATCH + 5)]]), 'E_OWNERSHIP', 2 * BATCH + 1],
      [new Map([[BATCH + 3, repeatedForOtherKind(BATCH + 3)], [BATCH + 4, taken(BATCH + 4)]]), 'E_RECORD', BATCH + 3],
      [new Map([[3 * BATCH, taken(3 * BATCH)]]), 'E_OWNERSHIP', 3 * BATCH],
    ];
    for (const [bad, code, at] of cases) {
      const r = await send(t, urbino, lines(bad), 3 * BATCH);
      expect(r, `${code} at ${at}`).toMatchObject({ outcome: 'refused', code });
      expect(r.message).toMatch(new RegExp(`riga ${at}\\b`));
      expect(hubState(t.backend.ctx.db)).toBe(before);
    }
    t.backend.close();
  });

  it('streamed from the worker, lines beyond a manifest range that disagrees with its count: E_CHAIN (step 10), nothing applied', async () => {
    const t = vectorHubWith(pesaro);
    const lines = Array.from({ length: 5 }, (_, i) => line(i + 1, 'usage', 'put', uuid(i + 1), usageData()));
    expect((await send(t, urbino, lines.slice(0, 3), 3)).outcome).toBe('applied');
    const before = hubState(t.backend.ctx.db);
    // count 5 but last_seq 3: lines 4 and 5 reach the writer before step 10 is known.
    const bytes = craft({ from: urbino, to: HUB, lines, firstSeq: 1, manifest: (m) => ({ ...m, events: { ...(m.events as object), last_seq: 3 } }) });
    const verifier = createWorkerVerifier();
    try {
      const [r] = await importBundles(t.backend.ctx, [{ name: 'range.cstb', bytes }], { verifier });
      expect(r).toMatchObject({ outcome: 'refused', code: 'E_CHAIN' });
    } finally {
      await verifier.close();
    }
    expect(hubState(t.backend.ctx.db)).toBe(before);
    t.backend.close();
  });

  it('streamed from the worker, which reads kind, id and usage figures for the writer: the same state as the inline path', async () => {
    const ids = [1, 2, 3, 1, 4, 2, 5, 1];
    const lines = [
      ...ids.map((id, i) =>
        i === 5 ? line(i + 1, 'usage', 'delete', uuid(id)) : line(i + 1, 'usage', 'put', uuid(id), usageData({ quantity_milli: (i + 1) * 1000, date: `2026-0${1 + (i % 3)}-10` })),
      ),
      line(ids.length + 1, 'usage', 'put', uuid(6), usageData({ note: 'nota: con «due punti» e accenti' })),
      line(ids.length + 2, 'staff', 'put', uuid(7), { code: 'DIP-001', role: 'Istruttore', office: 'Anagrafe', active: true, updated_by: 'M' }),
    ];
    const inline = vectorHubWith(pesaro);
    const a = await send(inline, urbino, lines, lines.length);
    const streamed = vectorHubWith(pesaro);
    const verifier = createWorkerVerifier();
    try {
      const b = await send(streamed, urbino, lines, lines.length, { verifier });
      expect([a.outcome, b.outcome], `${a.message} ${b.message}`).toEqual(['applied', 'applied']);
    } finally {
      await verifier.close();
    }
    expect(hubState(streamed.backend.ctx.db)).toBe(hubState(inline.backend.ctx.db));
    inline.backend.close();
    streamed.backend.close();
  });

  it("a registry whose usage schema is not the project's: the writer checks the data itself, whatever the worker read", async () => {
    const stricter = UsageData.refine((d) => d.quantity_milli <= 5000, { message: 'at most 5', path: ['quantity_milli'] });
    const kinds = (kind: string) => (kind === 'usage' ? { ...findRecordKind('usage')!, schema: stricter } : findRecordKind(kind));
    const t = vectorHubWith(pesaro);
    const before = hubState(t.backend.ctx.db);
    const lines = [line(1, 'usage', 'put', uuid(1), usageData({ quantity_milli: 2000 })), line(2, 'usage', 'put', uuid(2), usageData({ quantity_milli: 9000 }))];
    const verifier = createWorkerVerifier();
    try {
      const r = await send(t, urbino, lines, 2, { verifier, kinds });
      expect(r).toMatchObject({ outcome: 'refused', code: 'E_RECORD' });
      expect(r.message).toMatch(/riga 2\b/);
    } finally {
      await verifier.close();
    }
    expect(hubState(t.backend.ctx.db)).toBe(before);
    t.backend.close();
  });
});
