/**
 * Issue 11, items 1 and 2 in Chromium on the real browser shell: the launch address opens one
 * window once (what `ps` shows is then worthless), the page cannot name a file on the computer,
 * and a real bundle enters by the file input (the upload the window now uses).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestBackend } from '../helpers/backend';
import { tempDir } from '../helpers/temp-dir';
import { openHub, openTown } from '../sync/hub-helpers';
import { openPage, pageCall, startShell, useChromium } from './harness';

const browser = useChromium();

describe('files and the session of the browser shell', () => {
  it('a used launch address opens nothing; paths are refused; a bundle is imported by upload', async () => {
    // A hub and Urbino, paired in process; Urbino's bundle written to a file as a clerk would carry it.
    const hub = await openHub();
    const town = await openTown(hub, '041067');
    await town.must('usage.record', { service: 'PEC', date: '2026-11-20', quantity: '3' });
    const [sent] = await town.must('bundle.export', { inline: true });
    const work = tempDir();
    const bundle = join(work, sent!.fileName);
    writeFileSync(bundle, Buffer.from(sent!.contentBase64!, 'base64'));
    hub.backend.close();

    const shell = await startShell(hub.dataDir);
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('navigation', { name: 'Menu principale' }).waitFor();
      expect(page.url()).not.toContain('code=');

      // Someone who copied the address from the process list, in a browser of their own.
      const stranger = await browser().newContext();
      const copied = await stranger.newPage();
      await copied.goto(shell.url);
      await copied.getByText('Collegamento non valido').waitFor();
      const refused = (await copied.evaluate(
        `fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ method: 'app.status', input: {} }) }).then((r) => r.status)`,
      )) as number;
      expect(refused).toBe(401);
      await stranger.close();

      // The page itself cannot make the backend read or write a path.
      const readAttempt = await pageCall(page, 'bundle.import', { files: [{ path: bundle }] });
      expect(readAttempt).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field: 'files[0].path' } });
      expect(readAttempt.error?.message).toMatch(/^Per sicurezza la finestra del programma non può indicare percorsi di file/);
      const writeAttempt = await pageCall(page, 'csv.exportFile', { list: 'usage', out: join(work, '.bashrc') });
      expect(writeAttempt).toMatchObject({ ok: false, error: { code: 'E_VALIDATION', field: 'out' } });

      // The real file through the file input: read by the page, sent as bytes, applied.
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Importazioni', exact: true }).click();
      await page.getByLabel('Scegli i file da importare').setInputFiles([bundle]);
      await page.getByText('1 file: 1 letto, 0 in attesa, 0 rifiutati.').waitFor();
      expect(await page.locator('.cst-result-title').first().innerText()).toMatch(/^Letto e registrato: cst-041067/);
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await shell.stop();
    }
    // The hub's database recorded the reception: the upload reached the same import as the CLI.
    const after = openTestBackend({ dataDir: hub.dataDir });
    expect((await after.must('bundle.history', {})).receptions).toHaveLength(1);
  });
});
