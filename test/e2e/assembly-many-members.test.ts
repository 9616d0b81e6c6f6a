import { describe, expect, it } from 'vitest';
import { openHub } from '../sync/hub-helpers';
import { axeProblems, openPage, screenshots, screenshotsFolder, startShell, useChromium } from './harness';

/**
 * The Assembly's vote with many members (issue 12) on the real browser shell in Chromium: the
 * Marche and Roma (226 members) vote on the 2027 plan. The form shows 50 voters a page with
 * search, region and province; a province's members are marked present at once; axe (contrast
 * included) finds nothing serious; no console error. Screenshots (Italian and English,
 * 1366×768) go to test-output/screens-assembly-many-members with CST_SCREENSHOTS=1.
 */
const SHOTS = screenshotsFolder('screens-assembly-many-members');
const browser = useChromium();
const shoot = screenshots(SHOTS, { english: true });
const DAY = '2026-11-26';

async function prepare() {
  const hub = await openHub();
  for (const province of ['042', '043', '044', '109']) {
    for (const m of await hub.must('reference.searchMunicipalities', { query: province, limit: 100 })) await hub.must('members.add', { istat: m.istat, memberSince: '2026-01-01' });
  }
  await hub.must('members.add', { istat: '058091', memberSince: '2026-01-01' });
  await hub.must('plan.create', { year: 2027, date: DAY, by: 'Direttore tecnico' });
  await hub.must('plan.saveItems', {
    year: 2027,
    version: 1,
    items: [{ code: 'QUOTA', description: 'Quota associativa', category: 'quota', fixedCents: 5_000_000, key: { equal: 20, population: 80, usage: 0 } }],
  });
  await hub.must('plan.step', { year: 2027, version: 1, step: 'propose', date: DAY, by: 'Comitato esecutivo' });
  await hub.must('plan.approve', { year: 2027, version: 1, body: 'executive_committee', date: DAY, minutesRef: 'CE 4/2026', electorate: [{ id: 'P' }], present: ['P'], ballots: [{ member: 'P', vote: 'for' }] });
  await hub.must('plan.step', { year: 2027, version: 1, step: 'submit', date: DAY, by: 'Presidente' });
  hub.backend.close();
  return hub.dataDir;
}

describe('the Assembly’s vote with many members in Chromium (browser shell)', () => {
  it('one page of voters, search, region and province; a province present at once', async () => {
    const shell = await startShell(await prepare());
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(`location.hash = '#/plan/approvals'`);
      await page.getByRole('heading', { name: 'Votazione: Assemblea' }).waitFor();
      await page.getByText('Pagina 1 di 5 · 226 comuni').waitFor();
      const votes = page.getByRole('table', { name: 'Presenti e voti' });
      expect(await votes.locator('tbody tr').count()).toBe(50);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'assembly-page-1');

      await page.getByRole('combobox', { name: 'Provincia' }).selectOption('AN');
      await page.getByText('Pagina 1 di 1 · 47 comuni').waitFor();
      await page.getByRole('button', { name: 'Presenti i 47 comuni del filtro' }).click();
      await page.getByText(/Presenti 47 su 226/).waitFor();
      await page.getByRole('combobox', { name: 'Voto di Ancona' }).selectOption('for');
      await page.getByRole('textbox', { name: 'Cerca un comune' }).fill('SAN PAOLO DI JÈSI');
      await page.getByText('Pagina 1 di 1 · 1 comune').waitFor();
      expect(await votes.locator('tbody tr').count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'assembly-filtered');
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await shell.stop();
    }
  });
});
