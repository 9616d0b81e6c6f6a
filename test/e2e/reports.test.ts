import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, pageApi, ROOT, startShell, type RunningShell, screenshotsFolder } from './harness';

/**
 * Issue 5, the documents reach the person, on the real browser shell and Chromium: the hub
 * downloads the plan's and a member's PDF (printed by the backend's headless Chromium, checked with
 * pdftotext), opens the preview inside the app under its strict CSP (no console error, no inline
 * style), and downloads the approval path and the ranking as CSV for Excel. With REPORT_SCREENS=dir
 * (default test-output/screens-reports) the screens are saved at 1366×768.
 */
const SHOTS = process.env.REPORT_SCREENS ?? screenshotsFolder('screens-reports');

let browser: Browser;
let hub: RunningShell;
beforeAll(async () => {
  browser = await launchChromium();
  hub = await startShell();
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
});


async function go(page: Page, path: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#${path}`)}`);
  await page.locator('#page-title').waitFor();
}

/** Clicks and returns the downloaded file, saved under the hub's data folder. */
async function download(page: Page, button: string, as: string): Promise<{ file: string; name: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: button }).click()]);
  const file = join(hub.dataDir, as);
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const euro = (cents: number) => `${Math.floor(cents / 100).toLocaleString('it-IT')},${String(cents % 100).padStart(2, '0')} €`;

describe('documents to print and CSV, in the browser shell', () => {
  it('downloads the PDFs, previews them in the app, exports the governance tables', async () => {
    const { page, problems } = await openPage(browser, hub.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await pageApi(page, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', operator: 'Luca Bianchi', province: 'PU' });
    const demo = await pageApi<{ planYear: number }>(page, 'demo.hub', { seed: 1 });
    const year = demo.planYear;
    const plan = await pageApi<{ totalCents: number; version: number }>(page, 'plan.get', { year });
    await page.reload();

    await go(page, '/plan/savings');
    await page.getByRole('heading', { name: 'Documenti da stampare' }).waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'reports-01-buttons-it.png'), fullPage: true });

    // The plan's PDF: a download, a real PDF with the title and the total.
    const planPdf = await download(page, 'Scarica il PDF del piano', 'piano.pdf');
    expect(planPdf.name).toBe(`piano-tecnico-${year}.pdf`);
    expect(readFileSync(planPdf.file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(planPdf.file);
    expect(text).toContain(`Piano tecnico annuale ${year} — versione ${plan.version}`);
    // Reading order depends on the layout: the total is checked on its printed line.
    const layout = execFileSync('pdftotext', ['-layout', planPdf.file, '-'], { encoding: 'utf8' });
    expect(layout).toMatch(new RegExp(`Totale del piano +${euro(plan.totalCents).replace(/\./g, '\\.')}`));
    await page.getByText(`PDF scaricato: piano-tecnico-${year}.pdf`).waitFor();

    // A member's statement.
    const members = await pageApi<{ istat: string; name: string }[]>(page, 'members.list', {});
    const member = members[0]!;
    await page.locator('#report-member').selectOption(member.istat);
    const stPdf = await download(page, 'Scarica il PDF dell’estratto conto', 'estratto.pdf');
    expect(stPdf.name).toBe(`estratto-conto-${year}-${member.istat}.pdf`);
    expect(pdfText(stPdf.file)).toContain(`Estratto conto ${year} — ${member.name}`);

    // The preview, inside the app under `style-src 'self'`: no CSP violation, no inline style.
    await page.getByRole('button', { name: 'Anteprima del piano' }).click();
    const preview = page.getByRole('region', { name: 'Anteprima del documento' });
    await preview.getByRole('heading', { name: `Piano tecnico annuale ${year} — versione ${plan.version}` }).waitFor();
    await preview.getByRole('cell', { name: 'Totale del piano' }).waitFor();
    expect(await page.evaluate(`document.querySelectorAll('.cst-report-doc [style], .cst-report-doc style').length`)).toBe(0);
    // The stylesheet shipped with the renderer applies: figures right-aligned, total row bold.
    const style = (await page.evaluate(
      `(() => { const td = document.querySelector('.cst-report-total td.cst-report-n'); const s = getComputedStyle(td); return { align: s.textAlign, weight: s.fontWeight }; })()`,
    )) as { align: string; weight: string };
    expect(style).toEqual({ align: 'right', weight: '700' });
    await preview.scrollIntoViewIfNeeded();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'reports-02-preview-plan-it.png'), fullPage: true });
    if (SHOTS) await preview.screenshot({ path: join(SHOTS, 'reports-02b-preview-plan-detail-it.png') });
    await page.getByRole('button', { name: 'Anteprima dell’estratto conto' }).click();
    await preview.getByRole('heading', { name: `Estratto conto ${year} — ${member.name}` }).waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'reports-03-preview-statement-it.png'), fullPage: true });
    const group = page.locator('header [role="group"]');
    await group.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { name: 'Documents to print' }).waitFor();
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'reports-04-preview-statement-en.png'), fullPage: true });
    await group.getByRole('button', { name: 'Italiano', exact: true }).click();
    await page.getByRole('heading', { name: 'Documenti da stampare' }).waitFor();

    // CSV of the approval path and the roll call (Italian Excel: BOM, `;`).
    await go(page, '/plan/approvals');
    const path = await download(page, 'Esporta l’iter di approvazione in CSV', 'iter.csv');
    const csv = readFileSync(path.file, 'utf8');
    expect(csv.startsWith('\uFEFFData;Versione;Passo;')).toBe(true);
    expect(csv).toMatch(/;votazione;Assemblea;/);
    const ballots = readFileSync((await download(page, 'Esporta i voti di ogni votante in CSV', 'voti.csv')).file, 'utf8');
    expect(ballots).toMatch(/;Assemblea;.*;(favorevole|contrario|astenuto)\r\n/);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'reports-05-approvals-csv-it.png'), fullPage: true });

    // The ranking of evaluated proposals.
    await go(page, '/proposals');
    const ranked = await pageApi<unknown[]>(page, 'gov.proposals.ranking', {});
    expect(ranked.length, 'the demo evaluates proposals').toBeGreaterThan(0);
    {
      const r = readFileSync((await download(page, 'Esporta la graduatoria in CSV', 'graduatoria.csv')).file, 'utf8');
      expect(r).toMatch(/^\uFEFFPosizione;Proposta;Comune \(ISTAT\);Punteggio;Stato\r\n1;.*;\d+,\d\d;/);
    }

    expect(problems).toEqual([]);
  }, 300_000);
});
