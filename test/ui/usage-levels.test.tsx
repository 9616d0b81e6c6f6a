/**
 * Issue 13, item 6, on the municipality's screens: twelve months of 6,47 GB held read 6,47 GB
 * (an average, said so), never 77,64 GB; documents still add up to a total.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

async function openWithAYearOfSito(path: string) {
  window.history.replaceState(null, '', `/#${path}`);
  const api = await openUiBackend({ as: 'municipality' });
  const r = renderApp(api);
  await screen.findByRole('heading', { level: 1, name: 'Utilizzo dei servizi' });
  // The twelve months up to the clock's (November 2026), so the trend chart shows them all.
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(2025, 11 + i, 1)).toISOString().slice(0, 10);
    await api.call('usage.record', { service: 'SITO', date: d, period: 'month', quantity: '6,47' });
    await api.call('usage.record', { service: 'PROTOCOLLO', date: d, period: 'month', quantity: '100' });
    await api.call('usage.record', { service: 'PEC', date: d, period: 'month', quantity: i < 5 ? '40' : '42' });
  }
  return { ...r, api };
}

describe('usage: a level held is averaged, never summed over months', () => {
  it('the monthly summary, the trend and the list totals say 6,47 GB on average', async () => {
    const { user } = await openWithAYearOfSito('/usage/monthly');
    await user.click(screen.getByRole('link', { name: 'Andamento 12 mesi' }));
    await user.click(screen.getByRole('link', { name: 'Riepilogo mensile' }));
    const table = await screen.findByRole('table', { name: 'Utilizzo per servizio e per mese, anno 2026' });
    expect(within(table).getByRole('columnheader', { name: 'Totale o media' })).toBeTruthy();
    const sito = within(table).getByRole('row', { name: /Hosting del sito istituzionale/ });
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(sito)).toContain('6,47 media');
    expect(within(sito).queryByText(/71,17|77,64/)).toBeNull();
    const protocollo = within(table).getByRole('row', { name: /Protocollo informatico/ });
    expect(cells(protocollo).at(-1)).toBe('1.100');
    // Mailboxes are whole: their average (454 / 11 = 41,2727…) is shown to one decimal.
    expect(cells(within(table).getByRole('row', { name: /Posta elettronica certificata/ }))).toContain('41,3 media');
    expect(screen.getByText(/si mostra la media dei mesi con registrazioni, non la somma/)).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Andamento 12 mesi' }));
    expect(await screen.findByRole('img', { name: /Hosting del sito istituzionale: ultimi 12 mesi, media mensile 6,47 GB;/ })).toBeTruthy();
    expect(screen.getByText('Media dei mesi con registrazioni: 6,47 GB')).toBeTruthy();
    expect(screen.getByRole('img', { name: /Protocollo informatico: ultimi 12 mesi, totale 1\.200 documenti;/ })).toBeTruthy();

    await user.click(screen.getByRole('link', { name: 'Registra ed elenco' }));
    const list = await screen.findByRole('region', { name: 'Registrazioni' });
    expect(await within(list).findByText('6,47 GB di media mensile, da 12 registrazioni')).toBeTruthy();
    expect(within(list).getByText('1.200 documenti in 12 registrazioni')).toBeTruthy();
  });
});
