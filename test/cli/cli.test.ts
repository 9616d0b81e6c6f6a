import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { cst } from './cli-run';

/** The real `cst` command, as a user runs it. */

describe('cst CLI', () => {
  it('prints its help with exit 0, and exit 2 for an unknown command', () => {
    const help = cst(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/identity export/);
    const bad = cst(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Uso: cst COMANDO/);
  });

  it('initializes a municipality, shows and exports its identity', () => {
    const dir = tempDir();
    const init = cst(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi', '--data-dir', dir]);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/comune Urbino \(041067\)/);
    expect(init.stdout).toMatch(/Impronta .*: \d{5}( \d{5}){5}/);

    const show = cst(['identity', 'show', '--json', '--data-dir', dir]);
    expect(show.code).toBe(0);
    const identity = JSON.parse(show.stdout).value;
    expect(identity).toMatchObject({ kind: 'municipality', id: '041067', name: 'Urbino' });

    const out = join(tempDir(), 'urbino.cstid');
    const exp = cst(['identity', 'export', '--out', out], { CST_DATA_DIR: dir });
    expect(exp.code).toBe(0);
    expect(readFileSync(out).subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  });

  it('initializes a hub with the members of a province', () => {
    const dir = tempDir();
    const init = cst(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'pu', '--data-dir', dir, '--json']);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout).value.installation).toMatchObject({ role: 'hub', id: 'CST-PU', province: 'PU' });
  });

  it('refuses a second init with exit 1 and one line on stderr, overwriting nothing', () => {
    const dir = tempDir();
    expect(cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]).code).toBe(0);
    const keys = readFileSync(join(dir, 'keys', 'secret.json'));
    const again = cst(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'X', '--data-dir', dir]);
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
  ])('refuses %j with exit %i', (args, code, message) => {
    const dir = tempDir();
    const r = cst([...args, '--data-dir', dir]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('checks integrity and schema version', () => {
    const dir = tempDir();
    cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]);
    const check = cst(['check', '--data-dir', dir, '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).value).toMatchObject({ ok: true, integrity: ['ok'], keys: 'ok' });
  });

  it('refuses to work on a corrupt database and leaves it untouched', () => {
    const dir = tempDir();
    cst(['init', '--role', 'municipality', '--istat', '041067', '--data-dir', dir]);
    const db = join(dir, 'cst-desk.sqlite');
    const bytes = readFileSync(db);
    bytes.fill(0x5a, 0, 100); // destroy the header
    writeFileSync(db, bytes);
    const r = cst(['check', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/non è un database|danneggiato/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(existsSync(db)).toBe(true);
  });
});
