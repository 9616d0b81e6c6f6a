import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const BIN = join(__dirname, '..', '..', 'bin', 'cst.mjs');

/**
 * The identity file the app exports, checked with nothing of ours: Debian's unzip and
 * minisign, and the fingerprint recomputed from docs/bundle-format.md with sha256sum.
 */
describe('exported identity file, verified by standard tools', () => {
  it.each([
    ['municipality', ['--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi']],
    ['hub', ['--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino']],
  ])('%s: minisign -V verifies identity.json and the fingerprint matches', (_role, initArgs) => {
    const dataDir = tempDir();
    const work = tempDir();
    const init = spawnSync(process.execPath, [BIN, 'init', ...initArgs, '--data-dir', dataDir, '--json'], { encoding: 'utf8' });
    expect(init.status).toBe(0);
    const shownFingerprint = JSON.parse(init.stdout).value.fingerprint as string;
    const file = join(work, 'id.cstid');
    expect(spawnSync(process.execPath, [BIN, 'identity', 'export', '--out', file, '--data-dir', dataDir]).status).toBe(0);

    execFileSync('unzip', ['-q', file, '-d', join(work, 'x')]);
    const identity = JSON.parse(readFileSync(join(work, 'x', 'identity.json'), 'utf8'));
    const verified = execFileSync('minisign', ['-V', '-H', '-m', 'identity.json', '-P', identity.signing_key], {
      cwd: join(work, 'x'),
      encoding: 'utf8',
    });
    expect(verified).toContain(`Trusted comment: cst-identity v1 id=${identity.id}`);

    // SHA-256 over signing_key, 0x0A, age_recipient; bytes 0-29 in six 5-byte big-endian chunks, mod 100000.
    const digestHex = execFileSync('sha256sum', { input: `${identity.signing_key}\n${identity.age_recipient}`, encoding: 'utf8' }).split(' ')[0]!;
    const groups = [0, 1, 2, 3, 4, 5].map((i) => (BigInt(`0x${digestHex.slice(i * 10, i * 10 + 10)}`) % 100000n).toString().padStart(5, '0'));
    expect(groups.join(' ')).toBe(shownFingerprint);
  });

  it('a tampered identity.json no longer verifies with minisign', () => {
    const dataDir = tempDir();
    const work = tempDir();
    spawnSync(process.execPath, [BIN, 'init', '--role', 'municipality', '--istat', '041067', '--data-dir', dataDir]);
    const file = join(work, 'id.cstid');
    spawnSync(process.execPath, [BIN, 'identity', 'export', '--out', file, '--data-dir', dataDir]);
    execFileSync('unzip', ['-q', file, '-d', work]);
    const path = join(work, 'identity.json');
    const identity = JSON.parse(readFileSync(path, 'utf8'));
    execFileSync('sed', ['-i', 's/Urbino/Urbini/', path]);
    const r = spawnSync('minisign', ['-V', '-H', '-m', path, '-P', identity.signing_key], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
  });
});
