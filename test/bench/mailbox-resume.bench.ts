/**
 * A 50 MiB bundle interrupted at 90 % resumes sending only the rest (issue 10 "Speed"): the
 * real `cst mailbox serve` process, the real courier, and between them a TCP relay that counts
 * the bytes each way and cuts every connection once 45 MiB went one way (bench-mailbox.ts).
 * The courier's call fails (offline); the next call resumes. Figures: the bytes on the wire after
 * the resume, against the 5 MiB that remained after the cut (target: the rest plus at most the
 * one 1 MiB chunk the cut interrupted), for an upload (member → mailbox) and a download
 * (mailbox → hub).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../../electron/core/app/backend';
import { generateSigningKeyPair, keyIdHex, minisignPublicKeyString } from '../../electron/core/format/crypto/minisign';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { CourierError } from '../../electron/core/sync/network/courier';
import { createMailboxCourier } from '../../electron/core/sync/network/mailbox-courier';
import { ROSTER_FORMAT, signRoster } from '../../electron/core/sync/network/roster';
import { must, report } from './bench-util';
import { initMailboxFor, startCountingProxy, startMailboxProcess } from './bench-mailbox';

const MiB = 1024 * 1024;
const SIZE = 50 * MiB;
const CUT = 45 * MiB;

const work = mkdtempSync(join(tmpdir(), 'cst-bench-resume-'));
const hub = openBackend({ autoBackupDelayMs: false, dataDir: join(work, 'hub'), appVersion: 'bench', log: { info() {}, warn() {}, error() {} } });
let mailbox: Awaited<ReturnType<typeof startMailboxProcess>> | undefined;
let proxy: Awaited<ReturnType<typeof startCountingProxy>> | undefined;


/**
 * Runs a transfer the cut interrupts: the courier either fails (offline), and is called again,
 * or retries by itself on a new connection (it does so once for a connection that was reset);
 * either way, what it does after the cut is the resume. Returns how it was interrupted.
 */
async function transferThroughCut<T>(step: () => Promise<T>): Promise<{ result: T; interruption: string }> {
  try {
    return { result: await step(), interruption: 'retried by the courier within the same call' };
  } catch (err) {
    if (!(err instanceof CourierError && err.reason === 'offline')) throw err;
    return { result: await step(), interruption: `call failed (${err.message}), called again` };
  }
}

try {
  await must(hub, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', province: 'PU', operator: 'Ufficio CST' });
  const hubId = (await must<{ id: string }>(hub, 'identity.show', {})).id;
  const hubKeys = loadInstallationKeys(join(work, 'hub'));
  const signing = generateSigningKeyPair();
  const member = { signing, keyId: keyIdHex(signing.keyId) };

  const mailboxDir = join(work, 'mailbox');
  await initMailboxFor(hub, mailboxDir, work);
  mailbox = await startMailboxProcess(mailboxDir);
  const target = new URL(mailbox.url);
  proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port) });
  const viaProxy = (keys: typeof member) => createMailboxCourier({ baseUrl: proxy!.url, keys, timeoutMs: 60_000 });
  const roster = signRoster(
    { format: ROSTER_FORMAT, version: 1, hub: hubId, serial: 1, issued_at: new Date().toISOString(), members: [{ id: '041067', name: 'Urbino', signing_key: minisignPublicKeyString(signing.publicKey, signing.keyId) }] },
    hubKeys.signing,
  );
  await createMailboxCourier({ baseUrl: mailbox.url, keys: hubKeys }).publishRoster!(roster);

  const data = randomBytes(SIZE);
  const file = { path: join(work, 'big.cstb'), sha256: createHash('sha256').update(data).digest('hex'), bytes: SIZE };
  writeFileSync(file.path, data);

  // Upload: cut after 45 MiB towards the server; everything sent after that point is the resume.
  const up = viaProxy(member);
  const upCut = proxy.bytes.toServer + CUT;
  proxy.cutAfter('toServer', upCut);
  const upload = await transferThroughCut(() => up.send('hub', file));
  const upAfter = proxy.bytes.toServer - upCut;
  if (upload.result !== 'waiting') throw new Error(`upload ended ${upload.result}`);
  const extra = { fileMiB: SIZE / MiB, cutAtMiB: CUT / MiB, remainingMiB: (SIZE - CUT) / MiB, chunkMiB: 1, target: 'remaining + at most one 1 MiB chunk' };
  report('mailbox_resume_upload_sent_after_resume', upAfter / MiB, 'MiB', {
    ...extra,
    interruption: upload.interruption,
    overRemainingMiB: round3((upAfter - (SIZE - CUT)) / MiB),
    pctOfFile: round3((100 * upAfter) / SIZE),
  });

  // Download by the hub: cut after 45 MiB towards the client, then resume from the .part file.
  const down = viaProxy(hubKeys);
  const [item] = (await down.list()).items;
  if (!item || item.sha256 !== file.sha256) throw new Error('the upload is not in the hub’s inbox');
  const dest = join(work, 'received.cstb');
  const downCut = proxy.bytes.toClient + CUT;
  proxy.cutAfter('toClient', downCut);
  const download = await transferThroughCut(() => down.fetch(item, dest));
  const downAfter = proxy.bytes.toClient - downCut;
  if (!readFileSync(dest).equals(data)) throw new Error('the download differs');
  report('mailbox_resume_download_received_after_resume', downAfter / MiB, 'MiB', {
    ...extra,
    interruption: download.interruption,
    overRemainingMiB: round3((downAfter - (SIZE - CUT)) / MiB),
    pctOfFile: round3((100 * downAfter) / SIZE),
  });
} finally {
  await proxy?.close();
  await mailbox?.stop();
  hub.close();
  rmSync(work, { recursive: true, force: true });
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
