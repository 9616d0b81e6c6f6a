import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/run-cli';
import { openBackend } from '../../electron/core/app/backend';
import { fixedClock, sequentialIds } from '../../electron/core/platform/defaults';
import { tempDir } from '../helpers/temp-dir';

export const BIN = join(__dirname, '..', '..', 'bin', 'cst.mjs');

/**
 * The locale pinned to one that names no language (Italian, the default), so that the tests'
 * Italian sentences hold on a machine set to English too; a test passes `LANG` to try another.
 */
export const NO_LANGUAGE = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

export interface CstResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `cst` in this process: the `runCli` that bin/cst.mjs runs, with the same arguments, its
 * stdout and stderr captured line by line and its exit code returned. For what the process
 * boundary does not change (a child process costs ~0.6 s of start-up each time); what only a
 * real process proves (exit status, locking between processes, `npx cst`) uses `cstProcess`.
 */
export async function cst(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CstResult> {
  let stdout = '';
  let stderr = '';
  const io = { out: (text: string) => void (stdout += `${text}\n`), err: (text: string) => void (stderr += `${text}\n`) };
  const code = await runCli(args, io, { ...process.env, ...NO_LANGUAGE, ...env });
  return { code, stdout, stderr };
}

/** The real `cst` command in a child process, as an operator runs it. */
export function cstProcess(args: string[], env: NodeJS.ProcessEnv = {}): CstResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...NO_LANGUAGE, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One of Debian's tools (age, minisign, unzip, sha256sum…) with empty stdin; stdout and stderr together. */
export function tool(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', input: '' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** PEC usage entries on these days of October 2026, recorded through the API with ids from `seed`. */
export async function addUsage(dataDir: string, seed: number, days: number[]): Promise<void> {
  const b = openBackend({ dataDir, appVersion: '0.0.0-test', clock: fixedClock(), ids: sequentialIds(seed), log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false });
  try {
    for (const d of days) {
      const r = await b.dispatch('usage.record', { service: 'PEC', date: `2026-10-${String(d).padStart(2, '0')}`, quantity: '2' });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    }
  } finally {
    b.close();
  }
}

/**
 * A hub (CST-PU) and Urbino (041067) set up with `cst init` in fresh data folders, their
 * identities exchanged and confirmed with `cst identity`, as two operators do on the phone.
 * In process (`cst`): pairing is not what the tests that use it prove.
 * `files` is a third folder for the files they pass each other.
 */
export async function pairedHubAndTown(): Promise<{ hub: string; town: string; files: string }> {
  const hub = tempDir();
  const town = tempDir();
  const files = tempDir();
  const ok = async (args: string[]) => {
    const r = await cst(args);
    if (r.code !== 0) throw new Error(`cst ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  await ok(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--operator', 'Luca Bianchi', '--data-dir', hub]);
  await ok(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town]);
  await ok(['identity', 'export', '--out', join(files, 'hub.cstid'), '--data-dir', hub]);
  await ok(['identity', 'export', '--out', join(files, 'town.cstid'), '--data-dir', town]);
  const townPeer = JSON.parse(await ok(['identity', 'import', join(files, 'town.cstid'), '--data-dir', hub, '--json'])).value;
  await ok(['identity', 'confirm', '041067', '--fingerprint', townPeer.fingerprint, '--data-dir', hub]);
  const hubPeer = JSON.parse(await ok(['identity', 'import', join(files, 'hub.cstid'), '--data-dir', town, '--json'])).value;
  await ok(['identity', 'confirm', 'CST-PU', '--fingerprint', hubPeer.fingerprint, '--data-dir', town]);
  return { hub, town, files };
}
