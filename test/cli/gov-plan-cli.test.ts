/**
 * `cst plan import|show|allocate` and `cst report plan|statement`, in process: the CSV from a
 * spreadsheet (Italian Excel conventions), the JSON shape for the consortium's accounting, and
 * the PDFs checked with pdftotext (poppler-utils) for their pages and key text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { findBrowser } from '../../electron/core/governance/report-pdf';
import { tempDir } from '../helpers/temp-dir';

async function cst(dataDir: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--data-dir', dataDir], { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out, err };
}

const CSV = [
  'Codice;Descrizione;Costo;Parti uguali;Popolazione;Utilizzo;Esenti',
  'QUOTA;Quota associativa annuale;25.000,00;40;60;0;',
  'PROT;Protocollo informatico;12.345,67;0;100;0;041067 041044',
  'SIC;"Sicurezza; backup";7.000;100;;;',
].join('\r\n');

const hasPdfTools = existsSync('/usr/bin/pdftotext') && findBrowser() !== null;

describe('cst plan and cst report', () => {
  it('imports a plan from Excel CSV, shows it, allocates it with the accounting JSON shape', async () => {
    const hub = tempDir();
    expect((await cst(hub, 'init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU')).code).toBe(0);
    const file = join(tempDir(), 'piano.csv');
    // Windows-1252 as Excel saves "CSV (delimitato dal separatore di elenco)".
    writeFileSync(file, Buffer.from(CSV, 'latin1'));
    const imp = await cst(hub, 'plan', 'import', '--year', '2027', file);
    expect(imp.err).toEqual([]);
    expect(imp.out[0]).toMatch(/Piano 2027, versione 1 .*3 voci, totale 44\.345,67 €/);

    const show = await cst(hub, 'plan', 'show', '--year', '2027', '--json');
    const plan = JSON.parse(show.out.join('\n')).value;
    expect(plan.items.map((i: { code: string; cost_cents: number }) => [i.code, i.cost_cents])).toEqual([
      ['QUOTA', 2_500_000],
      ['PROT', 1_234_567],
      ['SIC', 700_000],
    ]);
    expect(plan.items[2].description).toBe('Sicurezza; backup');

    const alloc = JSON.parse((await cst(hub, 'plan', 'allocate', '--year', '2027', '--json')).out.join('\n')).value;
    expect(Object.keys(alloc)).toEqual(['year', 'items']);
    expect(alloc.year).toBe(2027);
    const prot = alloc.items[1];
    expect(Object.keys(prot)).toEqual(['code', 'cost_cents', 'key', 'exempt', 'shares']);
    expect(prot).toMatchObject({ code: 'PROT', cost_cents: 1_234_567, key: { equal: 0, population: 100, usage: 0 }, exempt: ['041044', '041067'] });
    expect(Object.keys(prot.shares[0])).toEqual(['istat', 'population', 'usage', 'cents']);
    for (const item of alloc.items) expect(item.shares.reduce((s: number, x: { cents: number }) => s + x.cents, 0)).toBe(item.cost_cents);
    expect(prot.shares.find((s: { istat: string }) => s.istat === '041067').cents).toBe(0);

    // Bad input: a key that does not sum to 100, named by its line; nothing changes.
    writeFileSync(file, 'codice;descrizione;costo;parti uguali;popolazione;utilizzo;esenti\r\nX;X;10;50;40;0;\r\n');
    const bad = await cst(hub, 'plan', 'import', '--year', '2027', file);
    expect(bad.code).toBe(1);
    expect(bad.err.join(' ')).toMatch(/Riga 2: voce X: le percentuali .* sommano a 90, non a 100/);
    expect(JSON.parse((await cst(hub, 'plan', 'show', '--year', '2027', '--json')).out.join('\n')).value.items).toHaveLength(3);
    expect((await cst(hub, 'plan', 'show', '--year', 'ventisette')).code).toBe(2);
  });

  it.skipIf(!hasPdfTools)('prints the plan and a statement to PDF (pages and text)', async () => {
    const hub = tempDir();
    await cst(hub, 'init', '--role', 'hub', '--id', 'CST-PU', '--name', 'CST Pesaro-Urbino', '--province', 'PU');
    const file = join(tempDir(), 'piano.csv');
    writeFileSync(file, CSV);
    expect((await cst(hub, 'plan', 'import', '--year', '2027', file)).code).toBe(0);
    const dir = tempDir();
    const planPdf = join(dir, 'piano.pdf');
    const r = await cst(hub, 'report', 'plan', '--year', '2027', '--out', planPdf);
    expect(r.err).toEqual([]);
    const text = execFileSync('pdftotext', [planPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Piano tecnico annuale 2027/);
    expect(text).toMatch(/44\.345,67 €/);
    expect(text).toMatch(/Protocollo\s?informatico/);
    expect(text).toMatch(/Fonte: ISTAT/);
    const info = execFileSync('pdfinfo', [planPdf], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12]/); // A4

    const stPdf = join(dir, 'estratto.pdf');
    expect((await cst(hub, 'report', 'statement', '--member', '041067', '--year', '2027', '--out', stPdf)).code).toBe(0);
    const st = execFileSync('pdftotext', [stPdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(st).toMatch(/Estratto conto 2027 — Urbino/);
    expect(st).toMatch(/esente/);
    expect(st).toMatch(/Totale dovuto al consorzio/);
  }, 120_000);
});
