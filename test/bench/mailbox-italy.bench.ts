/**
 * Every municipality of Italy (7,896) syncing through one mailbox (issue 10 "Speed": total
 * < 60 s, p99 per member sync, mailbox RSS < 200 MB). The mailbox is the real `cst mailbox
 * serve` child process (its RSS is its own: /proc/<pid>/status VmRSS sampled, VmHWM at the end),
 * initialised with a real hub's identity; the roster lists 7,896 members with their own Ed25519
 * keys, signed by the hub and published with the hub's courier. The clients are the real mailbox
 * courier (createMailboxCourier), CONCURRENCY at a time, in this process:
 *   1. the hub puts a reply for every member (`fresh`: one PUT each, as the sync round sends a
 *      bundle it just spooled);
 *   2. every member syncs: uploads its bundle (`fresh`), lists its inbox, fetches its reply,
 *      deletes it: 4 requests;
 *   3. the hub drains its inbox in pages of 1,000: fetches each, then deletes the page with one
 *      `removeMany` (POST /v1/inbox/delete), as the round removes a page it imported.
 * Bundle sizes are those of a real month (a town hall's month of usage up, the hub's reply down),
 * measured first on real installations; the bytes are random (the mailbox never decrypts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { generateSigningKeyPair, keyIdHex, minisignPublicKeyString } from '../../electron/core/format/crypto/minisign';
import { listProvinces, municipalitiesOfProvince } from '../../electron/core/platform/reference/municipalities';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import type { OutgoingFile } from '../../electron/core/sync/network/courier';
import { createMailboxCourier } from '../../electron/core/sync/network/mailbox-courier';
import { ROSTER_FORMAT, signRoster } from '../../electron/core/sync/network/roster';
import { must, percentile, report } from './bench-util';
import { cpuTimesOf, initMailboxFor, memoryOf, startMailboxProcess } from './bench-mailbox';

const CONCURRENCY = Number(process.env.CST_BENCH_ITALY_CONCURRENCY ?? 48);
const LIMIT = Number(process.env.CST_BENCH_ITALY_MEMBERS ?? Infinity);
const SERVICES = ['PROTOCOLLO', 'PEC', 'SITO', 'ALBO', 'SUAP', 'DEMOGRAFICI', 'CONSERVAZIONE', 'HELPDESK', 'GIS', 'WIFI', 'FORMAZIONE'];

const work = mkdtempSync(join(tmpdir(), 'cst-bench-italy-'));
const quiet = { info() {}, warn() {}, error() {} };
const open = (name: string) => openBackend({ autoBackupDelayMs: false, dataDir: join(work, name), appVersion: 'bench', log: quiet });


/** Runs `fn` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i] as T, i);
      }
    }),
  );
}

/** A real month's bundles: a town hall's month of usage (to the hub) and the hub's reply (to it). */
async function realMonthSizes(hub: Backend): Promise<{ up: number; down: number }> {
  const town = open('town');
  try {
    await must(town, 'setup.municipality', { istat: '041067', operator: 'Maria Rossi' });
    for (const [a, b] of [[town, hub], [hub, town]] as const) {
      const file = await must<{ contentBase64: string }>(a, 'identity.export', {});
      const peer = await must<{ id: string; fingerprint: string }>(b, 'identity.import', { contentBase64: file.contentBase64 });
      await must(b, 'identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
    }
    for (let d = 1; d <= 31; d += 1) {
      const date = new Date(Date.UTC(2026, 9, d));
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      for (const service of SERVICES) await must(town, 'usage.record', { service, date: date.toISOString().slice(0, 10), quantity: String(d) });
    }
    const dir = join(work, 'sizes');
    mkdirSync(dir);
    const [up] = await must<{ path: string; bytes: number }[]>(town, 'bundle.export', { dir });
    await must(hub, 'bundle.import', { files: [{ path: up!.path }] });
    const [down] = await must<{ bytes: number }[]>(hub, 'bundle.export', { dir, for: '041067' });
    return { up: up!.bytes, down: down!.bytes };
  } finally {
    town.close();
  }
}

function randomFile(dir: string, bytes: number): OutgoingFile {
  const data = randomBytes(bytes);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const path = join(dir, `${sha256}.cstb`);
  writeFileSync(path, data);
  return { path, sha256, bytes };
}

const hub = open('hub');
let mailbox: Awaited<ReturnType<typeof startMailboxProcess>> | undefined;
let sampler: NodeJS.Timeout | undefined;
try {
  await must(hub, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' });
  const sizes = await realMonthSizes(hub);
  const hubId = (await must<{ id: string }>(hub, 'identity.show', {})).id;
  const hubKeys = loadInstallationKeys(join(work, 'hub'));

  const all = listProvinces()
    .flatMap((p) => municipalitiesOfProvince(p.code))
    .slice(0, LIMIT);
  const members = all.map((m) => {
    const signing = generateSigningKeyPair();
    return { istat: m.istat, name: m.name, keys: { signing, keyId: keyIdHex(signing.keyId) }, signingKey: minisignPublicKeyString(signing.publicKey, signing.keyId) };
  });

  const mailboxDir = join(work, 'mailbox');
  await initMailboxFor(hub, mailboxDir, work);
  mailbox = await startMailboxProcess(mailboxDir);
  const url = mailbox.url;
  const pid = mailbox.pid;
  let peakRss = memoryOf(pid).rssMiB;
  const startRss = peakRss;
  sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(pid).rssMiB)), 100);

  const hubCourier = createMailboxCourier({ baseUrl: url, keys: hubKeys, timeoutMs: 120_000 });
  const roster = signRoster(
    {
      format: ROSTER_FORMAT,
      version: 1,
      hub: hubId,
      serial: 1,
      issued_at: new Date().toISOString(),
      members: members.map((m) => ({ id: m.istat, name: m.name, signing_key: m.signingKey })),
    },
    hubKeys.signing,
  );
  const r0 = performance.now();
  await hubCourier.publishRoster!(roster);
  const rosterMs = performance.now() - r0;

  // The bundles, written before the clock starts.
  const files = join(work, 'files');
  mkdirSync(files);
  const replies = members.map(() => randomFile(files, sizes.down));
  const uploads = members.map(() => randomFile(files, sizes.up));
  const downloads = join(work, 'downloads');
  mkdirSync(downloads);

  const linesBefore = mailbox.lines();
  const cpuBefore = cpuTimesOf(pid);
  const clientCpu = process.cpuUsage();
  const t0 = performance.now();
  // 1. The hub's reply to every member.
  await pool(members, CONCURRENCY, async (m, i) => {
    const state = await hubCourier.send(m.istat, replies[i]!, undefined, { fresh: true });
    if (state !== 'waiting') throw new Error(`reply to ${m.istat}: ${state}`);
  });
  const t1 = performance.now();

  // 2. Every member's sync.
  const perMember: number[] = [];
  await pool(members, CONCURRENCY, async (m, i) => {
    const s0 = performance.now();
    const courier = createMailboxCourier({ baseUrl: url, keys: m.keys, timeoutMs: 120_000 });
    if ((await courier.send('hub', uploads[i]!, undefined, { fresh: true })) !== 'waiting') throw new Error(`upload of ${m.istat}`);
    const { items } = await courier.list();
    if (items.length !== 1 || items[0]!.sha256 !== replies[i]!.sha256) throw new Error(`inbox of ${m.istat}: ${items.length}`);
    const dest = join(downloads, `${m.istat}.cstb`);
    await courier.fetch(items[0]!, dest);
    await courier.remove(items[0]!.sha256);
    perMember.push(performance.now() - s0);
    await rm(dest, { force: true });
  });
  const t2 = performance.now();

  // 3. The hub drains its inbox, a page of 1,000 at a time.
  let drained = 0;
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const { items, more } = await hubCourier.list(after, 1000);
    if (items.length === 0) break;
    after = items[items.length - 1]!.sha256;
    await pool(items, CONCURRENCY, async (item) => {
      const dest = join(downloads, `hub-${item.sha256}.cstb`);
      await hubCourier.fetch(item, dest);
      await rm(dest, { force: true });
    });
    await hubCourier.removeMany(items.map((item) => item.sha256));
    drained += items.length;
    if (!more) break;
  }
  const t3 = performance.now();
  if (drained !== members.length) throw new Error(`the hub drained ${drained} of ${members.length}`);
  clearInterval(sampler);
  const mem = memoryOf(pid);
  peakRss = Math.max(peakRss, mem.rssMiB);
  // Every request writes one log line (plus the odd event line: none during the run).
  const requests = mailbox.lines() - linesBefore;
  const cpuAfter = cpuTimesOf(pid);
  const serverUserS = cpuAfter.user - cpuBefore.user;
  const serverSystemS = cpuAfter.system - cpuBefore.system;
  const serverCpuS = serverUserS + serverSystemS;
  const c = process.cpuUsage(clientCpu);
  const clientCpuS = (c.user + c.system) / 1e6;

  perMember.sort((a, b) => a - b);
  const totalS = (t3 - t0) / 1000;
  const common = { members: members.length, concurrency: CONCURRENCY, upBytes: sizes.up, replyBytes: sizes.down };
  report('mailbox_italy_total', totalS, 's', {
    ...common,
    phases: { hubRepliesS: round2((t1 - t0) / 1000), memberSyncsS: round2((t2 - t1) / 1000), hubDrainS: round2((t3 - t2) / 1000) },
    rosterPublishMs: Math.round(rosterMs),
    // CPU used meanwhile: what the wall time is not (the rest is waiting, mostly for fsync).
    mailboxCpuS: round2(serverCpuS),
    mailboxCpuUserS: round2(serverUserS),
    mailboxCpuSystemS: round2(serverSystemS),
    mailboxCpuMsPerRequest: round2((serverCpuS * 1000) / requests),
    clientsCpuS: round2(clientCpuS),
    clientsCpuUserS: round2(c.user / 1e6),
    clientsCpuMsPerRequest: round2((clientCpuS * 1000) / requests),
    target: '< 60 s',
  });
  report('mailbox_italy_member_sync_p50', percentile(perMember, 50), 'ms', { ...common, requestsPerSync: 4 });
  report('mailbox_italy_member_sync_p99', percentile(perMember, 99), 'ms', { ...common, requestsPerSync: 4 });
  report('mailbox_italy_rss_peak', Math.max(mem.hwmMiB, peakRss), 'MiB', { vmHwmMiB: round2(mem.hwmMiB), sampledPeakMiB: round2(peakRss), startMiB: round2(startRss), target: '< 200 MB' });
  report('mailbox_italy_requests_per_s', requests / totalS, 'req/s', { requests, requestsPerMember: round2(requests / members.length) });
} finally {
  if (sampler) clearInterval(sampler);
  await mailbox?.stop();
  hub.close();
  rmSync(work, { recursive: true, force: true });
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
