import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NetworkSyncStatus } from '../../shared/domain/network-sync';
import { cst, cstProcess, pairedHubAndTown } from '../cli/cli-run';
import { startMailboxProcess, type MailboxProcess } from '../helpers/mailbox';
import { tempDir } from '../helpers/temp-dir';
import { axeProblems, openPage, pageApi, screenshots, screenshotsFolder, startShell, useChromium, type RunningShell } from './harness';

/**
 * Issue 10 end to end, every part real: a hub and Urbino paired with `cst identity`, the
 * consortium's mailbox made with `cst mailbox init` and served by a `cst mailbox serve` process
 * that is NOT running at first (its port is chosen before, so both installations know the
 * address), two browser shells each running the sync agent on its production schedule, Chromium.
 *
 * The clerk records usage and writes the server's address in Settings: the header and Settings
 * say «Non in linea: nuovo tentativo alle …». The mailbox starts; the hub's operator presses
 * «Sincronizza ora» (the hub's round publishes its roster, so the mailbox knows Urbino); Urbino's
 * indicator turns to «Sincronizzato alle …» by itself, at the agent's next backoff attempt. The
 * hub syncs again and its usage screen shows Urbino's entry; Urbino syncs and reads the hub's
 * acknowledgement: nothing left to send.
 *
 * Runtime: ~45 s of test (~85 s with screenshots), most of it the real schedule (a round 3 s
 * after the address is saved, then full jitter 1–5 s, 1–10 s…: the test waits as long as the
 * agent really does). The hub's own retry, drawn while the server was down, may read Urbino's
 * bundle before the second press: the test asserts what the screens show, not which round did it.
 * With CST_SCREENSHOTS=1 the offline, synced and hub screens go to
 * test-output/screens-sync-live in both languages.
 */
const SHOTS = screenshotsFolder('screens-sync-live');
const shoot = screenshots(SHOTS, { english: true });

/**
 * How long a wait for the agent's next attempt may last: full jitter under 5 s · 2^(n−1) after n
 * failures, so 80 s after 5 (the server is down for 1–3 failures here, typically a few seconds).
 */
const BACKOFF_WAIT_MS = 150_000;

const browser = useChromium();

/** A port nothing listens on now, for the mailbox to listen on later (loopback only). */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no loopback port');
  return address.port;
}

async function go(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name, exact: true }).click();
}

function indicator(page: Page): Locator {
  return page.getByRole('link', { name: /^Stato della sincronizzazione/ });
}

function syncSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Sincronizzazione di rete' });
}

/** The text of one line of the status's details («Da inviare»: …). */
async function detail(page: Page, term: string): Promise<string> {
  return syncSection(page).locator('.cst-detail').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd').innerText();
}

/** «Sincronizza ora» in Settings: the status the round ended with, as the page received it. */
async function syncNow(page: Page): Promise<NetworkSyncStatus> {
  await go(page, 'Impostazioni');
  const button = syncSection(page).getByRole('button', { name: 'Sincronizza ora' });
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/call') && (r.request().postData() ?? '').includes('"method":"sync.now"'), { timeout: 60_000 }),
    button.click(),
  ]);
  const body = (await answer.json()) as { ok: boolean; value?: NetworkSyncStatus; error?: unknown };
  if (!body.ok || !body.value) throw new Error(`sync.now: ${JSON.stringify(body.error)}`);
  await syncSection(page).getByRole('button', { name: 'Sincronizza ora', disabled: false }).waitFor();
  return body.value;
}

/** Polls the status until `check` holds (every 250 ms, at most `timeoutMs`): the status that held, or the last one in the error. */
async function statusUntil(page: Page, check: (s: NetworkSyncStatus) => boolean, timeoutMs: number, what: string): Promise<NetworkSyncStatus> {
  let last: NetworkSyncStatus | null = null;
  for (let waited = 0; waited <= timeoutMs; waited += 250) {
    last = await pageApi<NetworkSyncStatus>(page, 'sync.network', {});
    if (check(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms; status ${JSON.stringify(last)}`);
}

describe('network sync end to end: the mailbox down, then up (two browser shells, a real mailbox process)', () => {
  it('offline in words while the server is down, synced by itself once it is up, the entry on the hub’s screen, the acknowledgement back', async () => {
    const { hub, town, files } = await pairedHubAndTown();
    const hubFingerprint = JSON.parse((await cst(['identity', 'show', '--json', '--data-dir', hub])).stdout).value.fingerprint as string;
    const mailboxDir = tempDir('cst-mailbox-');
    const init = cstProcess(['mailbox', 'init', '--data-dir', mailboxDir, '--hub', join(files, 'hub.cstid'), '--fingerprint', hubFingerprint]);
    expect(init.code, init.stderr).toBe(0);
    const port = await freeLoopbackPort();
    const address = `http://127.0.0.1:${port}`;
    // The consortium's office knows its own server's address from the start.
    const hubConfig = await cst(['sync', 'config', '--mailbox', address, '--data-dir', hub]);
    expect(hubConfig.code, hubConfig.stderr).toBe(0);

    const shells: RunningShell[] = [];
    let mailbox: MailboxProcess | null = null;
    try {
      const townShell = await startShell(town);
      shells.push(townShell);
      const hubShell = await startShell(hub);
      shells.push(hubShell);
      const m = await openPage(browser(), townShell.url);
      const h = await openPage(browser(), hubShell.url);
      const mp = m.page;
      const hp = h.page;
      const axe: Record<string, string[]> = {};

      // Urbino's clerk records usage (no network needed for that).
      await mp.getByRole('link', { name: 'Registra utilizzo' }).click();
      await mp.locator('#usage-new-service').selectOption('PROTOCOLLO');
      await mp.locator('#usage-new-quantity').fill('40');
      await mp.locator('#usage-new-quantity').press('Enter');
      await mp.locator('.cst-toast').filter({ hasText: /Registrato: 40 documenti/ }).waitFor();

      // …and writes the server's address in Settings: the server is down, the status says so.
      await go(mp, 'Impostazioni');
      const field = syncSection(mp).getByRole('textbox', { name: 'Indirizzo del server del consorzio' });
      await field.fill(address);
      await syncSection(mp).getByRole('button', { name: 'Salva indirizzo' }).click();
      await mp.getByText('Indirizzo salvato: CST Desk si sincronizza da solo quando c’è la rete.').waitFor();
      await indicator(mp).filter({ hasText: /^Non in linea: nuovo tentativo alle \d\d:\d\d$/ }).waitFor({ timeout: 30_000 });
      await syncSection(mp).getByText(/^Il server del consorzio non risponde: nuovo tentativo alle \d\d:\d\d\./).waitFor();
      await syncSection(mp).getByText('CST Desk riprova da solo; intanto si può lavorare normalmente: nulla va perso.').waitFor();
      expect(await detail(mp, 'Ultima sincronizzazione riuscita')).toBe('mai');
      expect(await detail(mp, 'Non ancora confermato dal consorzio')).toMatch(/^\d+ modific[ah]e?$/);
      const offline = await pageApi<NetworkSyncStatus>(mp, 'sync.network', {});
      expect(offline).toMatchObject({ state: 'offline', mailbox: address, lastSuccessAt: null, lastError: { key: 'syncAgent.offline' } });
      expect(offline.eventsToSend).toBeGreaterThan(0);
      axe['town offline'] = await axeProblems(mp);
      await shoot(mp, '1-town-offline');

      // The mailbox comes up on the address both already know.
      mailbox = await startMailboxProcess({ dataDir: mailboxDir, listen: `127.0.0.1:${port}` });
      expect(mailbox.url).toBe(address);

      // The hub's operator presses «Sincronizza ora»: its round publishes the roster (Urbino on it).
      const hubFirst = await syncNow(hp);
      expect(hubFirst).toMatchObject({ state: 'idle', lastError: null });
      await indicator(hp).filter({ hasText: /^Sincronizzato alle \d\d:\d\d$/ }).waitFor();
      expect(mailbox.logs().some((l) => l.route === '/v1/roster' && l.method === 'PUT' && l.status === 200)).toBe(true);

      // Urbino turns to synced by itself, at the agent's next attempt (nobody presses anything there).
      await indicator(mp).filter({ hasText: /^Sincronizzato alle \d\d:\d\d$/ }).waitFor({ timeout: BACKOFF_WAIT_MS });
      const synced = await pageApi<NetworkSyncStatus>(mp, 'sync.network', {});
      expect(synced).toMatchObject({ state: 'idle', lastError: null, bundlesToSend: 0 });
      expect(synced.lastRound?.sent).toBeGreaterThanOrEqual(1);
      // Sent, the consortium's confirmation still to come: said so, not «Tutto sincronizzato».
      await syncSection(mp).getByText(/^Sincronizzazione riuscita\. Il consorzio non ha ancora confermato di aver ricevuto tutto/).waitFor();
      expect(await detail(mp, 'Ultima sincronizzazione riuscita')).not.toBe('mai');
      axe['town synced'] = await axeProblems(mp);
      await shoot(mp, '2-town-synced');

      // The hub syncs again: Urbino's bundle is read, and its usage screen shows the entry.
      // (The hub's own retry, drawn while the server was down, may have read it a moment before:
      // either way it is the agent's doing, and the press leaves nothing waiting.)
      const hubSecond = await syncNow(hp);
      expect(hubSecond).toMatchObject({ state: 'idle', lastError: null, bundlesToApply: 0 });
      await go(hp, 'Membri');
      await hp.getByRole('link', { name: 'Urbino', exact: true }).click();
      await hp.getByRole('link', { name: 'Utilizzo dei servizi di Urbino' }).click();
      const table = hp.getByRole('table', { name: /Utilizzo per servizio e comune/ });
      await table.getByText('40 documenti').waitFor();
      expect(await table.getByRole('row').filter({ hasText: 'Urbino' }).filter({ hasText: '40 documenti' }).count()).toBe(1);
      axe['hub usage'] = await axeProblems(hp);
      await shoot(hp, '3-hub-usage');
      await go(hp, 'Impostazioni');
      await syncSection(hp).getByText(/^Sincronizzazione riuscita\. Non tutti i comuni hanno ancora confermato/).waitFor();
      await shoot(hp, '4-hub-synced');

      // Urbino syncs and reads the hub's acknowledgement: nothing left to send.
      await syncNow(mp);
      const acknowledged = await statusUntil(mp, (s) => s.state === 'idle' && s.eventsToSend === 0, BACKOFF_WAIT_MS, 'the hub’s acknowledgement');
      expect(acknowledged).toMatchObject({ lastError: null, bundlesToApply: 0 });
      await syncSection(mp).getByText('Tutto sincronizzato.').waitFor();
      expect(await detail(mp, 'Non ancora confermato dal consorzio')).toBe('niente: il consorzio ha ricevuto tutto');
      await indicator(mp).filter({ hasText: /^Sincronizzato alle \d\d:\d\d$/ }).waitFor();
      axe['town acknowledged'] = await axeProblems(mp);
      await shoot(mp, '5-town-acknowledged');

      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
      expect(m.problems).toEqual([]);
      expect(h.problems).toEqual([]);
      await mp.context().close();
      await hp.context().close();
    } finally {
      for (const s of shells) await s.stop();
      if (mailbox) await mailbox.stop();
    }
  }, 420_000);
});
