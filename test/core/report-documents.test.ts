/**
 * Issue 5, the documents reach the person: `report.pdf` returns the PDF's bytes when no `out` is
 * given (the renderer downloads or saves them), prints with the shell's printer when it has one
 * (Electron's printToPDF) and with a local headless Chromium otherwise; `report.document` is the
 * same document as data for the in-app preview; every governance table has its CSV.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isNumericCell } from '../../shared/domain/report-document';
import { documentHtml } from '../../electron/core/governance/report-html';
import { findBrowser, headlessBrowserPrinter, reportFileName } from '../../electron/core/governance/report-pdf';
import { openHub } from '../sync/hub-helpers';
import { tempDir } from '../helpers/temp-dir';

const canPrint = existsSync('/usr/bin/pdftotext') && findBrowser() !== null;

async function hubWithPlan() {
  const hub = await openHub();
  await hub.must('plan.create', { year: 2027, date: '2026-11-26' });
  await hub.must('plan.saveItems', {
    year: 2027,
    version: 1,
    items: [
      { code: 'QUOTA', description: 'Quota associativa', category: 'quota', fixedCents: 5_000_000, key: { equal: 20, population: 80, usage: 0 } },
      { code: 'WIFI', description: 'Wi-Fi <frazioni> & "piazze"', category: 'initiative', oneOffCents: 1_250_050, key: { equal: 100, population: 0, usage: 0 } },
    ],
  });
  await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: '2026-11-26', by: 'Direttore' });
  await hub.must('plan.approve', { year: 2027, version: 1, body: 'executive_committee', date: '2026-11-27', minutesRef: 'CE 7/2026', electorate: [{ id: 'Rossi' }, { id: 'Bianchi' }], present: ['Rossi', 'Bianchi'], ballots: [{ member: 'Rossi', vote: 'for' }, { member: 'Bianchi', vote: 'abstain' }] });
  return hub;
}

const csvText = (f: { contentBase64: string }) => Buffer.from(f.contentBase64, 'base64').toString('utf8');

describe('report documents', () => {
  it('returns the PDF bytes when no out is given, printed by the shell’s printer when it has one', async () => {
    const hub = await hubWithPlan();
    const seen: string[] = [];
    hub.backend.ctx.printPdf = vi.fn(async (html: string) => {
      seen.push(html);
      return new TextEncoder().encode('%PDF-1.7 finto');
    });
    const r = await hub.must('report.pdf', { doc: 'plan', year: 2027 });
    expect(r).toEqual({ fileName: 'piano-tecnico-2027.pdf', bytes: 14, contentBase64: Buffer.from('%PDF-1.7 finto').toString('base64') });
    expect(r.path).toBeUndefined();
    // The printer gets the stand-alone page: its own CSP, no script, the text escaped.
    expect(seen[0]).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(seen[0]).not.toMatch(/<script/i);
    expect(seen[0]).toContain('Wi-Fi &lt;frazioni&gt; &amp; &quot;piazze&quot;');
    const st = await hub.must('report.pdf', { doc: 'statement', year: 2027, istat: '041067', version: 1 });
    expect(st.fileName).toBe('estratto-conto-2027-041067-versione-1.pdf');
  });

  it('writes to out for the CLI, and says in Italian when the folder cannot be written', async () => {
    const hub = await hubWithPlan();
    hub.backend.ctx.printPdf = async () => new TextEncoder().encode('%PDF-1.7');
    const dir = tempDir('cst-pdf-');
    const r = await hub.must('report.pdf', { doc: 'plan', year: 2027, out: join(dir, 'piano.pdf') });
    expect(r).toEqual({ fileName: 'piano.pdf', bytes: 8, path: join(dir, 'piano.pdf') });
    const bad = await hub.call('report.pdf', { doc: 'plan', year: 2027, out: join(dir, 'manca', 'piano.pdf') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error).toMatchObject({ code: 'E_IO', field: 'out', params: { reason: 'pdf_write_failed', path: join(dir, 'manca', 'piano.pdf') } });
      expect(bad.error.message).toMatch(/Non è stato possibile scrivere il PDF .*Controllare che la cartella esista/);
    }
  });

  it('without a browser says what to install or use instead (code and reason)', async () => {
    await expect(headlessBrowserPrinter(null)('<p>x</p>')).rejects.toMatchObject({
      code: 'E_IO',
      extra: { params: { reason: 'pdf_no_browser' } },
      message: expect.stringMatching(/Google Chrome, Microsoft Edge o Chromium.*CST_BROWSER.*anteprima/),
    });
    const notABrowser = join(tempDir('cst-nob-'), 'finto-browser');
    writeFileSync(notABrowser, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    await expect(headlessBrowserPrinter(notABrowser)('<p>x</p>')).rejects.toMatchObject({ code: 'E_IO', extra: { params: { reason: 'pdf_print_failed', browser: notABrowser } } });
    expect(reportFileName({ doc: 'plan', year: 2027 })).toBe('piano-tecnico-2027.pdf');
  });

  it.runIf(canPrint)('prints a real PDF with the local headless Chromium when the shell has no printer', async () => {
    const hub = await hubWithPlan();
    const r = await hub.must('report.pdf', { doc: 'plan', year: 2027 });
    const pdf = Buffer.from(r.contentBase64!, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(r.bytes).toBe(pdf.length);
    const file = join(tempDir('cst-pdf-'), 'p.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Piano tecnico annuale 2027 — versione 1');
    // Reading order depends on the layout: the total is checked on its printed line.
    const layout = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(/Totale del piano +62\.500,50 €/);
  });

  it('gives the preview the same document as data: headings, numeric columns, total rows', async () => {
    const hub = await hubWithPlan();
    const doc = await hub.must('report.document', { doc: 'plan', year: 2027 });
    expect(doc.title).toBe('Piano tecnico annuale 2027 — versione 1');
    expect(doc.meta).toContain('CST Pesaro-Urbino');
    const items = doc.sections.find((s) => s.heading === 'Voci del piano')!.table!;
    expect(items.columns.filter((c) => c.numeric).map((c) => c.label)).toEqual(['Costo fisso annuo', 'Costo unitario', 'Quantità prevista', 'Una tantum', 'Costo']);
    const total = items.rows.at(-1)!;
    // After the cost: the key's and the payers' columns, empty on the total row.
    expect(total).toEqual({ total: true, cells: [{ text: 'Totale del piano', span: 7 }, { text: '62.500,50 €' }, { text: '' }, { text: '' }] });
    expect(isNumericCell(items.columns, total, 0)).toBe(false);
    expect(isNumericCell(items.columns, total, 1)).toBe(true);
    expect(isNumericCell(items.columns, total, 2)).toBe(false);
    expect(doc.sections.map((s) => s.heading)).toEqual(['Voci del piano', 'Totali per categoria', 'Economie di scala', 'Iter di approvazione', 'Votazioni']);
    // The stand-alone HTML is rendered from the same data.
    const html = documentHtml(doc);
    expect(html).toContain('<td colspan="7">Totale del piano</td><td class="n">62.500,50 €</td>');
    expect((await hub.must('report.html', { doc: 'plan', year: 2027 })).html).toBe(html);

    const st = await hub.must('report.document', { doc: 'statement', year: 2027, istat: '041067' });
    expect(st.title).toMatch(/^Estratto conto 2027 — Urbino/);
    expect(st.sections[1]!.paragraphs![0]).toMatch(/^Risparmio sui servizi confrontabili:/);
    const missing = await hub.call('report.document', { doc: 'statement', year: 2027 });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'E_VALIDATION', field: 'istat' });
  });

  it('exports the approval path and the roll call as CSV (Italian Excel: BOM, ;, dd/mm/yyyy)', async () => {
    const hub = await hubWithPlan();
    const approvals = csvText(await hub.must('gov.csv', { table: 'approvals', year: 2027 }));
    expect(approvals.startsWith('\uFEFFData;Versione;Passo;Organo o persona;Verbale o note;Presenti;')).toBe(true);
    expect(approvals).toContain('26/11/2026;1;proposta dal Comitato esecutivo;Direttore;');
    expect(approvals).toMatch(/27\/11\/2026;1;votazione;Comitato esecutivo;CE 7\/2026;2;2;1;0;1;1;0;1;raggiunto;approvato\r\n27\/11\/2026;1;approvata dal Comitato esecutivo;/);
    const ballots = await hub.must('gov.csv', { table: 'ballots', year: 2027, version: 1 });
    expect(ballots.fileName).toBe('voti-per-votante-2027-versione-1.csv');
    expect(ballots.rows).toBe(2);
    expect(csvText(ballots)).toContain('27/11/2026;Comitato esecutivo;CE 7/2026;Bianchi;;sì;astenuto');
  });
});
