import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BIG, damagePages, fullCheckLongAgo, townHallWithRows } from '../helpers/damaged-store';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

/**
 * A big store's weekly full check runs after the start and finds a damaged page: the window
 * says so above the page, in Italian, with the way out (the restore in Settings). The real core,
 * a real damaged file, the real background check.
 */
async function damagedTownHall(): Promise<string> {
  const dataDir = await townHallWithRows();
  fullCheckLongAgo(dataDir);
  damagePages(dataDir);
  return dataDir;
}

describe('the store damaged: the window', () => {
  it('shows an Italian alert with what to do and a link to the restore, once the background check finds the damage', async () => {
    window.history.replaceState(null, '', '/#/');
    const dataDir = await damagedTownHall();
    const api = await openUiBackend({ dataDir, store: { startupCheck: BIG, backgroundStoreCheck: { delayMs: 0 } } });
    renderApp(api);
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(within(alert).getByText('Il database è danneggiato: le modifiche sono sospese')).toBeTruthy();
    expect(alert.textContent).toMatch(/non registra più modifiche.*Ripristinare l’ultima copia di sicurezza/);
    const link = within(alert).getByRole('link', { name: 'Ripristina una copia di sicurezza (Impostazioni › Copie di sicurezza)' });
    expect(link.getAttribute('href')).toBe('#/settings/backup');
  }, 60_000);
});
