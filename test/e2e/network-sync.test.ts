import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { tempDir } from '../helpers/temp-dir';
import { axeProblems, openPage, pageApi, ROOT, screenshotsFolder, startShell, useChromium } from './harness';

/**
 * Settings › Sincronizzazione di rete in the real browser shell: the clerk writes the server's
 * address (a wrong one first), saves it, the core keeps it, the status and the header's
 * indicator follow (the shell's agent really tries the address: nothing listens there, so it
 * turns to «Non in linea»); axe (with colour contrast, in Chromium) finds no serious problem.
 * With CST_SCREENSHOTS=1 the section and the indicator are photographed in both languages
 * (test-output/screens-sync), also in states this file does not bring about (synced, refused, a
 * transfer half-way; network-sync-live.test.ts brings about offline and synced with a real
 * mailbox): those pictures come from the page's own event stream answered with the agent's
 * status, for the pictures only — every assertion above is on the real shell.
 */
const SHOTS = screenshotsFolder('screens-sync');
/** The address the pictures of the agent's states show (a consortium's, as a clerk would type it). */
const MAILBOX = 'https://posta.cst-pesarourbino.it';
/**
 * The address typed in the real shell: its agent really tries it 3 s after it is saved, so it
 * must be loopback (nothing listens on port 9: refused at once, offline, no DNS lookup).
 */
const DOWN = 'http://127.0.0.1:9';

const browser = useChromium();

/** Today in the shell's clock at Italian 10:40 / 10:42 (the pictures read like a morning's). */
function todayAt(hhmm: string): string {
  const day = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
  const offset = new Date(`${day}T12:00:00Z`).toLocaleString('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'shortOffset' }).match(/GMT([+-]\d+)/)?.[1] ?? '+1';
  const utc = new Date(`${day}T${hhmm}:00.000Z`);
  return new Date(utc.getTime() - Number(offset) * 3_600_000).toISOString();
}

function status(over: Partial<NetworkSyncStatus>): NetworkSyncStatus {
  return {
    // Newer than anything the shell's core says: the picture's state stays whatever the order.
    revision: Number.MAX_SAFE_INTEGER,
    mailbox: MAILBOX,
    folder: null,
    mailboxFromHub: false,
    state: 'idle',
    lastSuccessAt: todayAt('10:40'),
    lastAttemptAt: todayAt('10:40'),
    nextAttemptAt: null,
    lastError: null,
    eventsToSend: 0,
    bundlesToSend: 0,
    bundlesToApply: 0,
    transfer: null,
    lastRound: { at: todayAt('10:40'), sent: 1, received: 1, applied: 1 },
    ...over,
  };
}

/** The page reloaded with its push stream answering `s` (pictures of the agent's states only). */
async function showState(page: Page, s: NetworkSyncStatus): Promise<void> {
  await page.unroute('**/api/events');
  await page.route('**/api/events', (route) =>
    route.fulfill({ status: 200, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' }, body: `retry: 600000\ndata: ${JSON.stringify({ event: 'sync.network', payload: s })}\n\n` }),
  );
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function shoot(page: Page, name: string, english: boolean): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const lang = english ? 'en' : 'it';
  const section = page.getByRole('region', { name: english ? 'Network sync' : 'Sincronizzazione di rete' });
  await section.scrollIntoViewIfNeeded();
  await page.waitForTimeout(150);
  await section.screenshot({ path: join(SHOTS, `${name}-section-${lang}.png`) });
  await page.locator('header').screenshot({ path: join(SHOTS, `${name}-header-${lang}.png`) });
}

async function bothLanguages(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await shoot(page, name, false);
  await page.getByRole('button', { name: 'English', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  await shoot(page, name, true);
  await page.getByRole('button', { name: 'Italiano', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Impostazioni' }).waitFor();
}

describe('network sync in the browser shell', () => {
  it('sets the server’s address from Settings: a wrong one is refused in words, the right one is kept and shown in the header', async () => {
    const dataDir = tempDir();
    const init = spawnSync(process.execPath, [join(ROOT, 'bin', 'cst.mjs'), 'init', '--role', 'municipality', '--istat', '041067', '--operator', 'Maria Rossi', '--data-dir', dataDir], { encoding: 'utf8' });
    expect(init.status).toBe(0);
    const shell = await startShell(dataDir);
    try {
      const { page, problems } = await openPage(browser(), shell.url);
      await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: 'Impostazioni' }).click();
      const section = page.getByRole('region', { name: 'Sincronizzazione di rete' });
      await section.getByText(/La sincronizzazione di rete non è attiva/).waitFor();
      expect(await page.getByRole('link', { name: /^Stato della sincronizzazione/ }).count()).toBe(0);
      await bothLanguages(page, '1-off');

      const field = section.getByRole('textbox', { name: 'Indirizzo del server del consorzio' });
      await field.fill('posta.cst-pesarourbino');
      await section.getByRole('button', { name: 'Salva indirizzo' }).click();
      await section.getByText(/«posta.cst-pesarourbino» non è valido: scriverlo come https:\/\/nome-del-server/).waitFor();
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      if (SHOTS) await shoot(page, '2-invalid', false);

      await field.fill(DOWN);
      await section.getByRole('button', { name: 'Salva indirizzo' }).click();
      await page.getByText('Indirizzo salvato: CST Desk si sincronizza da solo quando c’è la rete.').waitFor();
      await section.getByText('Indirizzo salvato: la prima sincronizzazione parte tra poco.').waitFor();
      const indicator = page.getByRole('link', { name: /^Stato della sincronizzazione/ });
      expect(await indicator.textContent()).toBe('In attesa della prima sincronizzazione');
      expect((await pageApi<NetworkSyncStatus>(page, 'sync.network', {})).mailbox).toBe(DOWN);
      expect(await axeProblems(page)).toEqual([]);
      await bothLanguages(page, '3-saved');

      // Reloaded, the address and the indicator are still there (kept by the core); the agent's
      // first round has found nobody at that address, and the indicator says so in words.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Impostazioni' }).waitFor();
      await page.getByRole('link', { name: /^Stato della sincronizzazione/ }).filter({ hasText: /^Non in linea: nuovo tentativo alle \d\d:\d\d$/ }).waitFor({ timeout: 30_000 });
      expect(await section.getByRole('textbox', { name: 'Indirizzo del server del consorzio' }).inputValue()).toBe(DOWN);
      expect(problems).toEqual([]);

      if (SHOTS) {
        // The agent's other states, for the pictures (see the file's comment).
        await showState(page, status({}));
        await bothLanguages(page, '4-synced');
        await showState(page, status({ state: 'syncing', transfer: { direction: 'up', done: 12_400_000, total: 50_000_000 }, eventsToSend: 12 }));
        await bothLanguages(page, '5-sending');
        await showState(
          page,
          status({
            state: 'offline',
            nextAttemptAt: todayAt('10:42'),
            lastAttemptAt: todayAt('10:37'),
            eventsToSend: 3,
            lastError: { key: 'sync.unreachable', params: {}, it: 'Il server del consorzio non risponde.', en: 'The consortium’s server does not answer.' },
          }),
        );
        expect(await axeProblems(page)).toEqual([]);
        await bothLanguages(page, '6-offline');
        // The longest words on a smaller screen (1024 px, an older town-hall monitor).
        await page.setViewportSize({ width: 1024, height: 768 });
        await page.locator('header').screenshot({ path: join(SHOTS, '6-offline-header-1024-it.png') });
        await page.setViewportSize({ width: 1366, height: 768 });
        await showState(
          page,
          status({
            state: 'error',
            nextAttemptAt: todayAt('11:10'),
            lastError: {
              key: 'sync.notEnrolled',
              params: {},
              it: 'Il server del consorzio non conosce ancora questo Comune: telefonare al consorzio e chiedere di aggiungerlo.',
              en: 'The consortium’s server does not know this municipality yet: call the consortium and ask to be added.',
            },
          }),
        );
        expect(await axeProblems(page)).toEqual([]);
        await bothLanguages(page, '7-refused');
      }
    } finally {
      await shell.stop();
    }
  });
});
