import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, openPage, startShell, useChromium } from './harness';

/**
 * A clerk's day on the real browser shell and Chromium: set up as Urbino, record usage, record a
 * course with two participants, draft and submit a proposal with a real PDF, export a bundle,
 * correct an entry already exported (its history shows both versions). axe-core, colour
 * contrast included, finds no serious or critical problem on any screen; no console error (CSP).
 */

const browser = useChromium();

/** A small, valid one-page PDF (with a correct cross-reference table). */
export function makePdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 18 Tf 72 760 Td (${text}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The API as the page itself calls it (with the tab's session cookie): for steps with no screen yet. */
async function apiCall(page: Page, method: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  return (await page.evaluate(
    `fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(${JSON.stringify({ method, input })}) }).then((r) => r.json())`,
  )) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function go(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name, exact: true }).click();
}

async function toast(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.cst-toast').filter({ hasText: text }).first().waitFor();
}

describe('municipality records in Chromium (browser shell)', () => {
  it('usage, training, proposal with a PDF, a correction after export with its history; axe on every screen', async () => {
    const shell = await startShell();
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      page.on('response', (r) => {
        if (r.url().endsWith('/api/call')) void r.text().then((t) => t.includes('"ok":false') && problems.push(`API refusal: ${t.slice(0, 300)}`));
      });
      const axeAll: Record<string, string[]> = {};
      const check = async (screen: string) => {
        axeAll[screen] = await axeProblems(page);
      };

      // Setup as Urbino.
      await page.getByRole('button', { name: /^In un Comune/ }).click();
      const combobox = page.getByRole('combobox', { name: /Comune/ });
      await combobox.fill('urbino');
      await page.getByRole('option', { name: /^Urbino/ }).waitFor();
      await combobox.press('ArrowDown');
      await combobox.press('Enter');
      await page.getByRole('textbox', { name: /Nome e cognome/ }).fill('Maria Rossi');
      await page.getByRole('button', { name: 'Crea la postazione del Comune' }).click();
      await page.getByRole('button', { name: 'Vai alla Home' }).click();
      await page.getByRole('region', { name: 'Azioni rapide' }).waitFor();
      await check('home');

      // Usage: keyboard only.
      await page.getByRole('link', { name: 'Registra utilizzo' }).click();
      await page.getByRole('heading', { level: 1, name: 'Utilizzo dei servizi' }).waitFor();
      const service = page.locator('#usage-new-service');
      await service.selectOption('PROTOCOLLO');
      await page.locator('#usage-new-date').fill('2026-11-05');
      const quantity = page.locator('#usage-new-quantity');
      await quantity.fill('40');
      await quantity.press('Enter');
      await toast(page, 'Registrato: 40 documenti di «Protocollo informatico» (05/11/2026).');
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('usage-new-quantity');
      await page.keyboard.type('1.250');
      await page.keyboard.press('Enter');
      await toast(page, /Registrato: 1\.250 documenti/);
      await service.selectOption('SITO');
      await quantity.fill('12,5');
      await quantity.press('Enter');
      await toast(page, /Registrato: 12,5 GB/);
      await page.getByText('3 registrazioni trovate').waitFor();
      await quantity.fill('1,5');
      await service.selectOption('PEC');
      await quantity.press('Enter');
      await page.locator('#usage-new-quantity-error').waitFor();
      await check('usage (entry with an error)');

      // Export a bundle to the consortium (bundles have no screen in this issue: through the API,
      // as the page itself calls it). The hub's identity comes first, confirmed by its fingerprint.
      const hub = await startShell();
      let exported: Awaited<ReturnType<typeof apiCall>>;
      try {
        const hubPage = (await openPage(browser(), hub.url)).page;
        await hubPage.getByRole('heading', { level: 1 }).waitFor();
        expect((await apiCall(hubPage, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino' })).ok).toBe(true);
        const hubId = (await apiCall(hubPage, 'identity.export', {})).value as { contentBase64: string };
        await hubPage.context().close();
        const peer = await apiCall(page, 'identity.import', { contentBase64: hubId.contentBase64, fileName: 'CST-PU.cstid' });
        const fingerprint = (peer.value as { fingerprint: string }).fingerprint;
        expect((await apiCall(page, 'identity.confirm', { id: 'CST-PU', fingerprint })).ok).toBe(true);
        exported = await apiCall(page, 'bundle.export', { inline: true });
      } finally {
        await hub.stop();
      }
      expect(exported.error).toBeUndefined();
      expect((exported.value as unknown[]).length).toBe(1);
      // Correct an entry already exported: a new version.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Utilizzo dei servizi' }).waitFor(); // F5 keeps the session
      await page.getByRole('button', { name: /^Modifica\s*:\s*registrazione del 05\/11\/2026, Protocollo informatico$/ }).last().click();
      const dialog = page.getByRole('dialog', { name: 'Correggere la registrazione' });
      await dialog.waitFor();
      await check('usage correction dialog');
      const q = dialog.getByRole('textbox', { name: /^Quantità/ });
      const old = await q.inputValue();
      await q.fill('45');
      await q.press('Enter');
      await toast(page, 'Correzione salvata (versione 2).');
      await page.getByRole('button', { name: /^Cronologia\s*:\s*registrazione del 05\/11\/2026, Protocollo informatico$/ }).last().click();
      const history = page.getByRole('dialog', { name: /^Cronologia/ });
      await history.getByText('Versione 2 — Modifica').waitFor();
      await history.getByText('Versione 1 — Creazione').waitFor();
      const row = history.getByRole('row', { name: /Quantità/ }).first();
      expect(await row.innerText()).toContain(old);
      expect(await row.innerText()).toContain('45');
      await check('history dialog');
      await history.getByRole('button', { name: 'Chiudi' }).click();

      await page.getByRole('link', { name: 'Riepilogo mensile' }).click();
      await page.getByRole('table', { name: /Utilizzo per servizio e per mese/ }).waitFor();
      await check('usage monthly');
      await page.getByRole('link', { name: 'Andamento 12 mesi' }).click();
      await page.getByRole('img', { name: /Protocollo informatico/ }).waitFor();
      expect(await page.locator('svg [style]').count()).toBe(0);
      await check('usage trend');
      await page.getByRole('link', { name: 'Importa ed esporta CSV' }).click();
      await page.locator('#usage-csv-import input[type="file"]').setInputFiles({
        name: 'utilizzo.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('\uFEFFservizio;data;quantità\nPEC;03/11/2026;2\nXYZ;03/11/2026;1\nPEC;31/02/2026;1\n', 'utf8'),
      });
      await page.getByRole('table', { name: 'Problemi trovati nel file' }).waitFor();
      await check('usage CSV preview');
      await page.getByRole('button', { name: 'Escludi tutte le righe con problemi' }).click();
      await page.getByRole('button', { name: 'Importa 1 riga' }).click();
      await toast(page, /1 registrazione importata/);

      // Training: two people, a course, two participations.
      await go(page, 'Formazione');
      await page.getByRole('checkbox', { name: 'Condividi i nomi del personale con il consorzio' }).waitFor();
      for (const name of ['Anna Neri', 'Bruno Verdi']) {
        await page.locator('#staff-new-name').fill(name);
        await page.locator('#staff-new-name').press('Enter');
        await toast(page, /Persona salvata con codice/);
      }
      await check('training staff');
      await page.getByRole('link', { name: 'Corsi', exact: true }).click();
      await page.locator('#course-add-title').fill('Protezione dei dati personali');
      await page.locator('#course-add-start').fill('2026-10-05');
      await page.locator('#course-add-end').fill('2026-10-06');
      await page.locator('#course-add-hours').fill('7,5');
      await page.getByRole('button', { name: 'Salva corso' }).click();
      await toast(page, 'Corso «Protezione dei dati personali» salvato.');
      await check('training courses');
      await page.getByRole('link', { name: 'Partecipazioni', exact: true }).click();
      for (const [person, evaluation] of [['P-001 — Anna Neri', '5 – molto utile'], ['P-002 — Bruno Verdi', '3 – abbastanza utile']] as const) {
        await page.locator('#part-new-person').selectOption({ label: person });
        await page.locator('#part-new-course').selectOption({ label: 'Protezione dei dati personali' });
        await page.locator('label', { hasText: evaluation }).click();
        expect(await page.getByRole('radio', { name: evaluation }).isChecked()).toBe(true);
        await page.getByRole('button', { name: 'Salva partecipazione' }).click();
        await toast(page, new RegExp(`Partecipazione di ${person}`));
      }
      await check('training participations');
      await page.getByRole('link', { name: 'Totali', exact: true }).click();
      await page.getByText(/2 partecipazioni \(2 completate\), 15 ore/).waitFor();
      await check('training totals');

      await go(page, 'Gruppi tematici');
      await page.locator('#group-new-name').fill('Transizione digitale');
      await page.locator('#group-new-name').press('Enter');
      await page.getByRole('region', { name: /Transizione digitale/ }).waitFor();
      await check('groups');

      // Proposal with a real PDF, submitted, then locked.
      await go(page, 'Proposte');
      await page.getByRole('link', { name: 'Nuova proposta' }).click();
      await page.locator('#proposal-title').fill('Firma digitale remota per tutti i comuni');
      await page.locator('#proposal-problem').fill('Ogni ufficio acquista la propria firma.');
      await page.locator('#proposal-solution').fill('Un contratto unico del consorzio.');
      await page.locator('#proposal-yearly').fill('1.234,56');
      await page.getByRole('button', { name: 'Salva bozza' }).click();
      await page.getByText(/Non ancora inviata/).waitFor();
      await page.locator('#proposal-attachments input[type="file"]').setInputFiles({ name: 'preventivo.pdf', mimeType: 'application/pdf', buffer: makePdf('Preventivo firma remota') });
      await toast(page, 'Allegato «preventivo.pdf» aggiunto.');
      await check('proposal draft');
      await page.getByRole('button', { name: 'Invia al Comitato tecnico' }).click();
      await page.getByRole('dialog', { name: 'Inviare la proposta?' }).getByRole('button', { name: 'Invia al Comitato tecnico' }).click();
      await page.getByText(/Proposta inviata: il contenuto è bloccato/).waitFor({ timeout: 5000 }).catch(() => {
        throw new Error(problems.join('\n'));
      });
      expect(await page.locator('#proposal-title').count()).toBe(0);
      await check('proposal submitted');
      await page.getByRole('link', { name: 'Torna all’elenco delle proposte' }).click();
      await page.getByRole('table', { name: 'Proposte del Comune' }).getByText('Inviata').waitFor();
      await check('proposals list');

      await go(page, 'Home');
      await page.getByRole('region', { name: /Questo mese/ }).waitFor();
      await page.locator('#settings-language, header [role="group"]').first().getByRole('button', { name: 'English' }).click();
      await page.getByRole('region', { name: /This month/ }).waitFor();
      await check('home in English');

      expect(axeAll).toEqual(Object.fromEntries(Object.keys(axeAll).map((k) => [k, []])));
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await shell.stop();
    }
  });
});
