/** Files over their limit are refused having read only up to the limit (issue 11, item 11). */
import { spawn, spawnSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_IDENTITY_FILE_BYTES } from '../../electron/core/format/container/identity-file';
import { readFileUpTo } from '../../electron/core/platform/fs/bounded-read';
import { BIN } from '../cli/cli-run';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';

const LIMIT_MESSAGE = 'Il file scelto è troppo grande per essere un file di identità CST (.cstid).';

/** A sparse file of 3 GiB: no disk used, but far past any limit (and past what Node reads at once). */
function hugeFile(dir: string): string {
  const path = join(dir, 'enorme.cstid');
  writeFileSync(path, '');
  truncateSync(path, 3 * 1024 ** 3);
  return path;
}

describe('bounded reads', () => {
  it('reads a small file whole and refuses one past the limit by its size', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'small'), 'abc');
    expect(readFileUpTo(join(dir, 'small'), 3)?.toString()).toBe('abc');
    expect(readFileUpTo(join(dir, 'small'), 2)).toBeNull();
    expect(readFileUpTo(hugeFile(dir), 1024)).toBeNull();
  });

  it('stops at the limit on a pipe that never ends, without waiting for its end', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.cstid');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // A writer that sends more than the limit and then keeps the pipe open for a minute.
    const writer = spawn('sh', ['-c', `exec 3>"${fifo}"; head -c 70000 /dev/zero >&3; sleep 60`], { stdio: 'ignore' });
    try {
      const started = Date.now();
      expect(readFileUpTo(fifo, MAX_IDENTITY_FILE_BYTES)).toBeNull();
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      writer.kill();
    }
  });
});

describe('identity files over the limit', () => {
  it('bundle.inspect refuses a huge identity file as too large (E_LIMIT), not as unreadable', async () => {
    const dir = tempDir();
    const t = openTestBackend();
    writeFileSync(join(dir, 'pacchetto.cstb'), 'not a bundle');
    const r = await t.call('bundle.inspect', { path: join(dir, 'pacchetto.cstb'), identityPath: hugeFile(dir) });
    expect(r).toMatchObject({ ok: false, error: { code: 'E_LIMIT', message: LIMIT_MESSAGE } });
  });

  it('cst identity import refuses a huge file with the limit sentence', () => {
    const dir = tempDir();
    const r = spawnSync(process.execPath, [BIN, 'identity', 'import', hugeFile(dir), '--data-dir', tempDir()], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(LIMIT_MESSAGE);
  });
});
