/**
 * Issue 11, item 9: a data folder that is missing, mistyped, empty, a file, read-only or
 * write-protected gets one plain Italian sentence, and read-only commands never create one.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { cstProcess } from './cli-run';

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const RAW_CODES = /SQLITE_|EEXIST|ENOTDIR|EROFS|EACCES|ENOENT/;

describe('--data-dir', () => {
  it('an empty path is a usage error, and the default folder is not touched', async () => {
    const home = tempDir();
    const env = { XDG_CONFIG_HOME: home, APPDATA: home };
    for (const args of [['check', '--data-dir', ''], ['log', 'verify', '--data-dir='], ['init', '--role', 'hub', '--id', 'X', '--name', 'X', '--data-dir', ' ']]) {
      const r = await run(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/--data-dir vuole il percorso di una cartella/);
    }
    expect(readdirSync(home)).toEqual([]);
  });

  it('read-only commands on a mistyped folder create nothing and do not answer "ok"', async () => {
    const base = tempDir();
    const missing = join(base, 'cst-dati-sbagliata');
    for (const args of [['check'], ['log', 'verify'], ['identity', 'show'], ['bundle', 'history'], ['backup', 'list'], ['recovery', 'status']]) {
      const r = await run([...args, '--data-dir', missing, '--json']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/La cartella dati .*cst-dati-sbagliata non esiste: controllare il percorso indicato/);
      expect(JSON.parse(r.out).error.code).toBe('E_DATA_DIR');
    }
    expect(existsSync(missing)).toBe(false);
    // An existing folder without a database: not configured, and still nothing created.
    const empty = join(base, 'vuota');
    mkdirSync(empty);
    const r = await run(['check', '--data-dir', empty, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe('E_NOT_INITIALIZED');
    expect(r.err).toMatch(/non è ancora configurata .*cst init\. Nulla è stato creato\./);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('a file in place of the folder: one sentence, not EEXIST or ENOTDIR', async () => {
    const base = tempDir();
    const file = join(base, 'dati');
    writeFileSync(file, 'non una cartella');
    for (const [args, dir] of [
      [['check'], file],
      [['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST'], file],
      [['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST'], join(file, 'sotto')],
    ] as const) {
      const r = await run([...args, '--data-dir', dir]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${file} è un file, non una cartella`);
      expect(r.err).not.toMatch(RAW_CODES);
    }
  });

  it('a data folder on a read-only disk: one sentence, not SQLITE_IOERR_LOCK', async (t) => {
    const mnt = tempDir();
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt], { encoding: 'utf8' });
    if (mount.status !== 0) {
      t.skip(); // mounting needs root (CAP_SYS_ADMIN): ${mount.stderr}
      return;
    }
    try {
      const dir = join(mnt, 'dati');
      expect((await run(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--data-dir', dir])).code).toBe(0);
      expect(spawnSync('mount', ['-o', 'remount,ro', mnt]).status).toBe(0);
      for (const args of [['check'], ['log', 'verify'], ['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST']]) {
        const r = await run([...args, '--data-dir', dir, '--json']);
        expect(r.code, args.join(' ')).toBe(1);
        expect(r.err).toMatch(/è su un disco in sola lettura .*Copiare la cartella sul disco del computer/);
        expect(r.err).not.toMatch(RAW_CODES);
        expect(JSON.parse(r.out).error.code).toBe('E_DATA_DIR');
      }
      // A new folder on that disk cannot be created either: the same sentence.
      const r = await run(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST', '--data-dir', join(mnt, 'nuova')]);
      expect(r.err).toMatch(/è su un disco in sola lettura/);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('a write-protected database (0444): one sentence, for a user the permissions bind', (t) => {
    const dir = join(tempDir(), 'dati');
    expect(cstProcess(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--data-dir', dir]).code).toBe(0);
    // Root ignores 0444, so the command runs as `nobody` (the bundle cst just built is reused).
    const who = spawnSync('id', ['-u', 'nobody'], { encoding: 'utf8' });
    if (process.getuid?.() !== 0 || who.status !== 0) return;
    const uid = Number(who.stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).stdout.trim());
    for (const p of [join(dir, '..'), dir, ...readdirSync(dir, { recursive: true }).map((n) => join(dir, String(n)))]) chownSync(p, uid, gid);
    chmodSync(join(dir, 'cst-desk.sqlite'), 0o444);
    const bundle = join(__dirname, '..', '..', 'dist', 'node', 'cst.cjs');
    // A clone inside a private folder (mktemp -d is 0700) is out of `nobody`'s reach: nothing to prove there.
    const nativeModule = join(__dirname, '..', '..', 'node_modules', 'better-sqlite3', 'package.json');
    const readable = spawnSync(process.execPath, ['-e', 'for (const f of process.argv.slice(1)) require("fs").accessSync(f)', bundle, nativeModule], { uid, gid, env: { PATH: process.env.PATH } });
    if (readable.status !== 0) return t.skip('the repository is not readable by nobody here');
    const r = spawnSync(process.execPath, [bundle, 'check', '--data-dir', dir], { encoding: 'utf8', uid, gid, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/è protetto da scrittura \(sola lettura\): CST Desk deve poterlo modificare/);
    expect(r.stderr).not.toMatch(RAW_CODES);
  });
});
