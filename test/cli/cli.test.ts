import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { cst, cstProcess } from './cli-run';

const ROOT = join(__dirname, '..', '..');

/**
 * The `cst` command, as a user runs it: in this process (`cst`, the same runCli as bin/cst.mjs)
 * for what a command does, in a real child process for what only a process shows (exit status,
 * one line on stderr, `npx cst`).
 */

describe('cst CLI', () => {
  it('prints its help with exit 0, and exit 2 for an unknown command (a real process)', () => {
    const help = cstProcess(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/identity export/);
    // Every summary starts in one column, after the longest command and two spaces.
    const commandLines = help.stdout.split('\n').filter((l) => /^  [a-z]/.test(l));
    expect(commandLines.length).toBeGreaterThan(20);
    expect(new Set(commandLines.map((l) => /^  \S+(?: \S+)*? {2,}/.exec(l)?.[0].length)).size).toBe(1);
    const bad = cstProcess(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Uso: cst COMANDO/);
  });

  it('runs as `npx cst`, as the README says, right after npm install', () => {
    const r = spawnSync('npx', ['--no-install', 'cst', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^cst — CST Desk da riga di comando/);
  }, 120_000); // npx loads npm first: seconds on a busy machine

  it('initializes a municipality, shows and exports its identity', async () => {
    const dir = tempDir();
    const init = await cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi', '--data-dir', dir]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/comune Urbino \(041067\)/);
    expect(init.stdout).toMatch(/Impronta .*: \d{5}( \d{5}){5}/);

    const show = await cst(['identity', 'show', '--json', '--data-dir', dir]);
    expect(show.code).toBe(0);
    const identity = JSON.parse(show.stdout).value;
    expect(identity).toMatchObject({ kind: 'municipality', id: '041067', name: 'Urbino' });

    const out = join(tempDir(), 'urbino.cstid');
    const exp = await cst(['identity', 'export', '--out', out], { CST_DATA_DIR: dir });
    expect(exp.code).toBe(0);
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('initializes a hub with the members of a province', async () => {
    const dir = tempDir();
    const init = await cst(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'pu', '--data-dir', dir, '--json']);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout).value.installation).toMatchObject({ role: 'hub', id: 'CST-PU', province: 'PU' });
  });

  it('refuses a second init with exit 1 and one line on stderr, overwriting nothing (a real process)', async () => {
    const dir = tempDir();
    expect((await cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir])).code).toBe(0);
    const keys = readFileSync(join(dir, 'keys', 'secret.json'));
    const again = cstProcess(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'X', '--data-dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/già configurata/);
    expect(readFileSync(join(dir, 'keys', 'secret.json')).equals(keys)).toBe(true);
  });

  it.each([
    [['init', '--role', 'municipality', '--istat', '999999'], 1, /999999/],
    [['init', '--role', 'municipality'], 2, /manca --istat/],
    [['init', '--role', 'mayor'], 2, /--role/],
    [['init', '--role', 'hub', '--id', 'CST-PU', '--name', '   '], 1, /name/],
    [['init', '--bogus'], 2, /bogus/],
    [['identity', 'export'], 2, /--out/],
  ])('refuses %j with exit %i', async (args, code, message) => {
    const dir = tempDir();
    const r = await cst([...args, '--data-dir', dir]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('checks integrity and schema version', async () => {
    const dir = tempDir();
    await cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]);
    const check = await cst(['check', '--data-dir', dir, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).value).toMatchObject({ ok: true, integrity: ['ok'], keys: 'ok' });
  });

  it('refuses to work on a corrupt database and leaves it untouched', async () => {
    const dir = tempDir();
    await cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]);
    const db = join(dir, 'cst-desk.sqlite');
    const bytes = readFileSync(db);
    bytes.fill(0x5a, 0, 100); // destroy the header
    writeFileSync(db, bytes);
    const r = await cst(['check', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/non è un database|danneggiato/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(existsSync(db)).toBe(true);
  });
});
