/** `cst identity import|confirm`, `cst bundle export|import|inspect` as a user runs them, and our files checked with Debian's tools. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { addUsage, cst, tool } from './cli-run';

describe('cst bundle and identity exchange', () => {
  it('exchanges identities, exports, inspects, imports a batch (exit 1 with a bad file), and Debian tools verify our files', async () => {
    const hub = tempDir();
    const town = tempDir();
    const files = tempDir();
    expect((await cst(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--data-dir', hub])).code).toBe(0);
    expect((await cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town])).code).toBe(0);
    expect((await cst(['identity', 'export', '--out', join(files, 'hub.cstid'), '--data-dir', hub])).code).toBe(0);
    expect((await cst(['identity', 'export', '--out', join(files, 'town.cstid'), '--data-dir', town])).code).toBe(0);

    const imp = await cst(['identity', 'import', join(files, 'town.cstid'), '--data-dir', hub, '--json']);
    expect(imp.code).toBe(0);
    const peer = JSON.parse(imp.stdout).value;
    expect(peer).toMatchObject({ kind: 'municipality', id: '041067', status: 'pending' });
    const wrong = await cst(['identity', 'confirm', '041067', '--fingerprint', '12345 12345 12345 12345 12345 12345', '--data-dir', hub]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/non corrisponde/);
    expect((await cst(['identity', 'confirm', '041067', '--fingerprint', peer.fingerprint, '--data-dir', hub])).code).toBe(0);
    const hubPeer = JSON.parse((await cst(['identity', 'import', join(files, 'hub.cstid'), '--data-dir', town, '--json'])).stdout).value;
    expect((await cst(['identity', 'confirm', 'CST-PU', '--fingerprint', hubPeer.fingerprint.replaceAll(' ', ''), '--data-dir', town])).code).toBe(0);

    await addUsage(town, 7, [1, 2, 3]);
    const enc = join(files, 'urbino.cstb');
    const exp = await cst(['bundle', 'export', '--out', enc, '--data-dir', town]);
    expect(exp.stderr).toBe('');
    expect(exp.code).toBe(0);
    const plain = join(files, 'urbino-plain.cstb');
    expect((await cst(['bundle', 'export', '--out', plain, '--plain', '--data-dir', town])).code).toBe(0);

    const insp = await cst(['bundle', 'inspect', enc, '--data-dir', hub]);
    expect(insp.code).toBe(0);
    expect(insp.stdout).toMatch(/7\. firma: ok/);
    expect(insp.stdout).toMatch(/Tipi: usage 3/);

    writeFileSync(join(files, 'broken.cstb'), Buffer.from('PK\u0003\u0004 not really'));
    const batch = await cst(['bundle', 'import', enc, join(files, 'broken.cstb'), '--data-dir', hub]);
    expect(batch.code).toBe(1);
    const lines = batch.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^applied\t041067\t1-3\t/);
    expect(lines[1]).toMatch(/^E_FORMAT\t-\t-\tbroken\.cstb\t/);
    const again = await cst(['bundle', 'import', plain, '--data-dir', hub, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).value[0]).toMatchObject({ outcome: 'duplicate', range: { first: 1, last: 3 } });

    // Debian's tools: unzip + minisign -V -H on the plain bundle, age -d on the encrypted one.
    const audit = join(files, 'audit');
    mkdirSync(audit);
    expect(tool('unzip', ['-q', plain], audit).code).toBe(0);
    const townKeys = JSON.parse(readFileSync(join(town, 'keys', 'secret.json'), 'utf8'));
    const v = tool('minisign', ['-V', '-H', '-m', 'manifest.json', '-P', townKeys.signing_key], audit);
    expect(v.out).toMatch(/Trusted comment: cst-bundle v1 sender=041067 recipient=CST-PU first=1 last=3/);
    expect(v.code).toBe(0);
    const hubKeys = JSON.parse(readFileSync(join(hub, 'keys', 'secret.json'), 'utf8'));
    writeFileSync(join(files, 'hub-age.txt'), `${hubKeys.age_identity}\n`);
    const dec = tool('age', ['-d', '-i', join(files, 'hub-age.txt'), '-o', join(files, 'dec.zip'), enc], files);
    expect(dec.code).toBe(0);
    const audit2 = join(files, 'audit2');
    mkdirSync(audit2);
    expect(tool('unzip', ['-q', join(files, 'dec.zip')], audit2).code).toBe(0);
    expect(tool('minisign', ['-V', '-H', '-m', 'manifest.json', '-P', townKeys.signing_key], audit2).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(audit2, 'manifest.json'), 'utf8'));
    const sha = spawnSync('sha256sum', ['events.ndjson'], { cwd: audit2, encoding: 'utf8' }).stdout.split(' ')[0];
    expect(sha).toBe(manifest.events.sha256);
    expect(Object.keys(manifest)).toEqual(['format', 'version', 'schema', 'bundle_id', 'created_at', 'sender', 'recipient', 'key_id', 'events', 'files', 'ack', 'app']);
    expect(readFileSync(join(audit2, 'manifest.json'), 'utf8')).not.toMatch(/\n/);

    const hist = JSON.parse((await cst(['bundle', 'history', '--data-dir', hub, '--json'])).stdout).value;
    expect(hist.receptions.map((r: { code: string | null; outcome: string }) => r.code ?? r.outcome)).toEqual(['duplicate', 'E_FORMAT', 'applied']);

    // The hub's files for every member are named by town and day (the office's calendar), not by code.
    const out = join(files, 'membri');
    const all = await cst(['bundle', 'export', '--all-members', out, '--data-dir', hub]);
    expect(all.code).toBe(0);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
    expect(readdirSync(out)).toEqual([`Urbino-${day}.cstb`]);
    expect(all.stdout).toContain(`Urbino-${day}.cstb: per Urbino (041067)`);
    expect((await cst(['bundle', 'import', join(out, `Urbino-${day}.cstb`), '--data-dir', town])).code).toBe(0);
  }, 60_000);
});
