import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliLanguage, runCli } from '../../electron/cli/run-cli';
import { tempDir } from '../helpers/temp-dir';
import { cstProcess } from './cli-run';

/** One `cst` run in process: exit code and what it wrote. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, env);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the language of cst refusals', () => {
  it('is Italian by default, English with --lang en or an English locale', async () => {
    const dir = tempDir();
    const args = ['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', dir];
    expect((await run(args)).code).toBe(0);
    const italian = await run(args);
    expect(italian.code).toBe(1);
    expect(italian.err).toBe('cst init: Questa cartella dati è già configurata come comune Urbino (041067): nulla è stato modificato.');
    const english = await run([...args, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.err).toBe('cst init: This data folder is already set up as the municipality Urbino (041067): nothing was changed.');
    expect((await run(args, { LANG: 'en_US.UTF-8' })).err).toBe(english.err);
    // --lang wins over the locale; LC_ALL over LANG, as POSIX says.
    expect((await run([...args, '--lang=it'], { LANG: 'en_US.UTF-8' })).err).toBe(italian.err);
    expect((await run(args, { LANG: 'en_US.UTF-8', LC_ALL: 'it_IT.UTF-8' })).err).toBe(italian.err);
    // With --json the error's message is in the chosen language too; its code does not change.
    const json = await run([...args, '--json', '--lang', 'en']);
    expect(JSON.parse(json.out)).toEqual({ ok: false, error: { code: 'E_ALREADY_INITIALIZED', message: english.err.replace('cst init: ', '') } });
  });

  it('says a missing data folder and a CSV file refused as a whole in English too', async () => {
    const missing = `${tempDir()}/absent`;
    const folder = await run(['identity', 'list', '--data-dir', missing, '--lang', 'en']);
    expect(folder.code).toBe(1);
    expect(folder.err).toBe(`cst identity list: The data folder ${missing} does not exist: check the path given (--data-dir or CST_DATA_DIR). To set up a new installation use cst init.`);
    const dir = tempDir();
    expect((await run(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', dir])).code).toBe(0);
    const sheet = `${tempDir()}/sheet.csv`;
    writeFileSync(sheet, Buffer.from('PK\u0003\u0004 workbook'));
    const english = await run(['import', 'usage', sheet, '--data-dir', dir, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.err).toContain('The file is an Excel workbook (.xlsx), not a CSV');
    expect((await run(['import', 'usage', sheet, '--data-dir', dir])).err).toContain('Il file è un foglio Excel (.xlsx), non un CSV');
  });

  it('reads the locale the POSIX way, Italian for a locale naming no language', () => {
    expect(cliLanguage([], {})).toBe('it');
    expect(cliLanguage([], { LANG: 'C.UTF-8' })).toBe('it');
    expect(cliLanguage([], { LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(cliLanguage([], { LANG: 'it_IT.UTF-8', LC_MESSAGES: 'en_US' })).toBe('en');
    expect(cliLanguage(['--lang', 'en'], { LANG: 'it_IT.UTF-8' })).toBe('en');
  });

  it('holds for the real command in its own process (LANG=en_US.UTF-8)', () => {
    const dir = tempDir();
    expect(cstProcess(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', dir]).code).toBe(0);
    const r = cstProcess(['identity', 'confirm', 'CST-XX', '--fingerprint', 'AAAA-BBBB', '--data-dir', dir], { LANG: 'en_US.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('cst identity confirm: No identity imported with code CST-XX: import its .cstid file first.');
    expect(cstProcess(['identity', 'confirm', 'CST-XX', '--fingerprint', 'AAAA-BBBB', '--data-dir', dir]).stderr).toContain('Nessuna identità importata');
  });
});
