/**
 * `cst federation …` end to end with the real CLI (docs/federation.md, README "Federation"): the
 * provincial and the regional office confirm each other by fingerprint, the member's bundle is
 * encrypted to both, the provincial hub forwards its very bytes, the regional hub imports them
 * and shows region → province → municipality.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { addUsage, cst, pairedHubAndTown } from './cli-run';

async function ok(args: string[]): Promise<string> {
  const r = await cst(args);
  expect(r.code, `cst ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

describe('cst federation', () => {
  it('links a province and a region by fingerprint, forwards the member’s bytes, drills down', { timeout: 120_000 }, async () => {
    const { hub, town, files } = await pairedHubAndTown();
    const region = tempDir();
    await ok(['init', '--role', 'hub', '--id', 'REG-MARCHE', '--name', 'Ufficio regionale Marche', '--operator', 'Ufficio regionale', '--data-dir', region]);

    // The provincial office confirms the regional hub by fingerprint, the regional office the province.
    await ok(['identity', 'export', '--out', join(files, 'regione.cstid'), '--data-dir', region]);
    const shown = await ok(['federation', 'regional-import', join(files, 'regione.cstid'), '--data-dir', hub]);
    const fp = /Impronta: ([0-9 ]+)/.exec(shown)![1]!;
    expect(shown).toMatch(/Stato: in attesa/);
    const wrong = await cst(['federation', 'regional-confirm', '--fingerprint', '00000 00000 00000 00000 00000 00000', '--data-dir', hub]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/non corrisponde/);
    expect(await ok(['federation', 'regional-confirm', '--fingerprint', fp, '--data-dir', hub])).toMatch(/confermato: i soci cifreranno/);
    expect(await ok(['federation', 'regional', '--data-dir', hub])).toMatch(/Ufficio regionale: Ufficio regionale Marche \(REG-MARCHE\)/);

    await ok(['identity', 'export', '--out', join(files, 'CST-PU.cstid'), '--data-dir', hub]);
    const province = await ok(['federation', 'province-import', join(files, 'CST-PU.cstid'), '--data-dir', region]);
    const pfp = /Impronta: ([0-9 ]+)/.exec(province)![1]!;
    await ok(['federation', 'province-confirm', 'CST-PU', '--fingerprint', pfp, '--data-dir', region]);

    // The member learns of the region from its hub's bundle, then sends to both.
    await ok(['bundle', 'export', '--out', join(files, 'to-town.cstb'), '--for', '041067', '--data-dir', hub]);
    await ok(['bundle', 'import', join(files, 'to-town.cstb'), '--data-dir', town]);
    await addUsage(town, 70, [3, 4]);
    await ok(['bundle', 'export', '--out', join(files, 'urbino.cstb'), '--data-dir', town]);
    await ok(['bundle', 'import', join(files, 'urbino.cstb'), '--data-dir', hub]);

    const forwarded = join(files, 'per-regione');
    expect(await ok(['federation', 'forward', '--dir', forwarded, '--data-dir', hub])).toMatch(/elenco n\. \d+ \(1 soci\) e 1 pacchetti .* per REG-MARCHE/);
    const [name] = readdirSync(join(forwarded, 'bundles'));
    expect(readFileSync(join(forwarded, 'bundles', name!)).equals(readFileSync(join(files, 'urbino.cstb')))).toBe(true);

    const imported = await ok(['federation', 'import', forwarded, '--data-dir', region]);
    expect(imported).toMatch(/Inoltrato da CST Pesaro-Urbino \(CST-PU\)\./);
    expect(imported).toMatch(/Elenco dei soci n\. \d+: 1 garantiti, nuovi 041067\./);
    expect(imported).toMatch(/^applied\t041067\t1-\d+\t/m);
    expect(await ok(['federation', 'provinces', '--data-dir', region])).toMatch(/^CST-PU\tCST Pesaro-Urbino\tconfermato\telenco n\. \d+\tsoci 1 \(con dati 1\)\teventi \d+$/m);
    expect(await ok(['federation', 'roster', 'CST-PU', '--data-dir', region])).toMatch(/^041067\tUrbino\tgarantito\tchiave [0-9A-F]{16}\timpronta [0-9 ]{35}\teventi \d+$/m);
    const usage = await ok(['federation', 'usage', '--year', '2026', '--data-dir', region]);
    expect(usage).toBe('Regione (2026): 2 registrazioni (PEC 4 in media al mese)\n  CST Pesaro-Urbino (CST-PU): 2 registrazioni (PEC 4 in media al mese)\n    Urbino (041067): 2 registrazioni (PEC 4 in media al mese)\n');

    // Down: the region publishes its report, writes its stream for the province (encrypted to the
    // province and to its members); the province forwards the very file to the member.
    expect(await ok(['federation', 'report-publish', '--year', '2026', '--data-dir', region])).toBe(
      'Resoconto regionale 2026 pubblicato: 1 uffici provinciali, 1 soci, 2 registrazioni. Partirà con il prossimo pacchetto per ogni ufficio provinciale.\n',
    );
    const bad = await cst(['federation', 'report-publish', '--data-dir', region]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/manca --year AAAA/);
    await ok(['bundle', 'export', '--for', 'CST-PU', '--out', join(files, 'regione-pu.cstb'), '--data-dir', region]);
    expect(await ok(['bundle', 'import', join(files, 'regione-pu.cstb'), '--data-dir', hub])).toMatch(/^applied\tREG-MARCHE\t1-\d+\t/m);
    const down = join(files, 'ai-soci');
    expect(await ok(['federation', 'forward-members', '--dir', down, '--data-dir', hub])).toMatch(/^041067\tUrbino\t1 pacchetti \(\d+ byte\)\t.*ai-soci\/041067$/m);
    expect(await ok(['federation', 'forward-members', '--dir', down, '--data-dir', hub])).toBe('Nessun pacchetto nuovo di REG-MARCHE da inoltrare ai soci.\n');
    const [down1] = readdirSync(join(down, '041067'));
    expect(readFileSync(join(down, '041067', down1!)).equals(readFileSync(join(files, 'regione-pu.cstb')))).toBe(true);
    expect(await ok(['bundle', 'import', join(down, '041067', down1!), '--data-dir', town])).toMatch(/^applied\tREG-MARCHE\t1-\d+\t/m);

    // Up: the province's own stream to the region, stored there read-only.
    await ok(['bundle', 'export', '--for', 'REG-MARCHE', '--out', join(files, 'pu-regione.cstb'), '--data-dir', hub]);
    expect(await ok(['bundle', 'import', join(files, 'pu-regione.cstb'), '--data-dir', region])).toMatch(/^applied\tCST-PU\t1-\d+\t/m);
  });
});
