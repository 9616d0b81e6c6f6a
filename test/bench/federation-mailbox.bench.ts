/**
 * Federation through the mailbox (docs/federation.md, "Through the mailbox"): CST_BENCH_MEMBERS
 * member bundles (default 50, every municipality of the province of Pesaro-Urbino; CST_BENCH_EVENTS usage events each, default 50) received by a
 * provincial hub, forwarded to its own mailbox for the regional hub (the signed roster and every
 * file: forwardThroughMailbox with the real client), then collected by the regional hub's sync
 * round (list, download, import, delete). The folder path on the same files, for comparison:
 * federation.forward then federation.import. Then the way down: the regional hub's collection
 * left its own bundle (encrypted to the province and every member) in the province's inbox, and
 * the province's next round imports it and uploads it to each member's inbox (`down-round`).
 * Real backends, a real mailbox server on 127.0.0.1.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type Backend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { confirmIdentity, importIdentity } from '../../electron/core/sync/peers/identity-exchange';
import { fingerprint } from '../../electron/core/format/crypto/fingerprint';
import { createMailboxCourier } from '../../electron/core/sync/network/mailbox-courier';
import type { MailboxCourierMaker } from '../../electron/core/sync/network/courier-factory';
import { forwardThroughMailbox } from '../../electron/core/sync/federation/mailbox-forward';
import { initMailbox } from '../../electron/server/mailbox/init';
import { startMailboxServer } from '../../electron/server/mailbox/server';
import { identityFileOf, newParty } from '../sync/bundle-craft';
import { writeUsageBundle } from '../sync/bundle-gen';
import { must, report } from './bench-util';

const MEMBERS = Number(process.env.CST_BENCH_MEMBERS ?? 50);
const EVENTS = Number(process.env.CST_BENCH_EVENTS ?? 50);
const silent = { info() {}, warn() {}, error() {} };
const root = mkdtempSync(join(tmpdir(), 'cst-bench-federation-mailbox-'));


/** Time spent in the regional hub's downloads (the real client, timed). */
let fetchMs = 0;
const timedMailbox: MailboxCourierMaker = ({ baseUrl, dataDir }) => {
  const real = createMailboxCourier({ baseUrl, keys: loadInstallationKeys(dataDir) });
  return {
    ...real,
    kind: 'mailbox',
    async fetch(item, dest, onProgress, options) {
      const t0 = performance.now();
      try {
        return await real.fetch(item, dest, onProgress, options);
      } finally {
        fetchMs += performance.now() - t0;
      }
    },
  };
};

function open(name: string): Backend {
  return openBackend({ autoBackupDelayMs: false, dataDir: join(root, name), appVersion: 'bench', clock: fixedClock(), ids: sequentialIds(), log: silent, mailboxCourier: timedMailbox });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<void> {
  process.env.CST_BUNDLE_VERIFY ??= 'inline';
  const province = open('province');
  const region = open('region');
  const folderRegion = open('region-folder');
  const mailboxDir = join(root, 'mailbox');
  mkdirSync(mailboxDir);
  let server: Awaited<ReturnType<typeof startMailboxServer>> | null = null;
  try {
    await must(province, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'bench' });
    // Two regional hubs with the same identity would be two keys: the folder path gets its own region, linked the same way.
    for (const r of [region, folderRegion]) await must(r, 'setup.hub', { id: 'REG-MARCHE', name: 'Regione Marche', operator: 'bench' });
    const regionId = await must<{ contentBase64: string }>(region, 'identity.export', {});
    const rr = await must<{ fingerprint: string }>(province, 'federation.regional.import', { contentBase64: regionId.contentBase64 });
    await must(province, 'federation.regional.confirm', { fingerprint: rr.fingerprint });
    const provinceId = await must<{ contentBase64: string }>(province, 'identity.export', {});
    for (const r of [region, folderRegion]) {
      const p = await must<{ id: string; fingerprint: string }>(r, 'federation.province.import', { contentBase64: provinceId.contentBase64 });
      await must(r, 'federation.province.confirm', { id: p.id, fingerprint: p.fingerprint });
    }

    const me = await must<{ fingerprint: string }>(province, 'identity.show', {});
    initMailbox({ dataDir: mailboxDir, hubFile: Buffer.from(provinceId.contentBase64, 'base64'), hubFileName: 'CST-PU.cstid', fingerprint: me.fingerprint });
    server = await startMailboxServer({ dataDir: mailboxDir, host: '127.0.0.1', port: 0, log: false });
    await must(province, 'sync.configure', { mailbox: server.url });
    await must(region, 'federation.province.mailbox', { id: 'CST-PU', url: server.url });

    const provinceKeys = loadInstallationKeys(join(root, 'province'));
    const regionKeys = loadInstallationKeys(join(root, 'region'));
    const files: string[] = [];
    // The province's own members (setup.hub seeds them from the ISTAT list), as many as asked.
    const istats = province.ctx.db.prepare('SELECT istat FROM members ORDER BY istat LIMIT ?').pluck().all(MEMBERS) as string[];
    if (istats.length < MEMBERS) throw new Error(`only ${istats.length} members in the province`);
    for (const [i, istat] of istats.entries()) {
      const member = newParty('municipality', istat, `Comune ${i}`);
      importIdentity(province.ctx, identityFileOf(member));
      confirmIdentity(province.ctx, member.id, fingerprint(member.signingKey, member.ageRecipient));
      const path = join(root, `${istat}.cstb`);
      await writeUsageBundle({ from: member, to: { kind: 'hub', id: 'CST-PU', ageRecipient: provinceKeys.ageRecipient }, alsoTo: [regionKeys.ageRecipient], count: EVENTS, idBase: 0x10_0000_0000 + i * 1_000_000, path, workDir: root, encrypt: true });
      files.push(path);
    }
    // The first round publishes the mailbox roster naming the regional hub (and sends the members their bundles).
    await must(province, 'sync.now', {});
    const imported = await must<{ outcome: string }[]>(province, 'bundle.import', { files: files.map((path) => ({ path })) });
    if (imported.some((r) => r.outcome !== 'applied')) throw new Error(`province import: ${JSON.stringify(imported.find((r) => r.outcome !== 'applied'))}`);

    // The folder path first (its files are forwarded again with `all`), so the mailbox path does
    // not pay alone for the first import's warm-up (JIT, page cache).
    const dir = join(root, 'forwarded');
    const folderForward = await timed(() => must(province, 'federation.forward', { dir }));
    const folderImport = await timed(() => must(folderRegion, 'federation.import', { dir }));

    // federation_forwarded now holds every file: the mailbox path forwards them again.
    province.ctx.db.prepare('DELETE FROM federation_forwarded').run();
    const courier = createMailboxCourier({ baseUrl: server.url, keys: provinceKeys });
    const forward = await timed(() => forwardThroughMailbox(province.ctx, courier));
    if (forward.value.files !== MEMBERS) throw new Error(`forwarded ${forward.value.files}`);
    // The province's acknowledgements to its members now, so that the round measured below is the way down alone.
    await must(province, 'sync.now', {});
    const collect = await timed(() => must<{ lastError: unknown }>(region, 'sync.now', {}));
    if (collect.value.lastError) throw new Error(JSON.stringify(collect.value.lastError));
    const applied = region.ctx.db.prepare("SELECT count(*) FROM received_bundles WHERE outcome = 'applied' AND sender_kind = 'municipality'").pluck().get() as number;
    if (applied !== MEMBERS) throw new Error(`region applied ${applied}`);

    // The way down: the province takes the region's bundle from its inbox and sends it to every member.
    const down = await timed(() => must<{ lastError: unknown }>(province, 'sync.now', {}));
    if (down.value.lastError) throw new Error(JSON.stringify(down.value.lastError));
    const downFiles = province.ctx.db.prepare('SELECT count(*) FROM federation_forwarded_down').pluck().get() as number;
    if (downFiles !== MEMBERS) throw new Error(`forwarded down ${downFiles}`);


    const extra = { members: MEMBERS, eventsPerBundle: EVENTS };
    report('federation-mailbox.forward', forward.ms, 'ms', { ...extra, msPerFile: forward.ms / MEMBERS });
    report('federation-mailbox.collect', collect.ms, 'ms', { ...extra, msPerFile: collect.ms / MEMBERS, downloadsMs: Math.round(fetchMs) });
    report('federation-mailbox.folder-forward', folderForward.ms, 'ms', extra);
    report('federation-mailbox.folder-import', folderImport.ms, 'ms', extra);
    report('federation-mailbox.down-round', down.ms, 'ms', { ...extra, filesDown: downFiles, msPerMember: down.ms / MEMBERS });
    report('federation-mailbox.mailbox-vs-folder', (forward.ms + collect.ms) / (folderForward.ms + folderImport.ms), 'ratio', extra);
  } finally {
    await server?.close();
    province.close();
    region.close();
    folderRegion.close();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
