import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, openPage, startShell, useChromium } from './harness';

/**
 * The first run, the shell and the settings in real Chromium against the real browser shell:
 * the strict CSP holds (no console error, hence no violation), and axe-core finds no serious or
 * critical problem, colour contrast included (jsdom cannot check that one).
 */

const browser = useChromium();

/** axe-core evaluated through the DevTools protocol (an injected <script> would break the CSP). */
async function fontsReady(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => undefined)');
}

describe('UI in Chromium (browser shell)', () => {
  it('municipality: setup with the combobox, fingerprint, home, settings in both languages', async () => {
    const shell = await startShell();
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('heading', { level: 1, name: 'Configurazione iniziale' }).waitFor();
      expect(page.url()).not.toContain('secret');
      expect(page.url()).not.toContain('code=');
      expect(await page.getAttribute('html', 'lang')).toBe('it');
      await fontsReady(page);
      expect(await page.evaluate(`document.fonts.check('16px "Titillium Web"')`)).toBe(true);
      expect(await axeProblems(page)).toEqual([]);

      await page.getByRole('button', { name: /^In un Comune/ }).click();
      const combobox = page.getByRole('combobox', { name: /Comune/ });
      await page.getByRole('button', { name: 'Crea la postazione del Comune' }).click();
      await page.locator('#setup-istat-error').waitFor();
      expect(await axeProblems(page)).toEqual([]);

      // The backend ignores accents and case.
      await combobox.fill('forli');
      await page.getByRole('option', { name: /^Forlì \(FC/ }).waitFor();
      await combobox.fill("sant'angelo in");
      await page.getByRole('option', { name: /^Sant'Angelo in Vado/ }).waitFor();
      await combobox.fill('urbino');
      await page.getByRole('option', { name: /^Urbino/ }).waitFor();
      await combobox.press('ArrowDown');
      expect(await combobox.getAttribute('aria-activedescendant')).toBeTruthy();
      expect(await axeProblems(page)).toEqual([]);
      await combobox.press('Enter');
      await page.getByText('Comune scelto').waitFor();
      expect(await page.locator('.cst-chosen').innerText()).toContain('Pesaro e Urbino (PU)');

      await page.getByRole('textbox', { name: /Nome e cognome/ }).fill('Maria Rossi');
      await page.getByRole('button', { name: 'Crea la postazione del Comune' }).click();
      await page.getByRole('heading', { level: 1, name: 'Postazione pronta' }).waitFor();
      const groups = await page.locator('.cst-fingerprint-group').allInnerTexts();
      expect(groups.join(' ')).toMatch(/^\d{5}( \d{5}){5}$/);
      expect(await axeProblems(page)).toEqual([]);

      await page.getByRole('button', { name: 'Vai alla Home' }).click();
      await page.getByText('Comune di Urbino').waitFor();
      expect(await page.locator('nav a[aria-current="page"]').innerText()).toBe('Home');
      expect(await axeProblems(page)).toEqual([]);

      await page.getByRole('link', { name: 'Impostazioni' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Impostazioni' }).waitFor();
      await page.locator('#settings-fingerprint').waitFor();
      expect((await page.locator('#settings-fingerprint .cst-fingerprint-group').allInnerTexts()).join(' ')).toBe(groups.join(' '));
      expect(await axeProblems(page)).toEqual([]);

      await page.locator('#settings-language').getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await axeProblems(page)).toEqual([]);

      // The choice is saved: a second window on the same shell starts in English.
      const second = await openPage(browser(), shell.url);
      await second.page.getByRole('heading', { level: 1, name: 'Welcome to CST Desk' }).waitFor();
      await second.page.context().close();

      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await shell.stop();
    }
  });

  it('hub: upper-cased code, province, fingerprint, 50 members', async () => {
    const shell = await startShell();
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('button', { name: /^Nell’ufficio del consorzio \(hub\)/ }).click();
      const code = page.getByRole('textbox', { name: /Codice del consorzio/ });
      await code.pressSequentially('cst-pu');
      expect(await code.inputValue()).toBe('CST-PU');
      await page.getByRole('textbox', { name: /Nome del consorzio/ }).fill('CST Pesaro-Urbino');
      const province = page.getByRole('combobox', { name: /Provincia/ });
      await page.getByRole('option', { name: 'PU — Pesaro e Urbino (50 comuni)' }).waitFor({ state: 'attached' });
      await province.selectOption('PU');
      expect(await axeProblems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Crea la postazione del consorzio' }).click();
      await page.locator('.cst-fingerprint-group').first().waitFor();
      await page.getByRole('button', { name: 'Vai alla Home' }).click();
      await page.getByText('CST-PU — CST Pesaro-Urbino').waitFor();
      await page.getByText('50 comuni aderenti').waitFor();
      expect(await axeProblems(page)).toEqual([]);

      await page.getByRole('link', { name: 'Vedere l’elenco dei membri' }).click();
      await page.getByRole('table').waitFor();
      expect(await page.locator('tbody tr').count()).toBe(50);
      expect(await page.getByText('Fonte: ISTAT', { exact: false }).count()).toBeGreaterThan(0);
      expect(await axeProblems(page)).toEqual([]);

      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await shell.stop();
    }
  });
});
