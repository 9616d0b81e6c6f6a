/**
 * Hub import of one 1,000,000-event bundle end to end (read, decrypt, verify, parse, validate,
 * apply) through the worker, against a plain keyed INSERT of the same rows in the same run;
 * peak RSS sampled and VmHWM. Then a batch of 50 bundles of 10,000 events from 50 members.
 * Env: CST_BENCH_EVENTS (default 1000000), CST_BENCH_BATCH=0 skips the batch.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { LineSplitter } from '../../electron/core/format/bundle/lines';
import { importBundles } from '../../electron/core/sync/inbox/import';
import { insertInstallation } from '../../electron/core/platform/installation/installation-store';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { createWorkerVerifier } from '../../electron/core/format/worker/verifier';
import { identityFileOf, newParty, vectorParty, type Party } from '../sync/bundle-craft';
import { writeUsageBundle } from '../sync/bundle-gen';
import { vectorFile } from '../sync/bundle-vector-files';
import { cpuSplit, report, threadTicks } from './bench-util';

const N = Number(process.env.CST_BENCH_EVENTS ?? 1_000_000);
const silent = { info() {}, warn() {}, error() {} };

function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux or not allowed: VmHWM then includes the generation phase
  }
}

function hubBackend(dir: string, hub: Party, members: Party[]) {
  const b = openBackend({ autoBackupDelayMs: false, dataDir: dir, appVersion: 'bench', clock: fixedClock(), ids: sequentialIds(), log: silent });
  const s = JSON.parse(vectorFile('hub/secret.json').toString('utf8'));
  const keysDir = join(dir, 'keys');
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(join(keysDir, 'secret.json'), JSON.stringify({ ed25519_seed: s.ed25519_seed, key_id: s.key_id, signing_key: s.signing_key, age_identity: s.age_identity, age_recipient: s.age_recipient }));
  insertInstallation(b.ctx.db, { role: 'hub', id: hub.id, name: hub.name, operator: 'bench', province: 'PU', createdAt: s.created_at, keyId: s.key_id, signingKey: s.signing_key, ageRecipient: s.age_recipient });
  const ins = b.ctx.db.prepare("INSERT INTO members (istat, name, province, status, added_at) VALUES (?, ?, 'PU', 'pending', '2026-01-01T00:00:00.000Z')");
  for (const m of members) {
    ins.run(m.id, m.name);
    importIdentity(b.ctx, identityFileOf(m));
    confirmIdentity(b.ctx, m.id, fingerprint(m.signingKey, m.ageRecipient));
  }
  return b;
}

/**
 * Inserts, in one transaction, the rows the import wrote for the bundle: its lines (with a
 * 32-byte hash) into a copy of inbox_events and one row per record into a copy of
 * received_records, with 64-row statements as apply-batch.ts does. The lines are read from the
 * same file as the plain baseline; the ids are read beforehand (parsing is not storage).
 */
function storageFloor(db: import('better-sqlite3').Database, linesPath: string): { ms: number; cpuMs: number } {
  const ddl = (name: string) => (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name) as string).replace(name, `floor_${name}`);
  db.exec(`${ddl('inbox_events')}; ${ddl('received_records')}; CREATE INDEX floor_memberships ON floor_received_records (owner) WHERE kind = 'group_membership' AND deleted = 0;`);
  const rec = db.prepare('SELECT id, owner, peer_no, kind FROM received_records ORDER BY last_seq').raw(true).all() as [string, string, number, string][];
  const B = 64;
  const tuple = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;
  const many = (n: number, one: string) => Array.from({ length: n }, () => one).join(', ');
  const insEvents = db.prepare(`INSERT INTO floor_inbox_events (key, line, hash) VALUES ${many(B, tuple(3))}`);
  const insRecords = db.prepare(`INSERT INTO floor_received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES ${many(B, tuple(6))} ON CONFLICT (id) DO NOTHING`);
  const insEvent = db.prepare(`INSERT INTO floor_inbox_events (key, line, hash) VALUES ${tuple(3)}`);
  const insRecord = db.prepare(`INSERT INTO floor_received_records (id, owner, peer_no, kind, last_seq, deleted) VALUES ${tuple(6)} ON CONFLICT (id) DO NOTHING`);
  const hash = Buffer.alloc(32, 7);
  const ev: unknown[] = new Array(3 * B);
  const rr: unknown[] = new Array(6 * B);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  db.transaction(() => {
    let seq = 0;
    let n = 0;
    const rfd = openSync(linesPath, 'r');
    const buf = Buffer.allocUnsafe(1 << 20);
    const splitter = new LineSplitter(1 << 20, (line) => {
      const [id, owner, peerNo, kind] = rec[seq] as [string, string, number, string];
      seq += 1;
      ev[3 * n] = 1099511627776 + seq;
      ev[3 * n + 1] = line;
      ev[3 * n + 2] = hash;
      rr[6 * n] = id;
      rr[6 * n + 1] = owner;
      rr[6 * n + 2] = peerNo;
      rr[6 * n + 3] = kind;
      rr[6 * n + 4] = seq;
      rr[6 * n + 5] = 0;
      n += 1;
      if (n === B) {
        insRecords.run(rr);
        insEvents.run(ev);
        n = 0;
      }
    });
    for (let r = readSync(rfd, buf, 0, buf.length, null); r > 0; r = readSync(rfd, buf, 0, buf.length, null)) splitter.push(buf.subarray(0, r));
    closeSync(rfd);
    for (let i = 0; i < n; i += 1) {
      insRecord.run(rr.slice(6 * i, 6 * i + 6));
      insEvent.run(ev.slice(3 * i, 3 * i + 3));
    }
  })();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cst-bench-'));
  try {
    const hub = vectorParty('hub');
    const urbino = vectorParty('urbino');
    const to = { kind: 'hub' as const, id: hub.id, ageRecipient: hub.ageRecipient };
    const file = join(work, 'big.cstb');
    const g0 = performance.now();
    // Generated in a child process, so that this process's peak RSS (VmHWM) is the import's.
    const gen = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--generate', file, String(N), work], { stdio: 'inherit' });
    if (gen.status !== 0) throw new Error('generation failed');
    const genMs = performance.now() - g0;
    const b = hubBackend(join(work, 'hub'), hub, [urbino]);
    // The worker as the app ships it (esbuild bundle, no tsx loader in the worker).
    const esbuild = await import('esbuild');
    const { nodeBundle } = (await import(pathToFileURL(join(fileURLToPath(new URL('../../', import.meta.url)), 'scripts', 'build.mjs')).href)) as { nodeBundle: object };
    const workerFile = join(work, 'bundle-verify-worker.cjs');
    await esbuild.build({ ...nodeBundle, entryPoints: [fileURLToPath(new URL('../../electron/core/format/worker/verify-worker.ts', import.meta.url))], outfile: workerFile, sourcemap: false, logLevel: 'silent' });
    process.env.CST_VERIFY_WORKER_FILE = workerFile;

    // End-to-end import, sampled.
    if (global.gc) global.gc();
    resetPeak();
    const hwmBefore = vmHwmMb();
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const verifier = createWorkerVerifier();
    const ticks0 = threadTicks();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const [r] = await importBundles(b.ctx, [{ path: file }], { verifier });
    const importMs = performance.now() - t0;
    const importCpu = process.cpuUsage(cpu0);
    const split = cpuSplit(ticks0, threadTicks(), N);
    clearInterval(timer);
    await verifier.close();
    if (r?.outcome !== 'applied' || r.eventsApplied !== N) throw new Error(`import failed: ${JSON.stringify(r)}`);
    const hwm = vmHwmMb();
    // CPU time of all threads (worker included): comparable even when the machine is shared.
    const importCpuMs = (importCpu.user + importCpu.system) / 1000;
    report('bundle-import-1m.events-per-s', (N / importMs) * 1000, 'events/s', {
      events: N,
      ms: Math.round(importMs),
      cpuMs: Math.round(importCpuMs),
      cpuUsPerEvent: Math.round((importCpuMs / N) * 1000 * 10) / 10,
      ...split,
      loadavg: os.loadavg()[0]?.toFixed(1),
      fileMB: Math.round(statSync(file).size / 1e5) / 10,
      generateMs: Math.round(genMs),
    });
    report('bundle-import-1m.peak-rss', peak / 1024 / 1024, 'MB', { sampledEvery: '20ms', vmHwmMB: Math.round(hwm), vmHwmBeforeImportMB: Math.round(hwmBefore) });

    // Baseline: a plain keyed INSERT of the same rows (the lines, keyed by sender and seq), same DB, same run.
    const lines = join(work, 'lines.ndjson');
    const dump = b.ctx.db.prepare('SELECT line FROM inbox_events ORDER BY seq').pluck().iterate() as IterableIterator<Buffer>;
    const fd = openSync(lines, 'w');
    for (const l of dump) writeSync(fd, Buffer.concat([l, Buffer.from('\n')]));
    closeSync(fd);
    b.ctx.db.exec('CREATE TABLE bench_plain (key INTEGER PRIMARY KEY, line BLOB NOT NULL) STRICT');
    const insert = b.ctx.db.prepare('INSERT INTO bench_plain (key, line) VALUES (?, ?)');
    const pc0 = process.cpuUsage();
    const p0 = performance.now();
    b.ctx.db.transaction(() => {
      let seq = 0;
      const rfd = openSync(lines, 'r');
      const buf = Buffer.allocUnsafe(1 << 20);
      const splitter = new LineSplitter(1 << 20, (line) => {
        seq += 1;
        insert.run(seq, line);
      });
      for (let n = readSync(rfd, buf, 0, buf.length, null); n > 0; n = readSync(rfd, buf, 0, buf.length, null)) splitter.push(buf.subarray(0, n));
      closeSync(rfd);
    })();
    const plainMs = performance.now() - p0;
    const plainCpu = process.cpuUsage(pc0);
    const plainCpuMs = (plainCpu.user + plainCpu.system) / 1000;
    const plainRate = (N / plainMs) * 1000;
    const importRate = (N / importMs) * 1000;
    report('bundle-import-1m.plain-insert', plainRate, 'rows/s', { ms: Math.round(plainMs), cpuMs: Math.round(plainCpuMs), cpuUsPerRow: Math.round((plainCpuMs / N) * 1000 * 100) / 100 });
    report('bundle-import-1m.ratio', importRate / plainRate, 'ratio', { target: 0.5, cpuRatio: Math.round((plainCpuMs / importCpuMs) * 1000) / 1000 });

    // Information (not the baseline): the rows this import itself writes, inserted plainly
    // the way the import inserts them (tables of the same schema, 64-row statements): one
    // inbox_events row and one received_records row per event. What storage alone costs.
    const floor = storageFloor(b.ctx.db, lines);
    report('bundle-import-1m.storage-floor', (N / floor.ms) * 1000, 'events/s', {
      ms: Math.round(floor.ms),
      cpuMs: Math.round(floor.cpuMs),
      ratioToPlain: Math.round(((N / floor.ms) * 1000 * 1000) / plainRate) / 1000,
      importToFloor: Math.round((importRate / ((N / floor.ms) * 1000)) * 1000) / 1000,
    });
    b.close();

    // Batch: 50 members × 10,000 events, one import call.
    if (process.env.CST_BENCH_BATCH === '0') return;
    const members = Array.from({ length: 50 }, (_, i) => newParty('municipality', String(41001 + i).padStart(6, '0'), `Comune ${i}`));
    const files: string[] = [];
    for (const [i, m] of members.entries()) {
      const f = join(work, `m${i}.cstb`);
      await writeUsageBundle({ from: m, to, count: 10_000, idBase: (i + 1) * 1_000_000, path: f, workDir: work, encrypt: true });
      files.push(f);
    }
    const hb = hubBackend(join(work, 'hub2'), hub, members);
    const bv = createWorkerVerifier();
    const b0 = performance.now();
    const rs = await importBundles(hb.ctx, files.map((path) => ({ path })), { verifier: bv });
    const batchMs = performance.now() - b0;
    await bv.close();
    if (rs.some((x) => x.outcome !== 'applied')) throw new Error('batch import failed');
    report('bundle-import-batch-50x10k.total', batchMs / 1000, 's', { events: 500_000, eventsPerS: Math.round(500_000 / (batchMs / 1000)) });
    hb.close();
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const g = process.argv.indexOf('--generate');
if (g >= 0) {
  const [path, count, dir] = process.argv.slice(g + 1) as [string, string, string];
  const hub = vectorParty('hub');
  await writeUsageBundle({ from: vectorParty('urbino'), to: { kind: 'hub', id: hub.id, ageRecipient: hub.ageRecipient }, count: Number(count), idBase: 0, path, workDir: dir, encrypt: true });
} else {
  await main();
}
