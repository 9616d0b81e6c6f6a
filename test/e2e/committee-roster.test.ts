import { describe, expect, it } from 'vitest';
import { hubToTown, openHub, openTown, townToHub } from '../sync/hub-helpers';
import { axeProblems, openPage, screenshots, screenshotsFolder, startShell, useChromium } from './harness';

/**
 * The Technical Committee (issue 15) on the real browser shell in Chromium. Set up through the
 * core with real bundles: Urbino (names shared) and Pesaro (codes only) designate their
 * technicians, Pesaro had another technician before; the hub has the Technical Director and a
 * group coordinated by Urbino's technician. Then: the hub's roster, Urbino's page with its
 * designation and the committee received, the hub's group form. axe (contrast included) finds
 * nothing serious; no console error. Screenshots (Italian and English, 1366×768) go to
 * test-output/screens-committee with CST_SCREENSHOTS=1.
 */
const SHOTS = screenshotsFolder('screens-committee');
const browser = useChromium();
const shoot = screenshots(SHOTS, { english: true });

async function prepare() {
  const hub = await openHub();
  const urbino = await openTown(hub, '041067');
  const pesaro = await openTown(hub, '041044');
  await urbino.must('settings.update', { shareNames: true });
  await urbino.must('committee.designation.save', { technicianName: 'Mario Rossi', substituteName: 'Anna Verdi', role: 'Responsabile dei servizi informativi', officeEmail: 'ced@comune.urbino.pu.it', officePhone: '0722 309111', from: '2026-01-01' });
  await townToHub(urbino, hub);
  await pesaro.must('committee.designation.save', { technicianName: 'Paolo Gialli', role: 'Istruttore informatico', from: '2025-01-01' });
  await pesaro.must('committee.designation.save', { technicianName: 'Giulia Bianchi', substituteName: 'Luca Neri', role: 'Istruttore informatico', officeEmail: 'sistemi@comune.pesaro.pu.it', from: '2026-03-01' });
  await townToHub(pesaro, hub);
  await hub.must('gov.settings.update', { executiveCommittee: { members: [], technicalDirector: 'Ing. Carla Ferri' } });
  await hub.must('hub.groups.save', { name: 'Transizione digitale', description: 'Piano triennale AgID', coordinator: { istat: '041067', person: 'Mario Rossi' } });
  await hubToTown(hub, urbino, '041067');
  for (const t of [hub, urbino, pesaro]) t.backend.close();
  return { hubDir: hub.dataDir, urbinoDir: urbino.dataDir };
}

describe('Technical Committee in Chromium (browser shell)', () => {
  it('the hub roster, the group coordinator, Urbino’s designation and the committee it received', async () => {
    const { hubDir, urbinoDir } = await prepare();
    const hubShell = await startShell(hubDir);
    try {
      const { page, problems } = await openPage(browser(), hubShell.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Comitato tecnico' }).click();
      const table = page.getByRole('table', { name: /Componenti del Comitato tecnico al/ });
      await table.waitFor();
      expect(await page.getByText('Coordinatore: Ing. Carla Ferri, Direttore tecnico.').count()).toBe(1);
      expect(await table.getByRole('row', { name: /Urbino/ }).textContent()).toMatch(/Mario Rossi \(TEC-1\)Sostituto: Anna Verdi \(SOS-1\)/);
      expect(await table.getByRole('row', { name: /Pesaro/ }).textContent()).toMatch(/TEC-1Sostituto: SOS-1.*dal 01\/03\/2026/);
      expect(await table.getByRole('row').count()).toBe(3);
      expect(await page.getByRole('heading', { name: /^Senza tecnico designato al .*: 48 comuni$/ }).count()).toBe(1);
      expect(await page.getByText(/Fano, Fermignano/).count()).toBe(1);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'hub-roster');
      await page.evaluate(`location.hash = '#/catalogue/groups'`);
      await page.getByRole('button', { name: /Modifica/ }).first().click();
      const select = page.getByRole('combobox', { name: 'Referente coordinatore' });
      await select.waitFor();
      await select.locator('option').nth(4).waitFor({ state: 'attached' });
      expect(await select.locator('option').allTextContents()).toEqual(['Nessun referente', 'TEC-1 (Pesaro)', 'SOS-1 (Pesaro, sostituto)', 'Mario Rossi (Urbino)', 'Anna Verdi (Urbino, sostituto)']);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'hub-group-coordinator');
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await hubShell.stop();
    }

    const townShell = await startShell(urbinoDir);
    try {
      const { page, problems } = await openPage(browser(), townShell.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Comitato tecnico' }).click();
      const current = page.getByRole('region', { name: 'La designazione del Comune' });
      await current.waitFor();
      expect(await current.textContent()).toMatch(/Il consorzio ha ricevuto questa designazione\./);
      const roster = page.getByRole('region', { name: 'Il Comitato tecnico' });
      expect(await roster.getByRole('row', { name: /Pesaro/ }).textContent()).toMatch(/TEC-1/);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'municipality-committee');
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await townShell.stop();
    }
  }, 180_000);
});
