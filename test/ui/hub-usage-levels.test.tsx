/**
 * Issue 13, item 6, on the hub's "usage by municipality": Urbino's eleven months of 6,47 GB held
 * read 6,47 GB, "media mensile" (never 71,17), its documents a total; the CSV says which is which.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from './axe-serious';
import { resetBundleStores } from './bundle-stores';
import { recordDownloads } from './downloads';
import { exportBundles, openUiBackend, pair } from './real-backend';
import { renderApp } from './render-app';

afterEach(resetBundleStores);

describe('hub: usage by municipality, levels averaged', () => {
  it('shows a level as the member’s monthly average, says so, and writes it so in the CSV', async () => {
    const api = await openUiBackend({ as: 'hub' });
    const town = await openUiBackend({ as: 'municipality' });
    await pair(api, town);
    for (let m = 1; m <= 11; m++) {
      const date = `2026-${String(m).padStart(2, '0')}-01`;
      await town.must('usage.record', { service: 'SITO', date, period: 'month', quantity: '6,47' });
      await town.must('usage.record', { service: 'PROTOCOLLO', date, period: 'month', quantity: '100' });
    }
    await api.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    window.history.replaceState(null, '', '/#/members/usage');
    const { user } = renderApp(api);

    const table = await screen.findByRole('table', { name: 'Utilizzo per servizio e comune nel periodo scelto' });
    const sito = within(table).getByRole('row', { name: /Hosting del sito istituzionale/ });
    expect(sito.textContent).toContain('6,47 GB, media mensile');
    expect(sito.textContent).not.toMatch(/71,17/);
    expect(within(table).getByRole('row', { name: /Protocollo informatico/ }).textContent).toContain('1.100 documenti');
    expect(screen.getByText('Hosting del sito istituzionale: 6,47 GB in tutto, somma delle medie mensili dei comuni (11 registrazioni)')).toBeTruthy();
    expect(screen.getByText('Protocollo informatico: 1.100 documenti in totale (11 registrazioni)')).toBeTruthy();
    expect(screen.getByText(/per ciascun comune si mostra la media dei mesi con registrazioni, non la somma/)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);

    const names = recordDownloads();
    let saved: Blob | null = null;
    vi.mocked(URL.createObjectURL).mockImplementation((b) => ((saved = b as Blob), 'blob:download'));
    await user.click(screen.getByRole('button', { name: 'Scarica la tabella (CSV per Excel)' }));
    await vi.waitFor(() => expect(names).toEqual(['utilizzo-soci-2026.csv']));
    const csv = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(saved!);
    });
    expect(csv).toContain('Servizio;Comune;ISTAT;Quantità;Unità;Misura;Registrazioni');
    expect(csv).toContain('Hosting del sito istituzionale;Urbino;041067;6,47;GB;media mensile;11');
    expect(csv).toContain('Protocollo informatico;Urbino;041067;1100;documenti;totale del periodo;11');
  });

  it('the member’s benchmark (a report of last year beside next year’s plan) names a level a monthly average', async () => {
    const hub = await openUiBackend({ as: 'hub' });
    const town = await openUiBackend({ as: 'municipality' });
    await pair(hub, town);
    for (let m = 1; m <= 11; m++) {
      const date = `2026-${String(m).padStart(2, '0')}-01`;
      await town.must('usage.record', { service: 'SITO', date, period: 'month', quantity: '6,47' });
      await town.must('usage.record', { service: 'PEC', date, period: 'month', quantity: m < 6 ? '40' : '42' });
    }
    await hub.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    await hub.must('report.publish', { year: 2026 });
    await hub.must('plan.create', { year: 2027, date: '2026-11-26', by: 'Direttore tecnico' });
    await town.must('bundle.import', { files: (await exportBundles(hub)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    window.history.replaceState(null, '', '/#/share');
    renderApp(town);
    // The plan is 2027's, the report 2026's: the card steps back one year and finds it.
    const table = await screen.findByRole('table', { name: 'Confronto con i comuni della stessa dimensione' }, { timeout: 5000 });
    const row = within(table).getByRole('row', { name: /Utilizzo medio mensile di SITO/ });
    expect(row.textContent).toContain('6,47');
    expect(row.textContent).not.toMatch(/71,17/);
    // Whole mailboxes: the average 452 / 11 = 41,09… shows as 41,1.
    expect(within(table).getByRole('row', { name: /Utilizzo medio mensile di PEC/ }).textContent).toContain('41,1');
  }, 60_000);

  it('the dashboard’s monthly chart writes a GB figure the Italian way', async () => {
    const api = await openUiBackend({ as: 'hub' });
    const town = await openUiBackend({ as: 'municipality' });
    await pair(api, town);
    for (let m = 1; m <= 3; m++) await town.must('usage.record', { service: 'SITO', date: `2026-0${m}-01`, period: 'month', quantity: '6,47' });
    await api.must('bundle.import', { files: (await exportBundles(town)).map((b) => ({ name: b.name, contentBase64: b.contentBase64 })) });
    window.history.replaceState(null, '', '/#/dashboards');
    const { user } = renderApp(api);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Servizio' }), 'SITO');
    expect(await screen.findByRole('img', { name: /il più alto 6,47 GB/ })).toBeTruthy();
  });
});
