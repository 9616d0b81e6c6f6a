/**
 * `cst mailbox init` and `cst mailbox serve` as an operator runs them (README "The mailbox
 * server"): the hub confirmed by its fingerprint, the real process started, stopped by SIGTERM,
 * killed with -9 in mid-upload and restarted, the upload then resuming; the roster it keeps
 * verifies with Debian's `minisign -V`.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadInstallationKeys } from '../../electron/core/sync/identity/keys';
import { publicKeyFile } from '../../electron/core/format/crypto/minisign';
import { DB_FILE_NAME } from '../../electron/core/platform/store/db-file';
import { courierFor, hubIdentityFile, rosterFor, signedHeaders, startMailboxProcess, startTestMailbox, stopTestMailboxes, until } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from '../sync/hub-helpers';
import { cst, tool } from './cli-run';

afterEach(stopTestMailboxes);

async function hubFileOnDisk(hub: Awaited<ReturnType<typeof openHub>>) {
  const { hubFile, fingerprint } = await hubIdentityFile(hub);
  const path = join(tempDir(), 'consorzio.cstid');
  writeFileSync(path, hubFile);
  return { path, fingerprint };
}

describe('cst mailbox init', () => {
  it('takes the hub whose fingerprint is typed, refuses a wrong one, a municipality and another hub', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const { path, fingerprint } = await hubFileOnDisk(hub);
    const dir = join(tempDir(), 'mailbox');

    const wrong = await cst(['mailbox', 'init', '--data-dir', dir, '--hub', path, '--fingerprint', '00000 00000 00000 00000 00000 00000']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("L’impronta digitata non corrisponde");

    const townFile = join(tempDir(), 'comune.cstid');
    writeFileSync(townFile, Buffer.from((await town.must('identity.export', {})).contentBase64, 'base64'));
    const townFp = (await town.must('identity.show', {})).fingerprint;
    const notHub = await cst(['mailbox', 'init', '--data-dir', dir, '--hub', townFile, '--fingerprint', townFp]);
    expect(notHub.code).toBe(1);
    expect(notHub.stderr).toContain('non del consorzio');

    const ok = await cst(['mailbox', 'init', '--data-dir', dir, '--hub', path, '--fingerprint', fingerprint.replaceAll(' ', '-')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('CST-PU');
    expect(readdirSync(dir).sort()).toEqual(['mailbox.sqlite', 'mailbox.sqlite-shm', 'mailbox.sqlite-wal'].filter((f) => existsSync(join(dir, f))));
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(false); // not an installation
    expect((await cst(['mailbox', 'init', '--data-dir', dir, '--hub', path, '--fingerprint', fingerprint])).code).toBe(0);

    const otherHub = await openHub();
    const other = await hubFileOnDisk(otherHub);
    const refused = await cst(['mailbox', 'init', '--data-dir', dir, '--hub', other.path, '--fingerprint', other.fingerprint, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already serves the consortium CST-PU');

    const notInit = await cst(['mailbox', 'serve', '--data-dir', tempDir(), '--listen', '127.0.0.1:0']);
    expect(notInit.code).toBe(1);
    expect(notInit.stderr).toContain('non è la cartella di un server del consorzio');
    const badListen = await cst(['mailbox', 'serve', '--data-dir', dir, '--listen', 'localhost']);
    expect([badListen.code, badListen.stderr.includes('INDIRIZZO:PORTA')]).toEqual([1, true]);
  });
});

describe('cst mailbox serve, a real process', () => {
  it('says where it listens, answers, and stops cleanly on SIGTERM', async () => {
    const hub = await openHub();
    const { path, fingerprint } = await hubFileOnDisk(hub);
    const dir = tempDir();
    expect((await cst(['mailbox', 'init', '--data-dir', dir, '--hub', path, '--fingerprint', fingerprint])).code).toBe(0);
    const server = await startMailboxProcess({ dataDir: dir });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = (await (await fetch(`${server.url}/v1/health`)).json()) as { status: string };
    expect(health.status).toBe('ok');
    // A second server on the same folder is refused while the first runs.
    const second = await cst(['mailbox', 'serve', '--data-dir', dir, '--listen', '127.0.0.1:0']);
    expect([second.code, second.stderr.includes('già usata')]).toEqual([1, true]);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(server.logs().find((l) => l.route === '/v1/health')).toMatchObject({ method: 'GET', status: 200 });
  });

  it('killed with -9 in mid-upload: restarted, the upload resumes from the last whole chunk and the bundle arrives intact', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-10-05', quantity: '2' });
    const { path, fingerprint } = await hubFileOnDisk(hub);
    const dir = tempDir();
    expect((await cst(['mailbox', 'init', '--data-dir', dir, '--hub', path, '--fingerprint', fingerprint])).code).toBe(0);
    let server = await startMailboxProcess({ dataDir: dir });
    await courierFor(hub, server.url).publishRoster!(await rosterFor(hub, [town]));

    const [up] = await town.must('bundle.export', { dir: tempDir() });
    const file = { path: up!.path, sha256: up!.sha256, bytes: up!.bytes };
    const chunk = 256;
    expect(file.bytes).toBeGreaterThan(4 * chunk);
    const stop = new Error('client stopped');
    await expect(courierFor(town, server.url, { chunkBytes: chunk }).send('hub', file, (done) => { if (done >= 2 * chunk) throw stop; })).rejects.toBe(stop);

    // The third chunk is on the wire, half sent, when the server dies.
    const { port } = new URL(server.url);
    const third = readFileSync(file.path).subarray(2 * chunk, 3 * chunk);
    const target = `/v1/send/hub/${file.sha256}`;
    const headers = signedHeaders(loadInstallationKeys(town.dataDir), { method: 'PUT', targetUri: `${server.url}${target}`, body: third });
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    const head = [`PUT ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/octet-stream', `Content-Length: ${chunk}`, `Content-Range: bytes ${2 * chunk}-${3 * chunk - 1}/${file.bytes}`];
    for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
    await new Promise<void>((done) => socket.write(`${head.join('\r\n')}\r\n\r\n`, () => socket.write(third.subarray(0, chunk / 2), () => done())));
    await server.kill();
    socket.destroy();
    writeFileSync(join(dir, 'bundles', '.leftover.tmp'), 'x'); // what a crash may leave

    server = await startMailboxProcess({ dataDir: dir });
    expect(existsSync(join(dir, 'bundles', '.leftover.tmp'))).toBe(false);
    const townCourier = courierFor(town, server.url, { chunkBytes: chunk });
    expect(await townCourier.sendState('hub', file.sha256)).toBe('partial');
    expect(await townCourier.send('hub', file)).toBe('waiting');
    const puts = () => server.logs().filter((l) => l.route === '/v1/send/:recipient/:sha256' && l.method === 'PUT');
    await until(() => puts().length >= Math.ceil((file.bytes - 2 * chunk) / chunk));
    expect(puts().reduce((n, l) => n + (l.in ?? 0), 0)).toBe(file.bytes - 2 * chunk);

    const hubCourier = courierFor(hub, server.url);
    const [item] = (await hubCourier.list()).items;
    const dest = join(tempDir(), 'in.cstb');
    await hubCourier.fetch(item!, dest);
    expect(readFileSync(dest).equals(readFileSync(file.path))).toBe(true);
    const [imported] = await hub.must('bundle.import', { files: [{ path: dest }] });
    expect(imported!.outcome).toBe('applied');
    expect((await server.stop()).code).toBe(0);
  });
});

describe('the roster the mailbox keeps', () => {
  it('verifies with minisign -V and the hub’s public key', async () => {
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    const mailbox = await startTestMailbox({ hub });
    await courierFor(hub, mailbox.url).publishRoster!(await rosterFor(hub, [town]));
    await mailbox.close();
    const db = new Database(join(mailbox.dataDir, 'mailbox.sqlite'), { readonly: true });
    const stored = db.prepare('SELECT text, signature FROM roster').get() as { text: string; signature: string };
    db.close();
    const work = tempDir();
    writeFileSync(join(work, 'roster.json'), stored.text);
    writeFileSync(join(work, 'roster.json.minisig'), stored.signature);
    const keys = loadInstallationKeys(hub.dataDir);
    writeFileSync(join(work, 'hub.pub'), publicKeyFile(keys.signing.publicKey, keys.signing.keyId));
    const r = tool('minisign', ['-V', '-p', 'hub.pub', '-m', 'roster.json'], work);
    expect(r.out).toContain('Signature and comment signature verified');
    expect(r.out).toContain('cst-mailbox-roster CST-PU 1');
    expect(r.code).toBe(0);
  });
});
