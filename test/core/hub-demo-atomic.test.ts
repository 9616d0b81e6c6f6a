/**
 * Issue 11, item 7: the hub's `cst demo` is one transaction. A demo killed halfway leaves the
 * hub as it was (a re-run works), and a demo that fails halfway adds nothing to the hub's
 * permanent stream.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { openBackend } from '../../electron/core/app/backend';
import { activeMembers } from '../../electron/core/governance/plan-items';
import { tempDir } from '../helpers/temp-dir';
import { BIN, cst } from '../cli/cli-run';
import { introduce, openHub, openTown } from '../sync/hub-helpers';

/** What a data folder holds: the last seq of its stream and its thematic groups. */
function streamOf(dataDir: string): { seq: number; groups: number } {
  const b = openBackend({ dataDir, appVersion: '0.0.0-test', log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false });
  try {
    const seq = b.ctx.db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number;
    const groups = b.ctx.db.prepare("SELECT count(*) FROM outbox WHERE kind = 'thematic_group'").pluck().get() as number;
    return { seq, groups };
  } finally {
    b.close();
  }
}

describe('hub demo atomicity', () => {
  it('a demo that fails halfway leaves no event in the hub stream', async () => {
    const hub = await openHub();
    // The biggest member already sent its identity: the demo's own installation for it is refused
    // after the catalogue costs and the groups were written.
    const biggest = [...activeMembers(hub.backend.ctx)].sort((a, b) => b.population - a.population)[0]!;
    const town = await openTown(hub, biggest.istat);
    await introduce(town, hub);
    const seq = () => hub.backend.ctx.db.prepare('SELECT coalesce(max(seq), 0) FROM outbox').pluck().get() as number;
    const before = seq();
    const r = await hub.call('demo.hub', { seed: 7 });
    expect(r.ok).toBe(false);
    expect(seq()).toBe(before);
    expect(hub.backend.ctx.db.prepare('SELECT count(*) FROM received_usage_monthly').pluck().get()).toBe(0);
    expect(hub.backend.ctx.db.inTransaction).toBe(false);
    expect((await hub.must('log.verify', {})).ok).toBe(true);
  }, 120_000);

  it('cst demo killed while it builds the towns: the hub is unchanged and a re-run succeeds', async () => {
    const dir = tempDir();
    const watch = tempDir();
    const init = await cst(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--data-dir', dir]);
    expect(init.code, init.stderr).toBe(0);
    const before = streamOf(dir);
    // The demo's towns live in a folder of the temp dir: once it exists, the catalogue costs,
    // the groups and a year of usage have been written. That is when the kill comes.
    const child = spawn(process.execPath, [BIN, 'demo', '--data-dir', dir], { env: { ...process.env, TMPDIR: watch }, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const started = Date.now();
    while (!readdirSync(watch).some((n) => n.startsWith('cst-hub-demo-'))) {
      if (Date.now() - started > 60_000) throw new Error('the demo never reached its towns');
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    expect(streamOf(dir)).toEqual(before);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['demo', '--data-dir', dir], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
    expect(err).toEqual([]);
    expect(code).toBe(0);
    // One run's worth: two groups, each saved again with its coordinator once the towns have
    // designated their technicians (the killed run's would make eight).
    expect(streamOf(dir).groups).toBe(4);
  }, 180_000);
});
