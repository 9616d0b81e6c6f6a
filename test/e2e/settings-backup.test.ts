import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { openPage, ROOT, startShell, useChromium, screenshotsFolder } from './harness';

/**
 * Settings › Copie di sicurezza on the real browser shell: "Crea una copia adesso" makes a
 * verified copy in <data dir>/backups while the app runs, the list shows it, axe finds no serious
 * problem. Screenshots (it/en) in test-output/screens-backup with CST_SCREENSHOTS=1.
 */
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = screenshotsFolder('screens-backup');

const browser = useChromium();

describe('settings: backups in the browser shell', () => {
  it('makes a copy now, lists it, no serious axe problem', async () => {
    const dataDir = tempDir();
    const init = spawnSync(process.execPath, [join(ROOT, 'bin', 'cst.mjs'), 'init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(init.status).toBe(0);
    const shell = await startShell(dataDir);
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Impostazioni' }).click();
      const card = page.getByRole('region', { name: 'Copie di sicurezza' });
      await card.getByText('Non c’è ancora nessuna copia di sicurezza.').waitFor();
      await card.getByRole('button', { name: 'Crea una copia adesso' }).click();
      await page.getByText(/^Copia creata e verificata: cst-desk-.*\.sqlite\.$/).waitFor();
      await card.getByRole('table').waitFor();
      const files = readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.sqlite'));
      expect(files).toHaveLength(1);
      expect(await card.getByRole('table').textContent()).toContain(files[0]);
      await page.evaluate(AXE_SOURCE);
      const serious = (await page.evaluate(
        `axe.run(document).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))`,
      )) as string[];
      expect(serious).toEqual([]);
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });

      // The same copy kept elsewhere (a USB stick), uploaded below.
      const upload = join(tempDir(), 'urbino-chiavetta.sqlite');
      copyFileSync(join(dataDir, 'backups', files[0]!), upload);
      // Restore from the window: the listed copy, after the confirmation; the page reloads and says so.
      await card.getByRole('button', { name: /^Ripristina la copia del / }).click();
      const dialog = page.getByRole('dialog', { name: /^Ripristinare la copia del / });
      await dialog.getByText(/cioè di questa installazione/).waitFor();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, 'restore-dialog-it.png') });
      await dialog.getByRole('button', { name: 'Ripristina la copia' }).click();
      await page.getByText(/^Copia del \d\d\/\d\d\/\d{4}, \d\d:\d\d ripristinata$/).waitFor();
      expect(readdirSync(dataDir).filter((n) => n.startsWith('cst-desk.sqlite.before-restore-'))).toHaveLength(1);
      if (SHOTS) await page.getByRole('region', { name: 'Copie di sicurezza' }).screenshot({ path: join(SHOTS, 'restored-it.png') });
      // The copy from the stick: the page uploads its bytes, the core checks and restores it.
      await page.getByLabel('Ripristina da un file').setInputFiles(upload);
      const fromFile = page.getByRole('dialog', { name: 'Ripristinare la copia urbino-chiavetta.sqlite?' });
      await fromFile.getByRole('button', { name: 'Ripristina la copia' }).click();
      await page.getByText('Copia urbino-chiavetta.sqlite ripristinata').waitFor();
      expect(readdirSync(dataDir).filter((n) => n.startsWith('cst-desk.sqlite.before-restore-'))).toHaveLength(2);

      if (SHOTS) {
        const again = page.getByRole('region', { name: 'Copie di sicurezza' });
        await again.scrollIntoViewIfNeeded();
        await again.screenshot({ path: join(SHOTS, 'backup-card-it.png') });
        await page.getByRole('button', { name: 'English', exact: true }).first().click();
        const en = page.getByRole('region', { name: 'Backups' });
        await en.waitFor();
        await en.screenshot({ path: join(SHOTS, 'backup-card-en.png') });
        await en.getByRole('button', { name: /^Restore the backup of / }).first().click();
        await page.getByRole('dialog', { name: /^Restore the backup of / }).getByText(/that is of this installation/).waitFor();
        await page.screenshot({ path: join(SHOTS, 'restore-dialog-en.png') });
        await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      }
      expect(problems).toEqual([]);
    } finally {
      await shell.stop();
    }
  });

  it('a failed copy is shown in the card with what to do, and the app keeps working', async () => {
    const dataDir = tempDir();
    const init = spawnSync(process.execPath, [join(ROOT, 'bin', 'cst.mjs'), 'init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(init.status).toBe(0);
    writeFileSync(join(dataDir, 'backups'), 'not a folder'); // the copy cannot be written
    const shell = await startShell(dataDir);
    try {
      const { page } = await openPage(browser(), shell.url);
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Impostazioni' }).click();
      const card = page.getByRole('region', { name: 'Copie di sicurezza' });
      await card.getByRole('button', { name: 'Crea una copia adesso' }).click();
      await card.getByText(/^L’ultima copia non è riuscita/).waitFor();
      expect(await card.textContent()).toMatch(/Copia di sicurezza non riuscita in .*backups: al posto della cartella c'è un file con lo stesso nome. I dati non sono stati toccati: spostare o rinominare quel file/);
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Impostazioni' }).waitFor();
      if (SHOTS) await card.screenshot({ path: join(SHOTS, 'backup-card-failed-it.png') });
    } finally {
      await shell.stop();
    }
  });
});
