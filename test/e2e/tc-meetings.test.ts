import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeProblems, launchChromium, openPage, pageApi, screenshots, screenshotsFolder, startShell, type RunningShell } from './harness';

/**
 * Issue 15 on the real browser shell and Chromium: the hub's demo consortium with its Technical
 * Committee meetings (list, one meeting with its attendance grid and quorum, the committee's
 * rules); Urbania as a real installation whose proposal is examined at a meeting and decided
 * there; the hub's bundle brings it the meeting, its attendance and the timeline's line. axe
 * (contrast included) finds nothing serious; no console error. Screenshots in Italian and
 * English in test-output/screens-meetings with CST_SCREENSHOTS=1.
 */
const MEMBER = '041066';
const TITLE = 'Sportello unico digitale per le associazioni';
const shot = screenshots(screenshotsFolder('screens-meetings'), { english: true });

let browser: Browser;
let hub: RunningShell;
let mun: RunningShell;
beforeAll(async () => {
  browser = await launchChromium();
  [hub, mun] = await Promise.all([startShell(), startShell()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([hub?.stop(), mun?.stop()]);
});

async function go(page: Page, path: string) {
  await page.evaluate(`window.location.hash = ${JSON.stringify(`#${path}`)}`);
  await page.locator('#page-title').waitFor();
}

async function check(page: Page, name: string) {
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  expect(await axeProblems(page), name).toEqual([]);
  await shot(page, name);
}

describe('Technical Committee meetings in Chromium', () => {
  it('the hub records and shows meetings; the member sees its attendance and the decision', async () => {
    const h = await openPage(browser, hub.url);
    const m = await openPage(browser, mun.url);
    const hp = h.page;
    const mp = m.page;
    await hp.getByRole('heading', { level: 1 }).waitFor();
    await mp.getByRole('heading', { level: 1 }).waitFor();
    await pageApi(hp, 'setup.hub', { id: 'CST-PU', name: 'CST Pesaro-Urbino', operator: 'Luca Bianchi', province: 'PU' });
    await pageApi(hp, 'demo.hub', { seed: 1 });
    await pageApi(mp, 'setup.municipality', { istat: MEMBER, operator: 'Anna Verdi' });
    const mid = await pageApi<{ contentBase64: string }>(mp, 'identity.export', {});
    const peer = await pageApi<{ id: string; fingerprint: string }>(hp, 'identity.import', { contentBase64: mid.contentBase64 });
    await pageApi(hp, 'identity.confirm', { id: peer.id, fingerprint: peer.fingerprint });
    const hid = await pageApi<{ contentBase64: string }>(hp, 'identity.export', {});
    const hpeer = await pageApi<{ id: string; fingerprint: string }>(mp, 'identity.import', { contentBase64: hid.contentBase64 });
    await pageApi(mp, 'identity.confirm', { id: hpeer.id, fingerprint: hpeer.fingerprint });
    const prop = await pageApi<{ id: string }>(mp, 'proposals.create', { title: TITLE, problem: 'Domande su carta.', solution: 'Sportello online comune.', oneOffCents: 1_200_000, yearlyCents: 300_000 });
    await pageApi(mp, 'proposals.submit', { id: prop.id });
    const [sent] = await pageApi<{ fileName: string; contentBase64: string }[]>(mp, 'bundle.export', { inline: true });
    await pageApi(hp, 'bundle.import', { files: [{ name: sent!.fileName, contentBase64: sent!.contentBase64 }] });

    // Hub: the demo's meetings, then a new one through the form, examining Urbania's proposal.
    await hp.reload();
    await go(hp, '/proposals/meetings');
    await hp.getByRole('link', { name: 'Registra una riunione' }).waitFor();
    await check(hp, 'meetings-list');
    await hp.getByRole('link', { name: 'Registra una riunione' }).click();
    await hp.getByRole('heading', { level: 1, name: 'Nuova riunione del Comitato tecnico' }).waitFor();
    await hp.locator('#tc-place').fill('Sede del consorzio, Pesaro');
    await hp.locator('#tc-agenda').fill('Proposte ricevute\nVarie ed eventuali');
    await hp.getByText(`${TITLE} — Urbania`).click();
    await hp.getByRole('combobox', { name: 'Presenza di Urbania' }).selectOption('titular');
    await hp.getByRole('combobox', { name: 'Presenza di Urbino' }).selectOption('substitute');
    await hp.getByRole('combobox', { name: 'Presenza di Fano' }).selectOption('proxy');
    await hp.getByRole('combobox', { name: 'Comune a cui Fano ha dato la delega' }).selectOption({ label: 'Urbania' });
    await hp.locator('#tc-meeting-attendance [role="status"]').getByText(/Presenti 3 su/).waitFor();
    await check(hp, 'meeting-form');
    await hp.getByRole('button', { name: 'Salva la riunione' }).click();
    await hp.getByRole('heading', { level: 1, name: /^Riunione del Comitato tecnico del / }).waitFor();
    await check(hp, 'meeting-saved');

    // The step decided at that meeting.
    await go(hp, `/proposals/${prop.id}`);
    await hp.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await hp.getByRole('button', { name: 'Avvia la valutazione' }).click();
    await hp.getByRole('combobox', { name: /Riunione che ha deciso il passo/ }).selectOption({ index: 1 });
    await hp.locator('#act-by').fill('Comitato tecnico');
    await hp.getByRole('button', { name: 'Conferma: Avvia la valutazione' }).click();
    await hp.getByText(/^Esaminata nella riunione del Comitato tecnico del /).waitFor();
    // The scores given at the same meeting.
    const scoring = hp.getByRole('region', { name: 'Valutazione del Comitato tecnico' });
    for (const [i, v] of ['8', '7', '9', '6', '7'].entries()) await scoring.getByRole('textbox', { name: /\(peso \d+%\)/ }).nth(i).fill(v);
    await scoring.getByRole('combobox', { name: /Riunione che ha assegnato i punteggi/ }).selectOption({ index: 1 });
    await scoring.getByRole('button', { name: 'Registra i punteggi' }).click();
    await hp.getByText(/^Esaminata nella riunione del Comitato tecnico del /).nth(1).waitFor();
    await check(hp, 'proposal-timeline');
    await go(hp, '/proposals/criteria');
    await hp.getByRole('heading', { name: 'Comitato tecnico: numero legale e deleghe' }).waitFor();
    await check(hp, 'committee-rules');

    // The member: the hub's bundle brings the meeting and the step.
    const [back] = await pageApi<{ fileName: string; contentBase64: string }[]>(hp, 'bundle.export', { inline: true, for: MEMBER });
    await pageApi(mp, 'bundle.import', { files: [{ name: back!.fileName, contentBase64: back!.contentBase64 }] });
    await mp.reload();
    await go(mp, '/proposals');
    const mine = mp.locator('#tc-my-meetings');
    await mine.getByText('Presente (tecnico designato)').first().waitFor();
    await mine.getByText(TITLE).waitFor();
    await check(mp, 'member-meetings');
    await go(mp, `/proposals/${prop.id}`);
    await mp.getByText(/^Esaminata nella riunione del Comitato tecnico del /).nth(1).waitFor();
    await check(mp, 'member-timeline');
    expect([...h.problems, ...m.problems]).toEqual([]);
  }, 240_000);
});
