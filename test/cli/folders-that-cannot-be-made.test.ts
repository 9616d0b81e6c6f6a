import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../electron/core/platform/fs/make-folders';
import { tempDir } from '../helpers/temp-dir';
import { BIN } from './cli-run';

/**
 * A folder typed on the command line that cannot be made is refused at once, in words. Node 20's
 * recursive mkdir never returned for a path under /proc: `cst bundle export --all-members /proc/x` hung.
 * The command runs as a real process with a time limit, so a hang fails the test instead of
 * stopping the run.
 */
const LINUX_PROC = process.platform === 'linux' && existsSync('/proc/self');

function cstWithin(seconds: number, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: seconds * 1000, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
}

describe('folders that cannot be made', () => {
  it('makeFolders makes the missing folders and leaves an existing one as it is', () => {
    const base = tempDir();
    makeFolders(join(base, 'a', 'b', 'c'));
    expect(existsSync(join(base, 'a', 'b', 'c'))).toBe(true);
    makeFolders(join(base, 'a', 'b', 'c'));
    makeFolders(base);
  });

  it.skipIf(!LINUX_PROC)('cst bundle export --all-members under /proc ends at once with the reason, nothing hangs', () => {
    const hub = tempDir();
    expect(cstWithin(30, ['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--data-dir', hub]).status).toBe(0);
    const r = cstWithin(30, ['bundle', 'export', '--all-members', '/proc/cst-no-such/folder', '--data-dir', hub]);
    expect(r.error).toBeUndefined(); // ETIMEDOUT when it hangs
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/La cartella \/proc\/cst-no-such\/folder non esiste e non si può creare \(ENOENT\)/);
  });

  it.skipIf(!LINUX_PROC)('a data folder under /proc is refused the same way', () => {
    const r = cstWithin(30, ['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', '/proc/cst-no-such/data']);
    expect(r.error).toBeUndefined();
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().length).toBeGreaterThan(0);
  });
});
