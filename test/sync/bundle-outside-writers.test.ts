/**
 * Bundles whose ZIP was written by outside streaming writers (Info-ZIP to a pipe, Python's
 * zipfile on a stream, Java's ZipOutputStream: test/fixtures/zip-writers/) are valid bundles
 * (docs/bundle-format.md "Container", data descriptors): each is verified and applied end to end by a
 * real hub, plain and age-encrypted, by the inline and the worker verifier. A descriptor that
 * disagrees with the central directory is E_FORMAT.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageEncrypt } from '../../electron/core/format/crypto/age';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { createWorkerVerifier, inlineVerifier, type BundleVerifier } from '../../electron/core/format/worker/verifier';
import { vectorHub } from './bundle-helpers';
import { vectorParty } from './bundle-craft';

const FIXTURES = ['info-zip-pipe.cstb', 'info-zip-pipe-stored.cstb', 'python-stream.cstb', 'java-zipoutputstream.cstb'];
const fixture = (name: string) => readFileSync(new URL(`../fixtures/zip-writers/${name}`, import.meta.url));
const hub = vectorParty('hub');

/** The first entry's descriptor CRC changed (the descriptor ends right before the 2nd local header). */
function withWrongDescriptorCrc(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const second = copy.indexOf(Buffer.from('PK\x03\x04', 'latin1'), 4);
  copy[second - 12] = copy[second - 12]! ^ 0xff;
  return copy;
}

describe.each([
  ['inline', () => inlineVerifier],
  ['worker, streaming', () => createWorkerVerifier()],
] as const)('bundles zipped by outside writers (%s)', (_mode, make) => {
  let verifier: BundleVerifier = inlineVerifier;
  beforeAll(() => {
    verifier = make();
  });
  afterAll(async () => {
    await verifier.close();
  });
  const imp = async (t: ReturnType<typeof vectorHub>, bytes: Buffer) =>
    (await importBundles(t.backend.ctx, [{ name: 'x.cstb', bytes }], { verifier }))[0]!;

  it.each(FIXTURES)('%s: applied plain and encrypted', async (name) => {
    const plain = fixture(name);
    const plainHub = vectorHub();
    expect(await imp(plainHub, plain)).toMatchObject({ outcome: 'applied', code: null, eventsApplied: 3 });
    const rows = plainHub.backend.ctx.db.prepare('SELECT owner, service, month, quantity_milli, entries FROM received_usage_monthly').all();
    expect(rows).toEqual([{ owner: '041067', service: 'PEC', month: '2026-10', quantity_milli: 5000, entries: 1 }]);
    const encryptedHub = vectorHub();
    expect(await imp(encryptedHub, ageEncrypt(plain, [hub.ageRecipient]))).toMatchObject({ outcome: 'applied', eventsApplied: 3 });
  });

  it.each(FIXTURES)('%s with a descriptor that disagrees: E_FORMAT, nothing applied', async (name) => {
    const t = vectorHub();
    const r = await imp(t, withWrongDescriptorCrc(fixture(name)));
    expect([r.outcome, r.code, r.detail]).toEqual([expect.anything(), 'E_FORMAT', expect.stringMatching(/data descriptor disagrees with central directory \(CRC-32\)/)]);
    expect(t.backend.ctx.db.prepare('SELECT count(*) AS n FROM received_usage_monthly').get()).toEqual({ n: 0 });
  });
});
