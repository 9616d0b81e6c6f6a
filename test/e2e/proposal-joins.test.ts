import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubToTown, openHub, openTown, townToHub } from '../sync/hub-helpers';
import { axeProblems, launchChromium, openPage, startShell, type RunningShell } from './harness';

/**
 * Condivisione (issue 13 item 5) on the real browser shell and Chromium. Set up through the core
 * with real bundles: Urbino and Fano submit proposals, Fano joins Urbino's Wi-Fi with a note, the
 * hub relays it. Then three shells on those data folders: Pesaro joins a proposal from
 * "Proposte degli altri comuni"; Urbino's proposal shows Fano by name; the hub's evaluation lists
 * Fano. axe (contrast included) finds nothing serious; no console error.
 * With JOIN_SCREENS=dir, each screen is saved in Italian and English at 1366×768.
 */
const SCREENS = process.env.JOIN_SCREENS;
const WIFI = 'Wi-Fi pubblico nelle frazioni';

let browser: Browser;
const shells: RunningShell[] = [];
let ids: { wifi: string } = { wifi: '' };
let dirs: { hub: string; urbino: string; pesaro: string } = { hub: '', urbino: '', pesaro: '' };

beforeAll(async () => {
  const hub = await openHub();
  const urbino = await openTown(hub, '041067');
  const pesaro = await openTown(hub, '041044');
  const fano = await openTown(hub, '041013');
  const wifi = await urbino.must('proposals.create', {
    title: WIFI,
    problem: 'Le frazioni non hanno accesso a internet nei luoghi pubblici.',
    solution: 'Punti di accesso nelle piazze e nelle biblioteche, gestiti dal consorzio.',
    benefits: 'Servizi online raggiungibili anche da chi non ha una connessione a casa.',
    beneficiaries: ['041066', '041057'],
    oneOffCents: 1_800_000,
    yearlyCents: 240_000,
  });
  await urbino.must('proposals.submit', { id: wifi.id });
  const desk = await urbino.must('proposals.create', { title: 'Sportello telematico per le pratiche edilizie', problem: 'Pratiche su carta, tempi lunghi.', solution: 'Sportello online condiviso con pagamento pagoPA.', oneOffCents: 2_500_000, yearlyCents: 600_000 });
  await urbino.must('proposals.submit', { id: desk.id });
  await townToHub(urbino, hub);
  const backup = await fano.must('proposals.create', { title: 'Backup in cloud qualificato', problem: 'Copie su dischi esterni.', solution: 'Backup quotidiano su cloud qualificato ACN.', oneOffCents: 900_000, yearlyCents: 450_000 });
  await fano.must('proposals.submit', { id: backup.id });
  await townToHub(fano, hub);
  await hubToTown(hub, fano, '041013');
  const shared = (await fano.must('joins.list', {})).find((p) => p.title === WIFI)!;
  await fano.must('joins.join', { id: shared.id, note: 'Anche le nostre frazioni sono senza rete: aderiamo e siamo disponibili a condividere il costo.' });
  await townToHub(fano, hub);
  await hub.must('gov.proposals.act', { id: wifi.id, action: { type: 'start_evaluation', date: '2026-11-26', by: 'Comitato tecnico' } });
  await hubToTown(hub, urbino, '041067');
  await hubToTown(hub, pesaro, '041044');
  ids = { wifi: wifi.id };
  dirs = { hub: hub.dataDir, urbino: urbino.dataDir, pesaro: pesaro.dataDir };
  for (const t of [hub, urbino, pesaro, fano]) t.backend.close();
  browser = await launchChromium();
  if (SCREENS) mkdirSync(SCREENS, { recursive: true });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all(shells.map((s) => s.stop()));
});

async function shellOn(dataDir: string): Promise<{ page: Page; problems: string[] }> {
  const shell = await startShell(dataDir);
  shells.push(shell);
  return openPage(browser, shell.url);
}

async function go(page: Page, path: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#${path}`)}`);
  await page.locator('#page-title').waitFor();
}

/** Checks the screen with axe (contrast included) and, with JOIN_SCREENS, saves it in both languages. */
async function check(page: Page, name: string) {
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  expect(await axeProblems(page), name).toEqual([]);
  if (!SCREENS) return;
  await page.screenshot({ path: join(SCREENS, `${name}-it.png`), fullPage: true });
  const group = page.locator('header [role="group"]');
  await group.getByRole('button', { name: 'English', exact: true }).click();
  await page.locator('html[lang="en"]').waitFor();
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENS, `${name}-en.png`), fullPage: true });
  await group.getByRole('button', { name: 'Italiano', exact: true }).click();
  await page.locator('html[lang="it"]').waitFor();
}

describe('condivisione: members join each other’s proposals', () => {
  it('Pesaro joins a proposal; Urbino sees who joined; the hub sees the joiners in its evaluation', async () => {
    const { page, problems } = await shellOn(dirs.pesaro);
    await go(page, '/proposals');
    await check(page, 'join-00-own-list');
    await page.getByRole('link', { name: 'Proposte degli altri comuni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Proposte degli altri comuni' }).waitFor();
    const wifi = page.getByRole('region', { name: WIFI });
    await wifi.getByText('Fano', { exact: true }).waitFor();
    await wifi.getByText('Contenuto della proposta').click();
    await check(page, 'join-01-others');
    await wifi.getByRole('textbox', { name: /^Nota per il comune proponente/ }).fill('Interessa anche a Pesaro per le frazioni collinari.');
    await wifi.getByRole('button', { name: 'Aderisci' }).click();
    await page.getByText('Adesione registrata: parte con il prossimo invio al consorzio.').waitFor();
    await page.getByRole('region', { name: WIFI }).getByRole('button', { name: 'Ritira l’adesione' }).waitFor();
    await check(page, 'join-02-joined');
    expect(problems).toEqual([]);

    const u = await shellOn(dirs.urbino);
    await go(u.page, `/proposals/${ids.wifi}`);
    const joiners = u.page.getByRole('region', { name: 'Comuni che hanno aderito' });
    await joiners.getByText('Fano', { exact: true }).waitFor();
    expect(await joiners.getByText('041013').count()).toBe(0);
    await joiners.scrollIntoViewIfNeeded();
    await check(u.page, 'join-03-proposer');
    expect(u.problems).toEqual([]);

    const h = await shellOn(dirs.hub);
    await go(h.page, `/proposals/${ids.wifi}`);
    await h.page.getByRole('region', { name: 'Comuni che hanno aderito' }).getByText('Fano', { exact: true }).waitFor();
    await h.page.getByText(/comuni che hanno aderito: 1\./).waitFor();
    await check(h.page, 'join-04-hub-evaluation');
    expect(h.problems).toEqual([]);
  });
});
