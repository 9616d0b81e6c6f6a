import { describe, expect, it } from 'vitest';
import { openHub, openTown, townToHub } from '../sync/hub-helpers';
import { axeProblems, openPage, screenshots, screenshotsFolder, startShell, useChromium } from './harness';

/**
 * A hub with many members (issue 12) on the real browser shell in Chromium: every municipality
 * of the Marche and Roma (226 members), Urbino and Roma sending usage. The members' list and the
 * usage by member show one page of 50 with search, region and province; axe (contrast included)
 * finds nothing serious; no console error. Screenshots (Italian and English, 1366×768) go to
 * test-output/screens-hub-many-members with CST_SCREENSHOTS=1.
 */
const SHOTS = screenshotsFolder('screens-hub-many-members');
const browser = useChromium();
const shoot = screenshots(SHOTS, { english: true });

async function prepare() {
  const hub = await openHub();
  for (const province of ['042', '043', '044', '109']) {
    for (const m of await hub.must('reference.searchMunicipalities', { query: province, limit: 100 })) await hub.must('members.add', { istat: m.istat, memberSince: '2026-01-01' });
  }
  await hub.must('members.add', { istat: '058091', memberSince: '2026-01-01' });
  const towns = [await openTown(hub, '041067'), await openTown(hub, '058091')];
  for (const [i, town] of towns.entries()) {
    for (let d = 1; d <= 5; d++) await town.must('usage.record', { service: 'PEC', date: `2026-10-0${d}`, quantity: String(3 + i * 40) });
    await townToHub(town, hub);
  }
  for (const t of [hub, ...towns]) t.backend.close();
  return hub.dataDir;
}

describe('a hub with many members in Chromium (browser shell)', () => {
  it('members and usage by member: one page, search, region and province', async () => {
    const shell = await startShell(await prepare());
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Membri' }).click();
      await page.getByText('Pagina 1 di 5 · 226 comuni').waitFor();
      expect(await page.getByRole('table', { name: 'Elenco dei comuni aderenti' }).locator('tbody tr').count()).toBe(50);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'members-page-1');
      await page.getByRole('combobox', { name: 'Regione' }).selectOption('Marche');
      await page.getByRole('combobox', { name: 'Provincia' }).selectOption('AN');
      await page.getByText(/Pagina 1 di 1 · 47 comuni/).waitFor();
      await page.getByRole('textbox', { name: 'Cerca un comune' }).fill('monte');
      await page.getByText(/Pagina 1 di 1 · \d+ comun/).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'members-filtered');

      await page.evaluate(`location.hash = '#/members/usage'`);
      await page.getByText('Pagina 1 di 5 · 226 comuni').waitFor();
      await page.getByRole('combobox', { name: 'Regione' }).selectOption('Lazio');
      await page.getByText('Pagina 1 di 1 · 1 comune').waitFor();
      await page.getByRole('table', { name: 'Utilizzo per servizio e comune nel periodo scelto' }).getByRole('row', { name: /Roma/ }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'usage-region');
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await shell.stop();
    }
  }, 300_000);
});
