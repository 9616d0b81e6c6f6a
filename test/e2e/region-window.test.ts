import { describe, expect, it } from 'vitest';
import { openRegionWithData } from '../sync/federation-helpers';
import { axeProblems, openPage, screenshots, screenshotsFolder, startShell, useChromium } from './harness';

/**
 * The regional hub's window (issue 12) on the real browser shell in Chromium, over a region built
 * from real bundles: two provinces forwarded their members' very files and the region imported
 * them (test/sync/federation-helpers.ts). Regione → a province (one page of its municipalities,
 * searched on the server) → a municipality by month; who vouches, fingerprints in groups of
 * five; the provincial hub's card about its regional hub. axe (contrast included) finds nothing
 * serious; no console error. Screenshots (Italian and English, 1366×768) go to
 * test-output/screens-region with CST_SCREENSHOTS=1.
 */
const SHOTS = screenshotsFolder('screens-region');
const browser = useChromium();
const shoot = screenshots(SHOTS, { english: true });

async function prepare(): Promise<{ region: string; province: string }> {
  const built = await openRegionWithData({ enrolled: 60 });
  const folders = { region: built.region.dataDir, province: built.provinces[0]!.dataDir };
  built.close();
  return folders;
}

describe('Regione in Chromium (browser shell)', () => {
  it('provinces → a province’s municipalities → a municipality; who vouches; the province’s card', async () => {
    const folders = await prepare();
    const shell = await startShell(folders.region);
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      const menu = page.getByRole('navigation', { name: 'Menu principale' });
      await menu.getByRole('link', { name: 'Regione' }).click();
      await page.getByRole('table', { name: 'Uffici provinciali collegati e dati ricevuti da ciascuno' }).waitFor();
      await page.getByRole('table', { name: 'Totali per servizio' }).getByRole('row', { name: /PEC/ }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'region-provinces');

      await page.getByRole('link', { name: 'Consorzio PU (CST-PU)' }).click();
      await page.getByText('Pagina 1 di 2 · 62 comuni').waitFor();
      expect(await page.getByRole('table', { name: 'Comuni garantiti dalla provincia, con le registrazioni ricevute' }).locator('tbody tr').count()).toBe(50);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'region-province');
      await page.getByRole('textbox', { name: 'Cerca un comune' }).fill('urbino');
      await page.getByText('Pagina 1 di 1 · 1 comune').waitFor();
      await page.getByRole('link', { name: 'Urbino', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Urbino (041067)' }).waitFor();
      await page.getByRole('table', { name: 'Registrazioni e quantità per mese e servizio' }).waitFor();
      expect(await page.getByRole('navigation', { name: 'Percorso' }).getByRole('listitem').allTextContents()).toEqual(['Regione', 'Consorzio PU (CST-PU)', 'Urbino']);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'region-municipality');

      await page.getByRole('navigation', { name: 'Percorso' }).getByRole('link', { name: 'Consorzio PU (CST-PU)' }).click();
      await page.getByRole('link', { name: 'Chi garantisce i comuni' }).click();
      await page.getByText('Pagina 1 di 2 · 62 comuni').waitFor();
      const fingerprints = await page.getByRole('table', { name: 'Comuni garantiti dalla provincia: chiavi e impronte' }).locator('tbody tr td .cst-code[aria-hidden]').allTextContents();
      expect(fingerprints).toHaveLength(50);
      for (const f of fingerprints) expect(f).toMatch(/^\d{5}( \d{5})+$/);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'region-roster');
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await shell.stop();
    }

    const provincial = await startShell(folders.province);
    try {
      const { page, problems } = await openPage(browser(), provincial.url);
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Impostazioni' }).click();
      const card = page.getByRole('region', { name: 'Ufficio regionale' });
      await card.getByText('Ufficio regionale Marche (REG-MARCHE)').waitFor();
      await card.getByText(/pacchetti inoltrati, l’ultimo il/).waitFor();
      expect(await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Regione' }).count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await card.scrollIntoViewIfNeeded();
      await shoot(page, 'province-settings');
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await provincial.stop();
    }
  }, 300_000);
});
