import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { BackupOverview } from '../../shared/domain/backup';
import { openUiBackend } from './real-backend';
import { renderApp } from './render-app';

const COPY = { name: 'cst-desk-2026-11-25T08-00-00Z.sqlite', takenAt: '2026-11-25T08:00:00Z', sizeBytes: 3_250_000, ok: true };
const FAILED: BackupOverview = {
  folder: '/tmp/cst-test/backups',
  backups: [COPY],
  lastAttempt: {
    at: '2026-11-26T08:00:00.000Z',
    ok: false,
    error: {
      code: 'E_IO',
      message: 'Copia di sicurezza non riuscita in /tmp/cst-test/backups: il disco è pieno. I dati non sono stati toccati; liberare spazio o controllare i permessi della cartella, poi riprovare.',
      params: { folder: '/tmp/cst-test/backups', reason: 'ENOSPC' },
    },
  },
  running: false,
};

async function violations(): Promise<string[]> {
  const result = await axe.run(document, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * A full disk cannot be arranged on this machine: for the failure shown after one, the overview
 * the core would give then (its own words, from backup-service's ioError) stands in for the real
 * `backup.list`; everything else is the real core.
 */
async function openSettings(overview: BackupOverview | null, locale: 'it' | 'en' = 'it') {
  window.history.replaceState(null, '', '/#/settings');
  const api = await openUiBackend({ as: 'municipality', locale });
  if (overview) api.override('backup.list', () => ({ ok: true, value: overview }));
  return { ...renderApp(api, locale), api };
}

describe('settings: Copie di sicurezza', () => {
  it('lists the copies, shows the last failure in words a clerk can act on and how to restore; no axe violation', async () => {
    await openSettings(FAILED);
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    const table = await within(card).findByRole('table', { name: 'Copie di sicurezza presenti, dalla più recente' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toBe('25/11/2026, 09:00');
    expect(within(row).getByText(COPY.name)).toBeTruthy();
    expect(within(row).getByText('3,1 MB')).toBeTruthy();
    expect(within(row).getByText('Verificata')).toBeTruthy();
    expect(within(card).getByText('L’ultima copia non è riuscita (26/11/2026, 09:00)')).toBeTruthy();
    expect(within(card).getByText(/il disco è pieno/)).toBeTruthy();
    expect(within(card).getByText(`npx cst backup restore ${COPY.name}`)).toBeTruthy();
    expect(within(card).getByText(/Con CST Desk chiuso, il tecnico/)).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('in English the failure is said by its reason', async () => {
    await openSettings(FAILED, 'en');
    const card = await screen.findByRole('region', { name: 'Backups' });
    expect(await within(card).findByText(/The disk is full: free some space/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Make a backup now' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('"Crea una copia adesso" makes one, confirms it and reloads the list', async () => {
    const { user, api } = await openSettings(null);
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    expect(await within(card).findByText('Non c’è ancora nessuna copia di sicurezza.')).toBeTruthy();
    expect(within(card).getByText('npx cst backup restore NOME-DEL-FILE.sqlite')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Crea una copia adesso' }));
    const made = await screen.findByText(/^Copia creata e verificata: cst-desk-2026-11-26T09-00-\d\dZ\.sqlite\.$/);
    const name = /(cst-desk-\S+\.sqlite)/.exec(made.textContent ?? '')?.[1] ?? '';
    const table = await within(card).findByRole('table', { name: 'Copie di sicurezza presenti, dalla più recente' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByText(name)).toBeTruthy();
    expect(within(row).getByRole('rowheader').textContent).toBe('26/11/2026, 10:00');
    expect(within(row).getByText('Verificata')).toBeTruthy();
    expect(within(card).getByText(`npx cst backup restore ${name}`)).toBeTruthy();
    expect(api.callsOf('backup.now')).toHaveLength(1);
  });
});
