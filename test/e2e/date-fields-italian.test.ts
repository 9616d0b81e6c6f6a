import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, startShell, useChromium } from './harness';

/**
 * A date field in the browser shell shows day, month, year (gg/mm/aaaa) with Italian names, as
 * the app writes dates everywhere else: Chromium's UI locale decides it, not the page's `lang`.
 * The order of a date field's parts is read from Chromium's accessibility tree (its inner
 * fields are not in the page's DOM).
 */
const browser = useChromium();

async function apiCall(page: Page, method: string, input: unknown): Promise<{ ok: boolean }> {
  return (await page.evaluate(
    `fetch('/api/call', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CST-Secret': sessionStorage.getItem('cst-desk.secret') }, body: JSON.stringify(${JSON.stringify({ method, input })}) }).then((r) => r.json())`,
  )) as { ok: boolean };
}

/** The parts of the focused date field as Chromium presents them, in order: "Giorno=5". */
async function dateParts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; value?: { value?: unknown } }[] };
  // Chromium names a part twice ("Giorno Giorno"): its first word is enough.
  return nodes.filter((n) => n.role?.value === 'spinbutton').map((n) => `${(n.name?.value ?? '').split(' ')[0]}=${String(n.value?.value ?? '')}`);
}

describe('date fields in Chromium (browser shell)', () => {
  it('show gg/mm/aaaa: day first, Italian names', async () => {
    const shell = await startShell();
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect((await apiCall(page, 'setup.municipality', { istat: '041067', operator: 'Maria Rossi' })).ok).toBe(true);
      await page.evaluate(`window.location.hash = '#/training/courses'`);
      await page.reload();
      const start = page.locator('#course-add-start');
      await start.waitFor();
      await start.fill('2026-03-05');
      // The end date takes the start date when empty: both fields show 05/03/2026.
      expect(await dateParts(page)).toEqual(['Giorno=5', 'Mese=3', 'Anno=2026', 'Giorno=5', 'Mese=3', 'Anno=2026']);
      expect(problems).toEqual([]);
    } finally {
      await shell.stop();
    }
  });
});
