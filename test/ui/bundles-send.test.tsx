import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { recordDownloads } from './downloads';
import { bundleAsFile, exportBundles, openUiBackend, pair } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

/** Urbino paired with the hub, with a few days of usage the hub has not received yet. */
async function open() {
  const hub = await openUiBackend({ as: 'hub' });
  const api = await openUiBackend({ as: 'municipality' });
  await pair(hub, api);
  for (const day of ['01', '02', '03']) await api.must('usage.record', { service: 'PEC', date: `2026-10-${day}`, quantity: '4' });
  const before = await api.must('sync.status', {});
  window.history.replaceState(null, '', '/#/bundles');
  return { ...renderApp(api), api, hub, waiting: before.waiting };
}

describe('Invii: send to the consortium and read its file', () => {
  it('exports what the hub has not acknowledged and says what to do with the file', async () => {
    const { user, api, waiting } = await open();
    await screen.findByText(`Ci sono ${waiting} registrazioni che il consorzio non ha ancora ricevuto.`);
    expect(screen.getByText('Non è ancora stato letto nessun file del consorzio.')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    // No folder to type: the file is downloaded (a save dialog in Electron).
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText(/Il file viene scaricato come ogni file da Internet/)).toBeTruthy();
    const downloads = recordDownloads();
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    const done = await screen.findByText('File pronto per il consorzio');
    const alert = done.closest('.alert') as HTMLElement;
    const name = `cst-041067-per-CST-PU-1-${waiting}.cstb`;
    expect(within(alert).getByText(new RegExp(`contiene ${waiting} registrazioni \\(dalla n\\. 1 alla n\\. ${waiting}, \\d+,\\d kB\\)`))).toBeTruthy();
    expect(within(alert).getByText(new RegExp(`Il file ${name.replace(/\./g, '\\.')} è stato scaricato`))).toBeTruthy();
    expect(within(alert).getByText(/chiavetta USB/)).toBeTruthy();
    expect(within(alert).getByText(/e-mail/)).toBeTruthy();
    expect(api.callsOf('bundle.export').at(-1)).toEqual({ inline: true, all: false });
    expect(downloads).toEqual([name]);
    expect(await seriousViolations()).toEqual([]);

    // "Tutto dall'inizio" asks for every event.
    await user.click(screen.getByRole('checkbox', { name: 'Tutto dall’inizio' }));
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    expect(api.callsOf('bundle.export').at(-1)).toEqual({ inline: true, all: true });
  });

  it('reads the hub’s file: outcome in words, then "Sincronizzato fino al …" and the history acknowledged', async () => {
    const { user, api, hub, waiting } = await open();
    recordDownloads();
    await screen.findByText(`Ci sono ${waiting} registrazioni che il consorzio non ha ancora ricevuto.`);
    await user.click(screen.getByRole('button', { name: 'Prepara il file per il consorzio' }));
    await screen.findByText('File pronto per il consorzio');

    // The hub reads Urbino's file (the same events, exported again), publishes a course and a
    // group, and answers with its own file, which acknowledges Urbino's events.
    await hub.must('bundle.import', { files: (await exportBundles(api)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    await hub.must('hub.courses.save', { title: 'Privacy', startDate: '2026-12-01', endDate: '2026-12-02', hours: '6' });
    await hub.must('hub.groups.save', { name: 'Transizione digitale' });
    const [answer] = await exportBundles(hub);
    expect(answer).toBeDefined();

    await user.upload(screen.getByLabelText('Scegli il file del consorzio'), bundleAsFile(answer!));
    // "del consorzio", the article joined to "di" (it read "di il consorzio").
    await screen.findByText('Pacchetto del consorzio CST-PU applicato (eventi 1–63): 63 eventi nuovi.');
    expect(screen.getByText('1 file: 1 letto, 0 in attesa, 0 rifiutati.')).toBeTruthy();
    expect(await screen.findByText('Sincronizzato fino al 26/11/2026')).toBeTruthy();
    expect(screen.getByText('nessuno: il consorzio ha ricevuto tutto')).toBeTruthy();
    expect(screen.getByText(/^servizi: \d+ · corsi: 1 · gruppi: 1 · comuni aderenti: \d+$/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    await user.click(screen.getByRole('link', { name: 'Storico degli invii' }));
    const table = await screen.findByRole('table', { name: 'File inviati' });
    expect(within(table).getAllByText(/^Confermato il 26\/11\/2026, \d\d:\d\d$/).length).toBeGreaterThan(0);
    expect(within(table).getAllByText(`dalla n. 1 alla n. ${waiting}`).length).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });
});
