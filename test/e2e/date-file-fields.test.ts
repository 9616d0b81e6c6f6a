import { describe, expect, it } from 'vitest';
import { axeProblems, openPage, pageApi, screenshots, startShell, useChromium } from './harness';

/**
 * The app's date and file fields in a Chromium that speaks American English (`--lang=en-US`,
 * `LANGUAGE=en`, an en-US page locale), as on a PC where Chromium lacks its Italian strings:
 * dates still read and are typed gg/mm/aaaa, the file chooser still says "Scegli il file".
 * A native `<input type="date">` would read mm/dd/yyyy there, and a native file input
 * "Choose File / No file chosen". Screenshots (Italian and English) go to CST_SHOTS_DIR when set.
 */
const browser = useChromium({ english: true });
const shoot = screenshots(process.env.CST_SHOTS_DIR ?? null, { english: true });

const pad = (n: number) => String(n).padStart(2, '0');

describe('date and file fields in an English Chromium (browser shell)', () => {
  it('read gg/mm/aaaa and "Scegli il file", whatever the browser’s language', async () => {
    const shell = await startShell();
    try {
      const { page, problems } = await openPage(browser(), shell.url, 'en-US');
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The browser really is American: its own formats say so.
      expect(await page.evaluate('navigator.language')).toBe('en-US');
      expect(await page.evaluate(`new Date(2026, 11, 6).toLocaleDateString()`)).toBe('12/6/2026');
      await pageApi(page, 'setup.municipality', { istat: '041067', operator: 'Maria Rossi' });

      // The quick entry pre-fills today: day first (6 December is 06/12, never 12/06).
      await page.evaluate(`window.location.hash = '#/usage'`);
      await page.reload();
      const date = page.getByRole('textbox', { name: /^Data/ });
      await date.waitFor();
      const now = new Date();
      expect(await date.inputValue()).toBe(`${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`);
      expect(await date.getAttribute('placeholder')).toBe('gg/mm/aaaa');
      expect(await page.locator('input[type="date"], input[type="month"]').count()).toBe(0);
      // The filters too: "Dal" and "Al" are ours, empty with the Italian pattern.
      expect(await page.getByLabel('Dal', { exact: true }).getAttribute('placeholder')).toBe('gg/mm/aaaa');
      await shoot(page, 'words-usage-dates');

      // A date typed the short way reads back in full; the end of a course follows its start.
      await page.evaluate(`window.location.hash = '#/training/courses'`);
      const start = page.locator('#course-add-start');
      await start.waitFor();
      await start.pressSequentially('5/3/2026');
      await start.press('Tab');
      expect(await start.inputValue()).toBe('05/03/2026');
      expect(await page.locator('#course-add-end').inputValue()).toBe('05/03/2026');
      // A day that does not exist is refused in the field, in Italian.
      await page.locator('#course-add-end').fill('31/02/2026');
      await page.locator('#course-add-end').press('Tab');
      await page.getByText('Data non valida: scriverla come gg/mm/aaaa (giorno/mese/anno), per esempio 25/03/2026.').waitFor();
      await shoot(page, 'words-course-dates');

      // The file chooser speaks the app's language; the browser's own button is not drawn.
      await page.evaluate(`window.location.hash = '#/usage/csv'`);
      const field = page.locator('.cst-field', { has: page.getByLabel('File CSV', { exact: true }) });
      await field.getByText('Scegli il file', { exact: true }).waitFor();
      await field.getByText('Nessun file scelto', { exact: true }).waitFor();
      const input = page.getByLabel('File CSV', { exact: true });
      expect((await input.boundingBox())?.width).toBeLessThanOrEqual(1);
      expect(await field.textContent()).not.toMatch(/Choose File|No file chosen/);
      await shoot(page, 'words-file-empty');
      await input.setInputFiles({ name: 'utilizzi.csv', mimeType: 'text/csv', buffer: Buffer.from('servizio;data;quantità\r\nPEC;01/11/2026;1\r\n') });
      await field.getByText('File scelto: utilizzi.csv', { exact: true }).waitFor();
      await shoot(page, 'words-file-chosen');
      expect(await axeProblems(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await shell.stop();
    }
  });
});
