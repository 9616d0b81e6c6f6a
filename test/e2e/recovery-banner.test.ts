import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { hubToTown, townToHub } from '../sync/hub-helpers';
import { restoreBackup, syncedTownWithBackup } from '../sync/recovery-helpers';
import { axeProblems, openPage, pageCall, ROOT, screenshots, startShell, useChromium, screenshotsFolder } from './harness';

/**
 * docs/design.md "Restores" on the real browser shell in Chromium: a town hall restored from an old
 * backup sees the red banner on its Home (what happened, what to do), a write is refused, the
 * recovery bundle is picked and applied, the banner goes and writes are accepted again; the
 * hub's member page downloads the recovery bundle. axe-core finds no serious or critical
 * problem. Screenshots (Italian and English, 1366×768) go to test-output/screens-recovery
 * (with CST_SCREENSHOTS=1, which scripts/screenshots-bundles.mjs sets).
 */
const SHOTS = screenshotsFolder('screens-recovery');

const browser = useChromium();

const shoot = screenshots(SHOTS, { english: true });


/** Data folders prepared in-process: the hub, and Urbino restored from a backup older than what the hub holds. */
async function prepare(): Promise<{ hubDir: string; townDir: string; recoveryFile: string }> {
  const { hub, town, backup } = await syncedTownWithBackup();
  for (let d = 3; d <= 14; d += 1) await town.must('usage.record', { service: 'PEC', date: `2026-11-${String(d).padStart(2, '0')}`, quantity: '2' });
  await town.must('staff.create', { role: 'Anagrafe', office: 'Demografici' });
  await townToHub(town, hub);
  const restored = restoreBackup(town, backup, '2026-11-27T08:00:00.000Z');
  await hubToTown(hub, restored, '041067');
  const recoveryFile = join(tempDir(), 'cst-CST-PU-recupero-041067.cstb');
  await hub.must('recovery.export', { for: '041067', out: recoveryFile });
  hub.backend.close();
  restored.backend.close();
  return { hubDir: hub.dataDir, townDir: restored.dataDir, recoveryFile };
}

describe('recovery in Chromium (browser shell)', () => {
  it('the Home banner, a refused write, the recovery bundle applied; the hub downloads it from the member page', async () => {
    const { hubDir, townDir, recoveryFile } = await prepare();
    const shell = await startShell(townDir);
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      const banner = page.getByRole('region', { name: 'Mancano dati: importare il pacchetto di recupero del consorzio' });
      await banner.waitFor();
      expect(await banner.textContent()).toMatch(/il consorzio \(CST Pesaro-Urbino\) ha già 13 registrazioni di questo Comune che qui mancano/);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'home-recovery-needed');

      const refused = await pageCall(page, 'usage.record', { service: 'PEC', date: '2026-11-20', quantity: '1' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'E_RECOVERY_NEEDED' } });

      await page.getByLabel('Importa il pacchetto di recupero').setInputFiles(recoveryFile);
      await page.getByText(/13 registrazioni recuperate \(dalla 2 alla 14\) dalla copia del consorzio/).waitFor();
      expect(await banner.count()).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, 'home-recovered');
      const again = await pageCall(page, 'usage.record', { service: 'PEC', date: '2026-11-20', quantity: '1' });
      expect(again.ok).toBe(true);
      expect(problems.filter((p) => !/Failed to load resource/.test(p))).toEqual([]);
    } finally {
      await shell.stop();
    }

    const hubShell = await startShell(hubDir);
    try {
      const { page } = await openPage(browser(), hubShell.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.evaluate(`location.hash = '#/members/041067'`);
      await page.getByRole('heading', { name: 'Pacchetto di recupero' }).waitFor();
      expect(await axeProblems(page)).toEqual([]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica il pacchetto di recupero' }).click()]);
      expect(download.suggestedFilename()).toBe('cst-CST-PU-recupero-041067.cstb');
      await page.getByText(/Pacchetto di recupero salvato: cst-CST-PU-recupero-041067\.cstb\. Inviarlo a Urbino/).waitFor();
      await shoot(page, 'hub-member-recovery');
    } finally {
      await hubShell.stop();
    }
  }, 240_000);
});
