/**
 * `cst recovery status|export|apply` as an operator runs them after a town hall restored an old
 * backup; the recovery bundle checked with Debian's tools (age -d, unzip, minisign -V -H, sha256sum).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { addUsage, cst, tool, pairedHubAndTown } from './cli-run';

describe('cst recovery', () => {
  it('status says what to do, the hub exports the recovery bundle, the town applies it, the chain verifies', async () => {
    const { hub, town, files } = await pairedHubAndTown();

    await addUsage(town, 7, [1, 2]);
    // The backup: the data folder copied while nothing runs.
    const backup = tempDir();
    cpSync(town, backup, { recursive: true });
    await addUsage(town, 8, [3, 4, 5]);
    expect((await cst(['bundle', 'export', '--out', join(files, 'u1.cstb'), '--data-dir', town])).code).toBe(0);
    expect((await cst(['bundle', 'import', join(files, 'u1.cstb'), '--data-dir', hub])).code).toBe(0);

    // The town hall's disk fails; the backup is put back.
    rmSync(town, { recursive: true, force: true });
    cpSync(backup, town, { recursive: true });
    expect((await cst(['bundle', 'export', '--out', join(files, 'h1.cstb'), '--for', '041067', '--data-dir', hub])).code).toBe(0);
    const imp = await cst(['bundle', 'import', join(files, 'h1.cstb'), '--data-dir', town]);
    expect(imp.stdout).toMatch(/ripristino da un backup vecchio/);
    const status = await cst(['recovery', 'status', '--data-dir', town]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/Recupero necessario: il consorzio CST Pesaro-Urbino \(CST-PU\) ha 3 eventi che qui mancano \(qui fino al 2, consorzio fino al 5\)/);
    expect(status.stdout).toMatch(/cst recovery apply FILE/);
    const csv = join(files, 'u.csv');
    writeFileSync(csv, 'servizio;data;quantità\nPEC;06/10/2026;1\n');
    // A write through the CLI (CSV import) is refused with the sentence that says what to do.
    const refusedCsv = await cst(['import', 'usage', csv, '--data-dir', town]);
    expect(refusedCsv.code).toBe(1);
    expect(refusedCsv.stderr).toMatch(/importare il pacchetto di recupero del consorzio/);

    expect((await cst(['recovery', 'export', '--data-dir', hub])).code).toBe(2);
    const recovery = join(files, 'recupero.cstb');
    const exp = await cst(['recovery', 'export', '--for', '041067', '--out', recovery, '--data-dir', hub]);
    expect(exp.stderr).toBe('');
    expect(exp.stdout).toMatch(/pacchetto di recupero per 041067, 5 eventi del comune/);
    expect((await cst(['recovery', 'export', '--for', '041067', '--out', join(files, 'recupero-plain.cstb'), '--plain', '--data-dir', hub])).code).toBe(0);

    // Standard tools: age -d with the town's identity, unzip, minisign -V -H with the hub's key, sha256sum of the copy.
    const townKeys = JSON.parse(readFileSync(join(town, 'keys', 'secret.json'), 'utf8'));
    const hubKeys = JSON.parse(readFileSync(join(hub, 'keys', 'secret.json'), 'utf8'));
    writeFileSync(join(files, 'town-age.txt'), `${townKeys.age_identity}\n`);
    expect(tool('age', ['-d', '-i', join(files, 'town-age.txt'), '-o', join(files, 'rec.zip'), recovery], files).code).toBe(0);
    const audit = join(files, 'audit');
    mkdirSync(audit);
    expect(tool('unzip', ['-q', join(files, 'rec.zip')], audit).code).toBe(0);
    const v = tool('minisign', ['-V', '-H', '-m', 'manifest.json', '-P', hubKeys.signing_key], audit);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/Trusted comment: cst-bundle v1 sender=CST-PU recipient=041067 first=1 last=\d+/);
    const manifest = JSON.parse(readFileSync(join(audit, 'manifest.json'), 'utf8'));
    const copy = manifest.files.find((f: { name: string }) => f.name === 'recupero-041067-1-5.ndjson');
    expect(copy).toMatchObject({ type: 'application/x-ndjson' });
    expect(manifest.ack).toMatchObject({ seq: 5 });
    expect(readdirSync(join(audit, 'files'))).toContain(copy.sha256);
    const sha = spawnSync('sha256sum', [join('files', copy.sha256)], { cwd: audit, encoding: 'utf8' }).stdout.split(' ')[0];
    expect(sha).toBe(copy.sha256);
    // The copy's chain ends at the signed ack: h(n) = SHA-256(h(n-1) ‖ line), recomputed with the shell.
    const h5 = spawnSync(
      'sh',
      ['-c', `h=$(printf '0%.0s' $(seq 64)); while IFS= read -r l; do h=$({ printf '%s' "$h" | xxd -r -p; printf '%s' "$l"; } | sha256sum | cut -c1-64); done < files/${copy.sha256}; printf '%s' "$h"`],
      { cwd: audit, encoding: 'utf8' },
    ).stdout;
    expect(h5).toBe(manifest.ack.hash);

    const applied = await cst(['recovery', 'apply', recovery, '--data-dir', town]);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Recuperati 3 eventi \(dal 3 al 5\)/);
    expect(applied.stdout).toMatch(/usage: 3/);
    expect((await cst(['recovery', 'status', '--data-dir', town])).stdout).toMatch(/Nessun recupero necessario: 5 eventi qui, il consorzio ne ha confermati 5/);
    const verify = await cst(['log', 'verify', '--data-dir', town]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/Catena integra: 5 eventi/);
    const again = await cst(['recovery', 'apply', recovery, '--data-dir', town, '--json']);
    expect(JSON.parse(again.stdout).value).toMatchObject({ recovered: null });
    expect((await cst(['recovery', 'apply', '--data-dir', town])).code).toBe(2);
  }, 120_000);
});
