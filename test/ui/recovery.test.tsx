import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { recordDownloads } from './downloads';
import { bundleAsFile, copyOfData, exportBundles, openUiBackend, pair, restoreCopy, type UiBackend } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

async function send(from: UiBackend, to: UiBackend) {
  await to.must('bundle.import', { files: (await exportBundles(from)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
}

/**
 * Urbino in sync with the hub, a copy of its folder kept, 12 more entries sent to the hub, then
 * the folder replaced by the old copy; the hub's next ordinary file says 12 events are missing.
 */
async function restoredTown() {
  const hub = await openUiBackend({ as: 'hub' });
  const town = await openUiBackend({ as: 'municipality' });
  await pair(hub, town);
  await town.must('usage.record', { service: 'WIFI', date: '2026-11-02', quantity: '3' });
  await send(town, hub);
  await send(hub, town);
  const copy = copyOfData(town);
  const oldHead = (await town.must('sync.status', {})).ourLastSeq;
  for (let d = 1; d <= 12; d++) await town.must('usage.record', { service: 'PEC', date: `2026-10-${String(d).padStart(2, '0')}`, quantity: '1' });
  await send(town, hub);
  const api = await restoreCopy(town, copy, '2026-11-27T08:00:00.000Z');
  await send(hub, api);
  window.history.replaceState(null, '', '/#/');
  return { ...renderApp(api), api, hub, oldHead };
}

describe('recovery after a restore from an old backup', () => {
  it('the municipality Home shows a red banner that says what to do, and imports the recovery bundle', async () => {
    const { user, api, hub, oldHead } = await restoredTown();
    const banner = await screen.findByRole('region', { name: 'Mancano dati: importare il pacchetto di recupero del consorzio' }, { timeout: 5000 });
    expect(banner.className).toMatch(/alert-danger/);
    expect(banner.textContent).toMatch(/il consorzio \(CST Pesaro-Urbino\) ha già 12 registrazioni di questo Comune che qui mancano/);
    expect(banner.textContent).toMatch(/Telefonare al consorzio e chiedere il «pacchetto di recupero»/);
    expect(banner.textContent).toContain(`Ultima registrazione presente qui: n. ${oldHead} · presso il consorzio: n. ${oldHead + 12}`);
    expect(await screen.findByText('Prima importare il pacchetto di recupero (riquadro rosso in alto).')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    const pack = await hub.must('recovery.export', { for: '041067' });
    await user.upload(screen.getByLabelText('Importa il pacchetto di recupero'), bundleAsFile({ name: pack.fileName, contentBase64: pack.contentBase64 ?? '' }));
    await screen.findByText(new RegExp(`12 registrazioni recuperate \\(dalla ${oldHead + 1} alla ${oldHead + 12}\\) dalla copia del consorzio`), {}, { timeout: 5000 });
    expect(api.callsOf('recovery.apply')).toEqual([{ name: pack.fileName, contentBase64: pack.contentBase64 }]);
    expect(screen.queryByRole('region', { name: /Mancano dati/ })).toBeNull();
    expect(screen.queryByText('Prima importare il pacchetto di recupero (riquadro rosso in alto).')).toBeNull();
  });

  it('a refused recovery bundle is explained and the banner stays', async () => {
    const { user, hub } = await restoredTown();
    await screen.findByRole('region', { name: /Mancano dati/ }, { timeout: 5000 });
    // The hub's ordinary file instead of the recovery bundle: it carries no copy of Urbino's events.
    const [ordinary] = await exportBundles(hub, { all: true });
    await user.upload(screen.getByLabelText('Importa il pacchetto di recupero'), bundleAsFile(ordinary!));
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert.textContent).toBe('Il pacchetto non contiene una copia di recupero leggibile per questo comune: chiedere al consorzio di preparare di nuovo il «pacchetto di recupero». Nessun dato è stato modificato.');
    expect(screen.getByRole('region', { name: /Mancano dati/ })).toBeTruthy();
  });

  it('no banner when nothing is missing', async () => {
    const api = await openUiBackend({ as: 'municipality' });
    window.history.replaceState(null, '', '/#/');
    renderApp(api);
    await screen.findByRole('heading', { level: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(api.callsOf('recovery.status')).toHaveLength(1);
    expect(screen.queryByRole('region', { name: /Mancano dati/ })).toBeNull();
  });

  it('the hub downloads a member’s recovery bundle from the member page', async () => {
    const downloads = recordDownloads();
    const api = await openUiBackend({ as: 'hub' });
    const town = await openUiBackend({ as: 'municipality' });
    await pair(api, town);
    for (let d = 1; d <= 5; d++) await town.must('usage.record', { service: 'PEC', date: `2026-10-${String(d).padStart(2, '0')}`, quantity: '1' });
    await send(town, api);
    const received = (await town.must('sync.status', {})).ourLastSeq;
    window.history.replaceState(null, '', '/#/members/041067');
    const { user } = renderApp(api);
    await screen.findByRole('heading', { name: 'Pacchetto di recupero' });
    expect(screen.getByText(new RegExp(`copia firmata delle registrazioni di Urbino ricevute qui \\(${received} registrazioni\\)`))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Scarica il pacchetto di recupero' }));
    await screen.findByText('Pacchetto di recupero salvato: cst-CST-PU-recupero-041067.cstb. Inviarlo a Urbino (chiavetta USB o posta elettronica).');
    expect(api.callsOf('recovery.export')).toEqual([{ for: '041067' }]);
    expect(downloads).toEqual(['cst-CST-PU-recupero-041067.cstb']);
    expect(await seriousViolations()).toEqual([]);
  });
});
