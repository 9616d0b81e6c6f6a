/** `cst identity import-many` and `cst identity confirm-many`, as the consortium's office runs them (real processes). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmationCsv, memberIdentity, writeIdentities, zipFolder } from '../helpers/member-identities';
import { tempDir } from '../helpers/temp-dir';
import { cst, cstProcess } from './cli-run';

const PU = [
  { istat: '041001', name: 'Acqualagna' },
  { istat: '041002', name: 'Apecchio' },
  { istat: '041005', name: "Belforte all'Isauro" },
];

async function hubDir(): Promise<string> {
  const dir = tempDir();
  const init = await cst(['init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU', '--data-dir', dir]);
  expect(init.code, init.stderr).toBe(0);
  return dir;
}

describe('cst identity import-many / confirm-many', () => {
  it('imports a folder (exit 1 naming the bad file), then a ZIP, then confirms from the list (exit 1 for a mismatch, 0 once all match)', async () => {
    const data = await hubDir();
    const ids = PU.map((m) => memberIdentity(m));
    const folder = writeIdentities(join(tempDir(), 'identita'), [ids[0]!, { fileName: 'rotto.cstid', bytes: Buffer.from('non è un file di identità') }]);
    writeFileSync(join(folder, 'LEGGIMI.txt'), 'non letto');

    const first = cstProcess(['identity', 'import-many', folder, '--data-dir', data]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(`NON importata\trotto.cstid\tIl file scelto non è un file di identità CST valido (.cstid)`);
    expect(first.stdout).toContain('Identità importate: 1; sostituite: 0; già presenti: 0; file ignorati: 0; con problemi: 1 (su 2).');
    expect(first.stderr).toBe('cst identity import-many: 1 file di identità non importati: vedere l’elenco sopra.\n');

    const parent = tempDir();
    writeIdentities(join(parent, 'soci'), ids);
    const zip = join(parent, 'soci.zip');
    writeFileSync(zip, zipFolder(parent, 'soci'));
    const second = cstProcess(['identity', 'import-many', zip, '--data-dir', data, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const imported = JSON.parse(second.stdout);
    expect(imported.value.counts).toEqual({ imported: 2, replaced: 0, unchanged: 1, skipped: 0, failed: 0 });

    const list = join(parent, 'impronte.csv');
    const wrong = memberIdentity(PU[2]!).fingerprint;
    writeFileSync(list, confirmationCsv([[ids[0]!.istat, ids[0]!.fingerprint], [ids[1]!.istat, ids[1]!.fingerprint], [ids[2]!.istat, wrong]]));
    const third = cstProcess(['identity', 'confirm-many', list, '--data-dir', data]);
    expect(third.code).toBe(1);
    expect(third.stdout).toBe(
      "riga 4\t041005\tBelforte all'Isauro\tNON confermata: L’impronta dell’elenco non coincide con quella del file importato per Belforte all'Isauro (041005): non confermato. Verificare con il comune quale file abbia inviato.\n" +
        'Confermate: 2; già confermate: 0; non confermate: 1 (righe: 3).\n',
    );
    expect(third.stderr).toBe('cst identity confirm-many: 1 righe dell’elenco non confermate: vedere l’elenco sopra.\n');

    // With --json: the whole result first, then the refusal; in English on request.
    const json = await cst(['identity', 'confirm-many', list, '--data-dir', data, '--json', '--lang', 'en']);
    expect(json.code).toBe(1);
    const [resultLine, errorLine] = json.stdout.trim().split('\n');
    const result = JSON.parse(resultLine!);
    expect(result.ok).toBe(false);
    expect(result.value.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome])).toEqual([
      [2, 'alreadyConfirmed'],
      [3, 'alreadyConfirmed'],
      [4, 'mismatch'],
    ]);
    expect(JSON.parse(errorLine!)).toMatchObject({ ok: false, error: { code: 'E_REFUSED' } });
    const english = await cst(['identity', 'confirm-many', list, '--data-dir', data, '--lang', 'en']);
    expect(english.stdout).toContain('NON confermata: The fingerprint in the list does not match that of the file imported for');

    writeFileSync(list, confirmationCsv([[ids[2]!.istat, ids[2]!.fingerprint]]));
    const fourth = cstProcess(['identity', 'confirm-many', list, '--data-dir', data]);
    expect(fourth.code, fourth.stderr).toBe(0);
    expect(fourth.stdout).toBe('Confermate: 1; già confermate: 0; non confermate: 0 (righe: 1).\n');
    const peers = await cst(['identity', 'list', '--data-dir', data]);
    expect(peers.stdout.split('\n').filter((l) => l.includes('\tconfermato\t'))).toHaveLength(3);
  });

  it('says what is wrong with the command itself (exit 2) and with a folder without identity files (exit 1)', async () => {
    const data = await hubDir();
    expect((await cst(['identity', 'import-many', '--data-dir', data])).code).toBe(2);
    expect((await cst(['identity', 'confirm-many', '--data-dir', data])).code).toBe(2);
    const empty = tempDir();
    const r = await cst(['identity', 'import-many', empty, '--data-dir', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`cst identity import-many: la cartella ${empty} non contiene file .cstid.\n`);
  });
});
