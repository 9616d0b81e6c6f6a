/**
 * One member's sync on loopback (issue 10 "Speed": p95 < 100 ms excluding backoff): a month of
 * the town hall's usage records up, the hub's round, the hub's reply down. Real installations
 * (a hub and a municipality, identities exchanged and confirmed), the real sync agents
 * (`sync.now`'s round, real mailbox courier) and the real `cst mailbox serve` as a child process.
 * Each iteration records a new month through the API (not timed), then times:
 *   member round (export, upload, list) → hub round (list, fetch, import, reply: export,
 *   upload) → member round (list, fetch the reply, import, delete).
 * "member" is the sum of the member's two rounds; "cycle" all three. No backoff: a round that
 * fails stops the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { syncAgentOf, type RoundOutcome } from '../../electron/core/sync/network/sync-agent';
import { must, percentile, report } from './bench-util';
import { initMailboxFor, SHIPPED_WORKER, startMailboxProcess } from './bench-mailbox';

const WARMUP = 2;
const N = Number(process.env.CST_BENCH_SYNC_ITERATIONS ?? 32);
/** A busy town hall: every service it uses, every working day of the month. */
const SERVICES = ['PROTOCOLLO', 'PEC', 'SITO', 'ALBO', 'SUAP', 'DEMOGRAFICI', 'CONSERVAZIONE', 'HELPDESK', 'GIS', 'WIFI', 'FORMAZIONE'];
const ISTAT = '041067';

const work = mkdtempSync(join(tmpdir(), 'cst-bench-syncmember-'));
const quiet = { info() {}, warn() {}, error() {} };
const open = (name: string) => openBackend({ autoBackupDelayMs: false, dataDir: join(work, name), appVersion: 'bench', log: quiet });


async function introduce(a: Backend, b: Backend): Promise<void> {
  const file = await must<{ contentBase64: string }>(a, 'identity.export', {});
  const peer = await must<{ id: string; fingerprint: string }>(b, 'identity.import', { contentBase64: file.contentBase64 });
  await must(b, 'identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
}

/** One month of usage entries, as a clerk records them (through the API). */
async function recordMonth(town: Backend, year: number, month: number): Promise<number> {
  let n = 0;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  for (let d = 1; d <= days; d += 1) {
    const date = new Date(Date.UTC(year, month - 1, d));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    for (const [i, service] of SERVICES.entries()) {
      await must(town, 'usage.record', { service, date: date.toISOString().slice(0, 10), quantity: String(1 + ((d * 7 + i * 13) % 40)) });
      n += 1;
    }
  }
  return n;
}

async function round(b: Backend): Promise<{ ms: number; cpuMs: number; outcome: RoundOutcome }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const outcome = await syncAgentOf(b.ctx).runNow();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  if (!outcome.ok) throw new Error(`round failed: ${JSON.stringify(outcome.status.lastError ?? outcome.status)}`);
  return { ms, cpuMs, outcome };
}

const hub = open('hub');
const town = open('town');
let mailbox: Awaited<ReturnType<typeof startMailboxProcess>> | undefined;
try {
  await must(hub, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' });
  await must(town, 'setup.municipality', { istat: ISTAT, operator: 'Maria Rossi' });
  await introduce(town, hub);
  await introduce(hub, town);
  const mailboxDir = join(work, 'mailbox');
  await initMailboxFor(hub, mailboxDir, work);
  mailbox = await startMailboxProcess(mailboxDir);
  // The verification worker as the app ships it (esbuild bundle, no tsx loader in the worker):
  // `cst` has just built it (scripts/fresh-bundle.mjs).
  process.env.CST_VERIFY_WORKER_FILE = SHIPPED_WORKER;
  await must(hub, 'sync.configure', { mailbox: mailbox.url });
  await must(town, 'sync.configure', { mailbox: mailbox.url });
  // The hub's first round publishes the roster (the member is refused until then) and sends its records.
  await round(hub);
  await round(town);

  const cycles: number[] = [];
  const memberParts: number[] = [];
  const cycleCpu: number[] = [];
  const hubParts: number[] = [];
  const parts = { up: [] as number[], hub: [] as number[], down: [] as number[] };
  let entries = 0;
  let upBytes = 0;
  let replyBytes = 0;
  for (let k = 0; k < WARMUP + N; k += 1) {
    // A new month each time, oldest first: 2023-11 onwards.
    const m = 10 + k;
    entries = await recordMonth(town, 2023 + Math.floor(m / 12), (m % 12) + 1);
    const up = await round(town);
    const hubRound = await round(hub);
    const down = await round(town);
    if (up.outcome.report!.sent !== 1 || hubRound.outcome.report!.applied !== 1 || hubRound.outcome.report!.sent !== 1 || down.outcome.report!.applied !== 1) {
      throw new Error(`iteration ${k}: ${JSON.stringify({ up: up.outcome.report, hub: hubRound.outcome.report, down: down.outcome.report }, (key, v) => (key === 'results' ? undefined : v))}`);
    }
    upBytes = town.ctx.db.prepare('SELECT bytes FROM sync_outgoing ORDER BY rowid DESC LIMIT 1').pluck().get() as number;
    replyBytes = hub.ctx.db.prepare('SELECT bytes FROM sync_outgoing ORDER BY rowid DESC LIMIT 1').pluck().get() as number;
    if (k < WARMUP) continue;
    cycles.push(up.ms + hubRound.ms + down.ms);
    cycleCpu.push(up.cpuMs + hubRound.cpuMs + down.cpuMs);
    memberParts.push(up.ms + down.ms);
    hubParts.push(hubRound.ms);
    parts.up.push(up.ms);
    parts.hub.push(hubRound.ms);
    parts.down.push(down.ms);
  }
  for (const a of [cycles, cycleCpu, memberParts, hubParts, parts.up, parts.down]) a.sort((x, y) => x - y);
  const extra = { n: N, entriesPerMonth: entries, bundleBytes: upBytes, replyBytes, mailbox: 'cst mailbox serve (child process)', target: 'p95 < 100 ms' };
  report('sync_member_cycle_p50', percentile(cycles, 50), 'ms', extra);
  report('sync_member_cycle_p95', percentile(cycles, 95), 'ms', extra);
  // CPU of this process (both installations, every thread) per cycle: comparable on a shared machine.
  report('sync_member_cycle_cpu_p50', percentile(cycleCpu, 50), 'ms', { n: N });
  report('sync_member_part_p50', percentile(memberParts, 50), 'ms', { ...extra, parts: { upP50: round1(percentile(parts.up, 50)), downP50: round1(percentile(parts.down, 50)) } });
  report('sync_member_part_p95', percentile(memberParts, 95), 'ms', { ...extra, parts: { upP95: round1(percentile(parts.up, 95)), downP95: round1(percentile(parts.down, 95)) } });
  report('sync_member_hub_round_p50', percentile(hubParts, 50), 'ms', { n: N });
  report('sync_member_hub_round_p95', percentile(hubParts, 95), 'ms', { n: N });
} finally {
  await mailbox?.stop();
  hub.close();
  town.close();
  rmSync(work, { recursive: true, force: true });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
