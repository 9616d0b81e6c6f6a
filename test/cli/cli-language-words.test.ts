/**
 * What `cst --lang en` says beyond the core's own refusals (issue 14, "Words in the catalogue"):
 * a governance rule, a bundle's outcome and a CSV row's problem come with a catalogue key and
 * are written in English; Italian stays the default, word for word.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { tempDir } from '../helpers/temp-dir';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cst --lang en beyond the core refusals', () => {
  it('says a refused governance rule in English (a plan item exempting a non-member)', async () => {
    const hub = tempDir();
    expect((await run(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--data-dir', hub])).code).toBe(0);
    const file = join(tempDir(), 'piano.csv');
    writeFileSync(file, 'codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti\r\nX;X;10;50;50;0;099999\r\n');
    const english = await run(['plan', 'import', '--year', '2027', file, '--data-dir', hub, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.err).toBe('cst plan import: Item X: the exempt municipality 099999 is not a member of the consortium.');
    const italian = await run(['plan', 'import', '--year', '2027', file, '--data-dir', hub]);
    expect(italian.err).toBe('cst plan import: Voce X: il comune esente 099999 non è un membro del consorzio.');
    // The same rule twice in the file: the item named, in each language.
    writeFileSync(file, 'codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti\r\nX;X;10;50;50;0;\r\nX;Y;10;50;50;0;\r\n');
    expect((await run(['plan', 'import', '--year', '2027', file, '--data-dir', hub, '--lang', 'en'])).err).toBe(
      'cst plan import: The item X appears twice in the plan: each code is used only once.',
    );
  });

  it('says a refused bundle in English, and the import’s own refusal', async () => {
    const town = tempDir();
    expect((await run(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town])).code).toBe(0);
    const junk = join(tempDir(), 'pacchetto.cstb');
    writeFileSync(junk, 'not a bundle at all');
    const english = await run(['bundle', 'import', junk, '--data-dir', town, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.out).toContain('E_FORMAT\t-\t-\tpacchetto.cstb\tThe file is not a valid CST bundle or it is damaged (for example copied only in part): it was not applied.');
    expect(english.err).toBe('cst bundle import: 1 of 1 files not applied.');
    const italian = await run(['bundle', 'import', junk, '--data-dir', town]);
    expect(italian.out).toContain('Il file non è un pacchetto CST valido oppure è danneggiato');
    expect(italian.err).toBe('cst bundle import: 1 file su 1 non applicati.');
    // `bundle inspect` names the same refusal in the same words.
    const inspected = await run(['bundle', 'inspect', junk, '--data-dir', town, '--lang', 'en']);
    expect(inspected.code).toBe(1);
    expect(inspected.err).toMatch(/^cst bundle inspect: E_FORMAT: The file is not a valid CST bundle or it is damaged/);
  });

  it('says a CSV row’s problem in English, by row and column', async () => {
    const town = tempDir();
    expect((await run(['init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria', '--data-dir', town])).code).toBe(0);
    const csv = join(tempDir(), 'utilizzi.csv');
    writeFileSync(csv, 'servizio;data;quantità\nPEC;31/02/2026;1\n');
    const english = await run(['import', 'usage', csv, '--data-dir', town, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.out).toContain('  row 2, column «data»: the date 31/02/2026 does not exist in the calendar: correct the day or the month.');
    expect(english.err).toBe('cst import: 1 row with problems: nothing imported. Correct the file, or use --exclude-invalid to import only the valid rows.');
    const italian = await run(['import', 'usage', csv, '--data-dir', town]);
    expect(italian.out).toContain('  riga 2, colonna «data»: la data 31/02/2026 non esiste nel calendario: correggere giorno o mese.');
    expect(italian.err).toBe('cst import: 1 riga con problemi: nessun dato importato. Correggere il file, oppure usare --exclude-invalid per importare solo le righe valide.');
  });
});
