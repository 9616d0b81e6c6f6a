import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import type { BackupOverview } from '../../shared/domain/backup';
import { createFakeApi, URBINO } from './fake-api';
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

function openSettings(overview: () => BackupOverview, locale: 'it' | 'en' = 'it', now?: () => unknown) {
  window.history.replaceState(null, '', '/#/settings');
  const api = createFakeApi({
    installation: URBINO,
    locale,
    override: {
      'backup.list': () => ({ ok: true, value: overview() }),
      ...(now ? { 'backup.now': now as never } : {}),
    },
  });
  return { ...renderApp(api, locale), api };
}

describe('settings: Copie di sicurezza', () => {
  it('lists the copies, shows the last failure in words a clerk can act on and how to restore; no axe violation', async () => {
    openSettings(() => FAILED);
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
    openSettings(() => FAILED, 'en');
    const card = await screen.findByRole('region', { name: 'Backups' });
    expect(await within(card).findByText(/The disk is full: free some space/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Make a backup now' })).toBeTruthy();
    expect(await violations()).toEqual([]);
  });

  it('"Crea una copia adesso" makes one, confirms it and reloads the list', async () => {
    let backups: BackupOverview['backups'] = [];
    const { user, api } = openSettings(
      () => ({ folder: '/tmp/cst-test/backups', backups, lastAttempt: backups.length ? { at: COPY.takenAt, ok: true, name: COPY.name } : null, running: false }),
      'it',
      () => {
        backups = [COPY];
        return { ok: true, value: COPY };
      },
    );
    const card = await screen.findByRole('region', { name: 'Copie di sicurezza' });
    expect(await within(card).findByText('Non c’è ancora nessuna copia di sicurezza.')).toBeTruthy();
    expect(within(card).getByText('npx cst backup restore NOME-DEL-FILE.sqlite')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Crea una copia adesso' }));
    expect(await screen.findByText(`Copia creata e verificata: ${COPY.name}.`)).toBeTruthy();
    await waitFor(() => expect(within(card).getByRole('table')).toBeTruthy());
    expect(api.callsOf('backup.now')).toHaveLength(1);
  });
});
