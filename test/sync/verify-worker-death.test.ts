/**
 * A verification worker that dies in mid-verification (test/helpers/dying-verify-worker.mjs: it
 * exits, or runs out of heap, right after its first frame of verified lines, while this thread
 * waits for more inside its apply transaction). The import fails at once — not after the
 * channel's 2-minute stall timeout: these tests' own timeouts are shorter — with the Italian
 * sentence, nothing of the bundle applied, nothing lost; the next import, by the same verifier,
 * starts a fresh worker and applies it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/platform/errors';
import { createWorkerVerifier } from '../../electron/core/format/worker/verifier';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { sentenceFor } from '../../shared/errors/catalogue';
import { afterEachTest } from '../helpers/after-each-test';
import type { TestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from './hub-helpers';
import { eventsApplied, eventsHeld, head } from './network-helpers';

const DYING_WORKER = join(import.meta.dirname, '..', 'helpers', 'dying-verify-worker.mjs');
const STOPPED_IT = sentenceFor('bundle.verifierStopped', {}, 'it');

/** The environment a verifier reads when it starts its worker, restored after the test. */
function setEnv(name: string, value: string | undefined): void {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  afterEachTest(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

/** Workers die from now on (`exit` or `oom`); returns how to get the real one back. */
function dyingWorkers(death: 'exit' | 'oom'): () => void {
  const real = process.env.CST_VERIFY_WORKER_FILE;
  setEnv('CST_BUNDLE_VERIFY', undefined); // the worker, not the inline verifier
  setEnv('CST_VERIFY_WORKER_FILE', DYING_WORKER);
  setEnv('CST_TEST_WORKER_DEATH', death);
  return () => {
    if (real === undefined) delete process.env.CST_VERIFY_WORKER_FILE;
    else process.env.CST_VERIFY_WORKER_FILE = real;
  };
}

/** The hub and Urbino, which has recorded a month of usage and exported it. */
async function urbinoBundle(): Promise<{ hub: TestBackend; town: TestBackend; path: string }> {
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  for (let day = 1; day <= 30; day += 1) await town.must('usage.record', { service: 'PEC', date: `2026-10-${String(day).padStart(2, "0")}`, quantity: String(day) });
  const [exp] = await town.must('bundle.export', { dir: tempDir() });
  return { hub, town, path: exp!.path };
}

/** Nothing of Urbino's bundle is at the hub, and its reception is not final (it will be imported again). */
function nothingApplied(hub: TestBackend): void {
  expect(eventsHeld(hub, '041067')).toBe(0);
  expect(eventsApplied(hub, '041067')).toBe(0);
  expect(hub.backend.ctx.db.prepare("SELECT applied_seq FROM peers WHERE id = '041067'").pluck().get()).toBe(0);
  expect(hub.backend.ctx.db.prepare('SELECT count(*) FROM received_usage_monthly').pluck().get()).toBe(0);
  expect(hub.backend.ctx.db.prepare("SELECT outcome FROM received_bundles").pluck().all()).toEqual(['received']);
}

describe('a verification worker that dies in mid-verification', () => {
  it('exits: bundle.import fails at once with the Italian sentence, nothing applied; the next import applies it', async () => {
    const { hub, town, path } = await urbinoBundle();
    const healed = dyingWorkers('exit');
    const failed = await hub.call('bundle.import', { files: [{ path }] });
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.error).toMatchObject({ code: 'E_INTERNAL', message: STOPPED_IT });
    expect(STOPPED_IT).toMatch(/^La verifica dei pacchetti si è interrotta .* nessun dato è stato importato e nulla è andato perso\. Riprovare/);
    nothingApplied(hub);
    expect((await hub.must('log.verify', {})).ok).toBe(true);

    healed();
    const [again] = await hub.must('bundle.import', { files: [{ path }] });
    expect(again).toMatchObject({ outcome: 'applied', code: null });
    expect(eventsHeld(hub, '041067')).toBe(head(town));
    expect(eventsApplied(hub, '041067')).toBe(head(town));
    expect((await hub.must('log.verify', {})).ok).toBe(true);
  }, 60_000);

  it('runs out of heap (no JavaScript runs in it after): the same verifier fails that import at once and starts a fresh worker for the next', async () => {
    const { hub, town, path } = await urbinoBundle();
    const healed = dyingWorkers('oom');
    const verifier = createWorkerVerifier();
    afterEachTest(() => void verifier.close());
    const ctx = hub.backend.ctx;
    const error = await importBundles(ctx, [{ path }], { verifier }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(error instanceof AppError && error.key).toBe('bundle.verifierStopped');
    expect((error as Error).message).toBe(STOPPED_IT);
    nothingApplied(hub);

    healed();
    const [again] = await importBundles(ctx, [{ path }], { verifier });
    expect(again).toMatchObject({ outcome: 'applied', code: null });
    expect(eventsHeld(hub, '041067')).toBe(head(town));
    expect((await hub.must('log.verify', {})).ok).toBe(true);
  }, 60_000);
});
