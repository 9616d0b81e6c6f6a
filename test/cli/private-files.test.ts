/**
 * Issue 11, item 3: what CST Desk writes holds personal data. Whatever the umask (000 here,
 * the worst), files are 0600 and folders 0700; what a crash left half written is removed at
 * the next start; decrypted bundles do not outlive their import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/core/app/backend';
import { tempDir } from '../helpers/temp-dir';
import { BIN, addUsage } from './cli-run';

/** `cst` in a child process whose umask is 000. */
function cst0(args: string[]) {
  const r = spawnSync('sh', ['-c', 'umask 000 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cst ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Every file and folder under `root` whose group or others have any permission. */
function exposed(root: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p);
    if ((st.mode & 0o077) !== 0) out.push(`${p} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
  };
  walk(root);
  return out;
}

describe('private files', () => {
  it('with umask 000: database, keys, backups, archived and exported bundles, attachments and their folders are owner-only', async () => {
    const base = tempDir();
    const hub = join(base, 'hub');
    const town = join(base, 'town');
    const files = join(base, 'files');
    mkdirSync(files);
    cst0(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--data-dir', hub]);
    cst0(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', town]);
    cst0(['identity', 'export', '--out', join(files, 'hub.cstid'), '--data-dir', hub]);
    cst0(['identity', 'export', '--out', join(files, 'town.cstid'), '--data-dir', town]);
    const townPeer = JSON.parse(cst0(['identity', 'import', join(files, 'town.cstid'), '--data-dir', hub, '--json'])).value;
    cst0(['identity', 'confirm', '041067', '--fingerprint', townPeer.fingerprint, '--data-dir', hub]);
    const hubPeer = JSON.parse(cst0(['identity', 'import', join(files, 'hub.cstid'), '--data-dir', town, '--json'])).value;
    cst0(['identity', 'confirm', 'CST-PU', '--fingerprint', hubPeer.fingerprint, '--data-dir', town]);
    await addUsage(town, 1, [1, 2, 3]);
    cst0(['bundle', 'export', '--out', join(files, 'urbino.cstb'), '--data-dir', town]);
    cst0(['bundle', 'export', '--plain', '--all', '--out', join(files, 'urbino-chiaro.cstb'), '--data-dir', town]);
    cst0(['bundle', 'import', join(files, 'urbino.cstb'), '--data-dir', hub]);
    cst0(['backup', 'now', '--data-dir', hub]);
    cst0(['backup', 'now', '--data-dir', town]);
    expect(readdirSync(join(hub, 'inbox', 'archive'))).toHaveLength(1);
    expect(readdirSync(join(hub, 'backups')).some((n) => n.endsWith('.keys.json'))).toBe(true);
    expect([...exposed(hub), ...exposed(town)]).toEqual([]);
    for (const n of ['urbino.cstb', 'urbino-chiaro.cstb']) expect((statSync(join(files, n)).mode & 0o777).toString(8)).toBe('600');
  }, 300_000);

  it('what a crash left half written is removed at the next start, and nothing else', async () => {
    const dir = tempDir();
    const open = () => openBackend({ dataDir: dir, appVersion: '0.0.0-test', log: { info() {}, warn() {}, error() {} }, autoBackupDelayMs: false });
    const b = open();
    const setup = await b.dispatch('setup.municipality', { istat: '041067', operator: 'Maria' });
    expect(setup.ok).toBe(true);
    b.close();
    const stale = [
      join('outbox-tmp', '3f2a.zip'),
      join('outbox-tmp', 'inline-1', 'urbino.cstb'),
      join('inbox', 'tmp', '9c1d', 'plain.zip'),
      join('inbox', 'archive', '.5e6f.tmp'),
      join('keys', '.secret.json.4242.tmp'),
      join('backups', '.cst-desk-2026-11-26T09-00-00Z.keys.json.4242.tmp'),
      join('backups', 'cst-desk-2026-11-26T09-00-00Z.sqlite.tmp'),
      'cst-desk.sqlite.restore.tmp',
      'cst-desk.sqlite.restore.tmp-wal',
    ];
    const kept = [join('inbox', 'archive', `${'a'.repeat(64)}.cstb`), join('backups', 'cst-desk-2026-11-25T09-00-00Z.sqlite'), join('keys', 'secret.json')];
    for (const p of [...stale, ...kept.slice(0, 2)]) {
      mkdirSync(join(dir, p, '..'), { recursive: true });
      writeFileSync(join(dir, p), 'dati personali in chiaro');
    }
    open().close();
    expect(stale.filter((p) => existsSync(join(dir, p)))).toEqual([]);
    expect(kept.filter((p) => !existsSync(join(dir, p)))).toEqual([]);
  });
});
