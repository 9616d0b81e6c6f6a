/**
 * The sync agent's schedule, driven by an injected clock, random source and timers: no sleeping.
 * Rounds are real (a real data directory, the real folder courier); only time is simulated.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/core/app/backend';
import { sequentialIds } from '../../electron/core/platform/defaults';
import { inlineVerifier } from '../../electron/core/format/worker/verifier';
import { CourierError, type Courier } from '../../electron/core/sync/network/courier';
import { createFolderCourier } from '../../electron/core/sync/network/folder-courier';
import { BACKOFF_CAP_MS, BACKOFF_FLOOR_MS, CHANGE_DELAY_MS, createSyncAgent, INTERVAL_MS, START_DELAY_MS, type Timers } from '../../electron/core/sync/network/sync-agent';
import { afterEachTest } from '../helpers/after-each-test';
import { tempDir } from '../helpers/temp-dir';
import { introduce, openHub, openTown } from './hub-helpers';
import type { TestBackend } from '../helpers/backend';

function manualClock(start = '2026-12-07T09:00:00.000Z') {
  let ms = Date.parse(start);
  return { now: () => new Date(ms).toISOString(), advance: (d: number) => void (ms += d), ms: () => ms };
}

/** Timers that fire only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    setTimeout(fn, ms) {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout(h) {
      pending.delete(h as number);
    },
  };
  return {
    timers,
    pending,
    /** The one pending timer's delay. */
    delay(): number {
      expect(pending.size).toBe(1);
      return [...pending.values()][0]!.ms;
    },
    /** Fires the one pending timer. */
    fire(): void {
      expect(pending.size).toBe(1);
      const [id, t] = [...pending.entries()][0]!;
      pending.delete(id);
      t.fn();
    },
  };
}

/** A municipality paired with a hub, and an agent on it with manual time. */
async function townWithAgent(random: () => number, extra: { makeMailbox?: (c: Courier) => Courier } = {}) {
  const clock = manualClock();
  const hub = await openHub();
  const town = await openTown(hub, '041067');
  const t = manualTimers();
  const agent = createSyncAgent(town.backend.ctx, {
    ...(extra.makeMailbox ? { makeMailbox: ({ self }: { self: string }) => extra.makeMailbox!(createFolderCourier({ folder: folderOf(town), self })) } : {}),
    timers: t.timers,
    random,
    verifier: inlineVerifier,
  });
  afterEachTest(() => agent.close());
  // The agent reads time from the context: swap in the manual clock.
  town.backend.ctx.clock = clock;
  return { hub, town, agent, t, clock };
}

const folders = new WeakMap<TestBackend, string>();
function folderOf(t: TestBackend): string {
  let f = folders.get(t);
  if (!f) {
    f = join(tempDir(), 'share');
    folders.set(t, f);
  }
  return f;
}

describe('sync agent schedule', () => {
  it('backs off with full jitter within bounds, capped at 30 minutes, says so, and resets on success', async () => {
    const draws = [0, 0.5, 0.999, 0.25, 0.999, 0.999, 0.999, 0.999, 0.999, 0.999, 0.999, 0.999, 0.1];
    let i = 0;
    const { town, agent, t, clock } = await townWithAgent(() => draws[i++ % draws.length]!);
    await town.must('sync.configure', { folder: folderOf(town) }); // not created yet: a share not mounted
    agent.start();
    expect(t.delay()).toBe(START_DELAY_MS);
    const delays: number[] = [];
    for (let n = 1; n <= 12; n += 1) {
      clock.advance(t.delay());
      t.fire();
      const outcome = await agent.runNow(); // joins the round the timer started
      expect(outcome.ok).toBe(false);
      const d = t.delay();
      delays.push(d);
      const ceiling = Math.min(BACKOFF_CAP_MS, 5_000 * 2 ** (n - 1));
      expect(d).toBeGreaterThanOrEqual(BACKOFF_FLOOR_MS);
      expect(d).toBeLessThanOrEqual(ceiling);
      expect(d).toBe(Math.max(BACKOFF_FLOOR_MS, Math.floor(draws[n - 1]! * ceiling)));
      expect(outcome.status.state).toBe('offline');
      expect(outcome.status.nextAttemptAt).toBe(new Date(clock.ms() + d).toISOString());
      expect(outcome.status.lastError?.key).toBe('syncAgent.folderOffline');
      expect(outcome.status.lastError?.it).toMatch(/nuovo tentativo alle \d\d:\d\d/);
    }
    expect(delays[0]).toBe(BACKOFF_FLOOR_MS); // a draw of 0 still waits the floor
    expect(Math.max(...delays)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
    expect(delays[11]).toBeGreaterThan(BACKOFF_CAP_MS * 0.99); // capped, not grown beyond

    // The share comes back: the next attempt succeeds, the failures are forgotten.
    mkdirSync(folderOf(town), { recursive: true });
    clock.advance(t.delay());
    t.fire();
    const ok = await agent.runNow();
    expect(ok.ok).toBe(true);
    expect(ok.status).toMatchObject({ state: 'idle', lastError: null, lastSuccessAt: clock.now() });
    expect(t.delay()).toBe(INTERVAL_MS);
  }, 60_000);

  it('a 429 waits its Retry-After', async () => {
    let quota = true;
    const { town, agent, t } = await townWithAgent(() => 0.5, {
      makeMailbox: (folder) => ({
        ...folder,
        kind: 'mailbox',
        list: (after, limit) => (quota ? Promise.reject(new CourierError('quota', '429', 120)) : folder.list(after, limit)),
      }),
    });
    mkdirSync(folderOf(town), { recursive: true });
    await town.must('sync.configure', { mailbox: 'http://127.0.0.1:9' });
    const failed = await agent.runNow();
    expect(failed.status).toMatchObject({ state: 'offline', lastError: { key: 'syncAgent.quota' } });
    expect(t.delay()).toBe(120_000);
    quota = false;
    t.fire();
    expect((await agent.runNow()).ok).toBe(true);
  }, 60_000);

  it('a retry scheduled while offline is cancelled by a successful «Sincronizza ora»: the normal interval follows', async () => {
    const { town, agent, t, clock } = await townWithAgent(() => 0.5);
    await town.must('sync.configure', { folder: folderOf(town) }); // not created yet: offline
    agent.start();
    clock.advance(t.delay());
    t.fire();
    const failed = await agent.runNow(); // joins the round the timer started
    expect(failed.status.state).toBe('offline');
    const retry = t.delay();
    expect(retry).toBeLessThan(INTERVAL_MS);

    // The share comes back and the clerk presses «Sincronizza ora» before the retry is due.
    mkdirSync(folderOf(town), { recursive: true });
    clock.advance(retry / 2);
    const ok = (await agent.runNow()).status;
    expect(ok).toMatchObject({ state: 'idle', lastError: null, lastSuccessAt: clock.now() });
    // One timer, the interval's: the stale retry is gone, and the status says the normal next run.
    expect(t.delay()).toBe(INTERVAL_MS);
    expect(ok.nextAttemptAt).toBe(new Date(clock.ms() + INTERVAL_MS).toISOString());
    expect(agent.status().nextAttemptAt).toBe(ok.nextAttemptAt);
  }, 60_000);

  it('never two rounds at once: sync.now joins the running round', async () => {
    const { town, agent } = await townWithAgent(() => 0.5);
    mkdirSync(folderOf(town), { recursive: true });
    await town.must('sync.configure', { folder: folderOf(town) });
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const a = agent.runNow();
    const b = agent.runNow();
    expect(b).toBe(a);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.report?.exported).toBe(1);
    expect(rb).toBe(ra);
    expect(readdirSync(join(folderOf(town), 'hub')).filter((n) => n.endsWith('.cstb'))).toHaveLength(1);
  }, 60_000);

  it('close() stops every timer; nothing is scheduled after it', async () => {
    const { town, agent, t } = await townWithAgent(() => 0.5);
    await town.must('sync.configure', { folder: folderOf(town) });
    agent.start();
    expect(t.pending.size).toBe(1);
    agent.close();
    expect(t.pending.size).toBe(0);
    agent.configured();
    agent.changed();
    expect(t.pending.size).toBe(0);
    expect((await agent.runNow()).ok).toBe(false);
  }, 60_000);
});

describe('sync agent in the backend', () => {
  it('a change through the API schedules a round a few seconds later; backend.close() stops it', async () => {
    const hub = await openHub();
    const t = manualTimers();
    const clock = manualClock();
    const dataDir = tempDir();
    const backend = openBackend({ dataDir, appVersion: '0.0.0-test', clock, ids: sequentialIds(40), log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false, syncAgent: { timers: t.timers, random: () => 0.5, verifier: inlineVerifier } });
    afterEachTest(() => backend.close());
    const must = async (method: string, input: unknown) => {
      const r = await backend.dispatch(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const town = { backend, dataDir, call: backend.dispatch, must } as unknown as TestBackend;
    await must('setup.municipality', { istat: '041067', operator: 'Maria' });
    await introduce(town, hub);
    await introduce(hub, town);
    const folder = tempDir();
    await must('sync.configure', { folder });
    // The configuration asks for a round soon (it replaced the start-up one).
    expect(t.delay()).toBe(CHANGE_DELAY_MS);
    t.fire();
    await must('sync.now', {}); // joins it
    expect(t.delay()).toBe(INTERVAL_MS);
    await must('sync.network', {});
    expect(t.delay()).toBe(INTERVAL_MS); // reading the status is no change
    await must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    expect(t.delay()).toBe(CHANGE_DELAY_MS);
    t.fire();
    const after = (await must('sync.now', {})) as { lastRound: { sent: number } };
    expect(after.lastRound.sent).toBe(1);
    backend.close();
    expect(t.pending.size).toBe(0);
  }, 60_000);
});
