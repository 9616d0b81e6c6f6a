import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { fixedClock } from '../../electron/core/platform/defaults';
import { eventsLostPeer } from '../../electron/core/sync/peers/peers-store';
import { recordUsage } from '../../electron/core/municipality/usage/usage-service';
import { percentile, report, timeMany } from './bench-util';

/**
 * Restores (docs/design.md): what the guard in appendEvent costs on every write (the events_lost
 * check: a municipality has one peer, a hub up to 7,896), usage.record's p95 with it, and the
 * recovery itself: a member that lost CST_BENCH_LOST events (default 20,000) after its backup,
 * the hub's recovery.export and the member's recovery.apply (wall and CPU time per event).
 */
const LOST = Number(process.env.CST_BENCH_LOST ?? 20_000);
const quiet = { info() {}, warn() {}, error() {} };
const dirs: string[] = [];
const open = (dataDir?: string): Backend => {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cst-bench-recovery-'));
  dirs.push(dir);
  return openBackend({ autoBackupDelayMs: false, dataDir: dir, appVersion: 'bench', log: quiet, clock: fixedClock('2026-11-26T08:00:00.000Z') });
};
const must = async (b: Backend, method: string, input: unknown) => {
  const r = await b.dispatch(method as never, input as never);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as never;
};
const cpuUs = (since: NodeJS.CpuUsage) => {
  const c = process.cpuUsage(since);
  return c.user + c.system;
};
const introduce = async (a: Backend, b: Backend) => {
  const file = (await must(a, 'identity.export', {})) as { contentBase64: string };
  const peer = (await must(b, 'identity.import', { contentBase64: file.contentBase64 })) as { id: string; fingerprint: string };
  await must(b, 'identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
};

const hub = open();
await must(hub, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Bench' });
let town = open();
await must(town, 'setup.municipality', { istat: '041067', operator: 'Bench' });
await introduce(town, hub);
await introduce(hub, town);

// The guard alone, 100,000 times: one peer (municipality) and 7,896 peers (a hub of all Italy).
const N = 100_000;
let t0 = performance.now();
let c0 = process.cpuUsage();
for (let i = 0; i < N; i++) eventsLostPeer(town.ctx.db);
report('recovery_guard_municipality_us', ((performance.now() - t0) * 1000) / N, 'µs', { cpu_us: Math.round((cpuUs(c0) / N) * 100) / 100, peers: 1 });
const ins = hub.ctx.db.prepare(
  "INSERT INTO peers (kind, id, name, signing_key, key_id, age_recipient, fingerprint, identity_created_at, status, imported_at) VALUES ('municipality', ?, ?, 'RWQ', '0000000000000000', 'age1', 'f', '2026-11-26T08:00:00.000Z', 'confirmed', '2026-11-26T08:00:00.000Z')",
);
hub.ctx.db.transaction(() => {
  for (let i = 0; i < 7895; i++) ins.run(String(100000 + i), `Comune ${i}`);
})();
t0 = performance.now();
c0 = process.cpuUsage();
for (let i = 0; i < N / 10; i++) eventsLostPeer(hub.ctx.db);
report('recovery_guard_hub_us', ((performance.now() - t0) * 1000) / (N / 10), 'µs', { cpu_us: Math.round((cpuUs(c0) / (N / 10)) * 100) / 100, peers: 7896 });

// usage.record through the dispatcher with the guard (fsync'd: synchronous=FULL).
let n = 0;
const entry = () => ({ service: 'PEC', date: '2026-11-02', quantity: String(1 + (n++ % 9)) });
await timeMany(50, () => town.dispatch('usage.record', entry()));
c0 = process.cpuUsage();
const rec = await timeMany(1000, async () => {
  const r = await town.dispatch('usage.record', entry());
  if (!r.ok) throw new Error(JSON.stringify(r.error));
});
report('usage_record_with_guard_p95', percentile(rec, 95), 'ms', { p50: Math.round(percentile(rec, 50) * 1000) / 1000, cpu_us_per_call: Math.round(cpuUs(c0) / 1000), target: '< 5 ms' });

// A backup, then LOST events recorded and sent, then the folder lost.
const sendToHub = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cst-bench-usb-'));
  dirs.push(dir);
  const [exp] = (await must(town, 'bundle.export', { dir })) as { path: string }[];
  await must(hub, 'bundle.import', { files: [{ path: exp!.path }] });
  const [back] = (await must(hub, 'bundle.export', { dir, for: '041067' })) as { path: string }[];
  await must(town, 'bundle.import', { files: [{ path: back!.path }] });
};
await sendToHub();
const backup = mkdtempSync(join(tmpdir(), 'cst-bench-backup-'));
dirs.push(backup);
town.ctx.db.exec(`VACUUM INTO '${join(backup, 'cst-desk.sqlite')}'`);
cpSync(join(town.ctx.dataDir, 'keys'), join(backup, 'keys'), { recursive: true });
town.ctx.db.transaction(() => {
  for (let i = 0; i < LOST; i++) recordUsage(town.ctx, { service: 'PEC', date: '2026-11-03', period: 'day', quantity: '2', note: i % 20 ? '' : 'persa' });
})();
await sendToHub();
town.close();
town = open(backup);
const hubDir = mkdtempSync(join(tmpdir(), 'cst-bench-rec-'));
dirs.push(hubDir);
const out = join(hubDir, 'recupero.cstb');
t0 = performance.now();
c0 = process.cpuUsage();
const exp = (await must(hub, 'recovery.export', { for: '041067', out })) as { copiedEvents: number; bytes: number };
report('recovery_export_seconds', (performance.now() - t0) / 1000, 's', { events: exp.copiedEvents, bytes: exp.bytes, cpu_us_per_event: Math.round((cpuUs(c0) / exp.copiedEvents) * 10) / 10 });
t0 = performance.now();
c0 = process.cpuUsage();
const applied = (await must(town, 'recovery.apply', { path: out })) as { recovered: { first: number; last: number } };
const recovered = applied.recovered.last - applied.recovered.first + 1;
report('recovery_apply_seconds', (performance.now() - t0) / 1000, 's', { events: recovered, cpu_us_per_event: Math.round((cpuUs(c0) / recovered) * 10) / 10, what: 'import of the hub bundle, re-verification, chain check, append and rebuild in one transaction' });
const verify = (await must(town, 'log.verify', {})) as { ok: boolean; events: number };
if (!verify.ok) throw new Error('log verify failed after recovery');

hub.close();
town.close();
for (const d of dirs) rmSync(d, { recursive: true, force: true });
