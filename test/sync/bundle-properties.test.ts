/**
 * Property tests (fast-check): whatever is done to a valid bundle — a flipped byte, a truncation,
 * reordered lines or entries, a signature by another enrolled member — the hub ends either
 * exactly as before (refused) or exactly as after the original (a harmless change), never
 * in between.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { createWorkerVerifier, inlineVerifier, type BundleVerifier } from '../../electron/core/format/worker/verifier';
import { hubState, vectorHubWith } from './bundle-helpers';
import { craft, line, newParty, usageData, uuid, vectorParty, type CraftOptions } from './bundle-craft';

const urbino = vectorParty('urbino');
const hubParty = vectorParty('hub');
const pesaro = newParty('municipality', '041044', 'Pesaro');
const HUB = { kind: 'hub' as const, id: 'CST-PU', ageRecipient: hubParty.ageRecipient };
const LINES = [
  line(1, 'usage', 'put', uuid(1), usageData()),
  line(2, 'usage', 'put', uuid(2), usageData({ service: 'SITO', quantity_milli: 12500 })),
  line(3, 'usage', 'put', uuid(1), usageData({ quantity_milli: 7000 })),
  line(4, 'usage', 'delete', uuid(2)),
];
const opts = (over: Partial<CraftOptions> = {}): CraftOptions => ({ from: urbino, to: HUB, lines: LINES, firstSeq: 1, ...over });
const PLAIN = craft(opts());
const ENCRYPTED = craft(opts({ encrypt: true }));



async function outcomeOf(bytes: Buffer, verifier: BundleVerifier = inlineVerifier) {
  const t = vectorHubWith(pesaro);
  const before = hubState(t.backend.ctx.db);
  const [r] = await importBundles(t.backend.ctx, [{ name: 'm.cstb', bytes }], { verifier });
  const after = hubState(t.backend.ctx.db);
  t.backend.close();
  return { r: r!, before, after };
}

let S0 = '';
let S1 = '';

async function expectAllOrNothing(bytes: Buffer, verifier: BundleVerifier = inlineVerifier): Promise<void> {
  const { r, before, after } = await outcomeOf(bytes, verifier);
  expect(before).toBe(S0);
  if (r.outcome === 'applied') expect(after).toBe(S1);
  else {
    expect(['refused', 'kept', 'pending']).toContain(r.outcome);
    expect(after).toBe(S0);
  }
}

describe('properties: damaged or rearranged bundles are refused or harmless, never half-applied', () => {
  beforeAll(async () => {
    const { r, before, after } = await outcomeOf(PLAIN);
    expect(r.outcome).toBe('applied');
    S0 = before;
    S1 = after;
    expect(S1).not.toBe(S0);
  });

  it('any single byte flip (plain and encrypted)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (enc, at, x) => {
        const src = enc ? ENCRYPTED : PLAIN;
        const b = Buffer.from(src);
        const i = at % b.length;
        b[i] = (b[i] as number) ^ x;
        await expectAllOrNothing(b);
      }),
      { numRuns: 60 },
    );
  });

  it('any single byte flip, applied while the worker streams the verification', async () => {
    const worker = createWorkerVerifier();
    try {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (enc, at, x) => {
          const b = Buffer.from(enc ? ENCRYPTED : PLAIN);
          const i = at % b.length;
          b[i] = (b[i] as number) ^ x;
          await expectAllOrNothing(b, worker);
        }),
        { numRuns: 25 },
      );
    } finally {
      await worker.close();
    }
  });

  it('any truncation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.nat(), async (enc, n) => {
        const src = enc ? ENCRYPTED : PLAIN;
        const { r, after } = await outcomeOf(src.subarray(0, n % src.length));
        expect(r.outcome).toBe('refused');
        expect(after).toBe(S0);
      }),
      { numRuns: 30 },
    );
  });

  it('reordered lines: refused whether or not the sender re-signs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), fc.boolean(), async (order, resign) => {
        fc.pre(order.some((v, i) => v !== i));
        const lines = order.map((i) => LINES[i] as Buffer);
        const bytes = resign ? craft(opts({ lines })) : craft(opts({ eventsBytes: Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])) }));
        const { r, after } = await outcomeOf(bytes);
        expect(r.code).toBe(resign ? 'E_CHAIN' : 'E_DIGEST');
        expect(after).toBe(S0);
      }),
      { numRuns: 20 },
    );
  });

  it('reordered entries: the same bundle (applied exactly as the original)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), async (order) => {
        const bytes = craft(opts({ entryOrder: (names) => order.map((i) => names[i] as string) }));
        const { r, after } = await outcomeOf(bytes);
        expect(r.outcome).toBe('applied');
        expect(after).toBe(S1);
      }),
      { numRuns: 6 },
    );
  });

  it('re-signed by another enrolled member (with its key id or the sender\'s): E_SIGNATURE', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), async (ownKeyId) => {
        const bytes = craft(opts({ signer: pesaro.key, ...(ownKeyId ? { manifest: (m) => ({ ...m, key_id: pesaro.keyId }) } : {}) }));
        const { r, after } = await outcomeOf(bytes);
        expect(r.code).toBe('E_SIGNATURE');
        expect(after).toBe(S0);
      }),
      { numRuns: 2 },
    );
  });
});
